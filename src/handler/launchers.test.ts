import test, { type ExecutionContext } from "ava";
import { mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { CommandServer } from "../launcher/command/server";
import type { DomainInfo, Request } from "../launcher/command/protocol";
import { Launchers, launcherSocketPath } from "./launchers";
import { tempDir } from "../testing/temp-dir";

/**
 * A launcher stand-in on a real command socket, under a kubelet root deep enough to push the node's
 * path to it past sun_path. Like a pod's launcher, it listens at a short path of its own (here a
 * symlink to the emptyDir's directory).
 */
async function launcherAt(t: ExecutionContext, podUid: string, handle: (r: Request) => Promise<unknown>) {
  const root = join(tempDir("kubelet-"), "a-kubelet-root-directory-long-enough-to-push-the-socket-path-past-108-bytes");
  const socketPath = launcherSocketPath(root, podUid);
  mkdirSync(dirname(socketPath), { recursive: true, mode: 0o700 });
  const short = join(tempDir("pod-"), "sockets");
  symlinkSync(dirname(socketPath), short);
  const server = new CommandServer({ handle }, { socketPath: join(short, "launcher.sock"), allowedUids: "any", log: () => undefined });
  await server.start();
  t.teardown(() => server.stop());
  return { root, server, socketPath };
}

const domain: DomainInfo = { name: "ns_vm", state: "running", memoryKiB: 65536, vcpus: 1, cpuTimeNs: 5 };

test("connects through a socket path longer than sun_path, subscribes, reports the domain and remembers its end", async (t) => {
  const podUid = "0a1b2c3d-0000-4000-8000-000000000001";
  const l = await launcherAt(t, podUid, async (r) => (r.method === "domainInfo" ? domain : {}));
  t.true(l.socketPath.length > 108);
  const woken: string[] = [];
  const launchers = new Launchers(l.root, (k) => woken.push(k), () => undefined);
  t.deepEqual(await launchers.view(podUid, "ns/vm", true), { domain });
  const ended = new Promise<void>((resolve) => {
    const timer = setInterval(() => woken.length > 0 && (clearInterval(timer), resolve()), 10);
  });
  l.server.publish({ kind: "crashed", domain: "ns_vm", detail: "Stopped Failed", at: "t" });
  await ended;
  t.deepEqual(woken, ["ns/vm"]);
  t.like(await launchers.view(podUid, "ns/vm", true), { stopped: { kind: "crashed", detail: "Stopped Failed" } });
  launchers.closeAll();
});

test("a launcher not listening yet, or a pod whose compute does not run: nothing known, no error", async (t) => {
  const launchers = new Launchers(tempDir("kubelet-"), () => undefined, () => undefined);
  t.is(await launchers.view("no-such-pod", "ns/vm", true), undefined);
  t.is(await launchers.view("no-such-pod", "ns/vm", false), undefined);
});

test("a sync the launcher refuses is remembered as the VMI's sync error; no-domain on shutdown is fine", async (t) => {
  const podUid = "0a1b2c3d-0000-4000-8000-000000000002";
  const l = await launcherAt(t, podUid, async (r) => {
    if (r.method === "sync") throw new Error("volume cd: no such image");
    if (r.method === "shutdown" || r.method === "domainInfo") throw Object.assign(new Error("no domain is running"), { code: "no-domain" });
    return {};
  });
  const launchers = new Launchers(l.root, () => undefined, () => undefined);
  await t.throwsAsync(launchers.sync(podUid, "ns/vm", { vmi: { spec: { domain: { devices: {} } } } }), { message: /no such image/ });
  t.deepEqual(await launchers.view(podUid, "ns/vm", true), { syncError: "sync: failed: volume cd: no such image", domain: undefined });
  await t.notThrowsAsync(launchers.command(podUid, "ns/vm", "shutdown"));
  launchers.closeAll();
});
