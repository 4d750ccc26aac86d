/**
 * virt-handler's device plugins (KubeVirt's devices.kubevirt.io/tun, vhost-net and kvm): the node's
 * facts decide which run (devices.ts), each serves its own socket in the kubelet's plugins_registry
 * directory (plugin-server.ts). A socket that disappears (its directory recreated) is served anew,
 * so the plugin watcher finds it again.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { errorText, type Logger } from "../log";
import { devicePluginsFor } from "./devices";
import { kubeletPluginServices } from "./grpc-services";
import { hostDeviceFacts } from "./host-facts";
import { DevicePluginServer } from "./plugin-server";

export interface DevicePluginsOptions {
  kubeletRootDir: string;
  log: Logger;
  /** The KVM probe binary (tests point it elsewhere). */
  kvmProbe?: string;
  /** How often a vanished socket is looked for. */
  checkMs?: number;
}

/** The kubelet's plugin watcher directory under its --root-dir. */
export const pluginsRegistryDir = (kubeletRootDir: string): string => join(kubeletRootDir, "plugins_registry");

export async function startDevicePlugins(opts: DevicePluginsOptions): Promise<{ stop(): Promise<void> }> {
  const { log } = opts;
  const registryDir = pluginsRegistryDir(opts.kubeletRootDir);
  await mkdir(registryDir, { recursive: true });
  const facts = await hostDeviceFacts(opts.kvmProbe);
  const specs = devicePluginsFor(facts);
  log("device plugins", { resources: specs.map((s) => s.resourceName), vhostNet: facts.vhostNet, kvm: facts.kvmWorks, kvmProbe: facts.kvmReason });
  const services = kubeletPluginServices();
  const servers = specs.map((s) => new DevicePluginServer(s, registryDir, services, log));
  await Promise.all(servers.map((s) => s.start()));

  let checking = false;
  const check = setInterval(() => {
    if (checking) return;
    checking = true;
    void Promise.all(servers.map(async (server, i) => {
      if (existsSync(server.socketPath)) return;
      log("device plugin socket gone: serving it again", { socket: server.socketPath });
      await server.stop();
      servers[i] = new DevicePluginServer(specs[i], registryDir, services, log);
      await mkdir(registryDir, { recursive: true });
      await servers[i].start();
    })).catch((err: unknown) => log("device plugins: restarting a server failed", { error: errorText(err) })).finally(() => (checking = false));
  }, opts.checkMs ?? 10_000);
  check.unref();

  return {
    async stop() {
      clearInterval(check);
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
