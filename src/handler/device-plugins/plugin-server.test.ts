/**
 * The device plugin server against a stand-in for the kubelet, over real gRPC on a unix socket:
 * what the kubelet's plugin watcher and device manager call, in their order, twice over (a
 * restarted kubelet registers the same socket again).
 */
import test from "ava";
import { credentials, makeClientConstructor, type Client, type ServiceDefinition } from "@grpc/grpc-js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devicePluginsFor } from "./devices";
import { kubeletPluginServices } from "./grpc-services";
import { DevicePluginServer } from "./plugin-server";

type Dynamic = Client & Record<string, (...args: unknown[]) => unknown>;
const services = kubeletPluginServices();

function client(definition: ServiceDefinition, socket: string): Dynamic {
  const Ctor = makeClientConstructor(definition, "x");
  return new Ctor(`unix:${socket}`, credentials.createInsecure()) as unknown as Dynamic;
}

function unary<T>(c: Dynamic, method: string, request: unknown): Promise<T> {
  return new Promise((resolve, reject) => c[method](request, (err: Error | null, res: T) => (err ? reject(err) : resolve(res))));
}

/** One kubelet's round: GetInfo, NotifyRegistrationStatus, the first ListAndWatch message, Allocate. */
async function kubeletRound(socket: string): Promise<{ info: Record<string, unknown>; devices: number; allocated: unknown }> {
  const registration = client(services.registration, socket);
  const info = await unary<Record<string, unknown>>(registration, "GetInfo", {});
  await unary(registration, "NotifyRegistrationStatus", { plugin_registered: true });
  registration.close();
  const plugin = client(services.devicePlugin, String(info.endpoint));
  const devices = await new Promise<number>((resolve, reject) => {
    const stream = plugin.ListAndWatch({}) as NodeJS.EventEmitter & { cancel(): void };
    stream.once("data", (m: { devices: unknown[] }) => (resolve(m.devices.length), stream.cancel()));
    stream.once("error", (err: Error & { code?: number }) => err.code !== 1 && reject(err));
  });
  const allocated = await unary(plugin, "Allocate", { container_requests: [{ devices_ids: ["tun0"] }] });
  plugin.close();
  return { info, devices, allocated };
}

test("the kubelet registers the plugin, lists its devices and allocates one, and does so again after a restart", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "dp-"));
  const logs: string[] = [];
  const server = new DevicePluginServer(devicePluginsFor({ vhostNet: false, kvmWorks: false })[0], dir, services, (m) => logs.push(m));
  await server.start();
  try {
    for (let round = 0; round < 2; round++) {
      const r = await kubeletRound(server.socketPath);
      t.deepEqual(r.info, { type: "DevicePlugin", name: "devices.kubevirt.io/tun", endpoint: server.socketPath, supported_versions: ["v1beta1"] });
      t.is(r.devices, 1000);
      t.like(r.allocated, { container_responses: [{ devices: [{ container_path: "/dev/net/tun", host_path: "/dev/net/tun", permissions: "rw" }] }] });
    }
    t.is(logs.filter((m) => m === "device plugin registered with the kubelet").length, 2);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an allocation of an unknown device fails the call", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "dp-"));
  const server = new DevicePluginServer(devicePluginsFor({ vhostNet: false, kvmWorks: false })[0], dir, services, () => undefined);
  await server.start();
  try {
    const plugin = client(services.devicePlugin, server.socketPath);
    const err = await t.throwsAsync(unary(plugin, "Allocate", { container_requests: [{ devices_ids: ["nope"] }] }));
    t.regex(err?.message ?? "", /unknown device IDs nope/);
    plugin.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
