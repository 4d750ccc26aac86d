import test from "ava";
import { launcherPodView, type PodLike } from "./pod-view";

const pod = (name: string, o: { node?: string; phase?: string; running?: boolean; exit?: number; created?: string; deleting?: boolean; ips?: string[] } = {}): PodLike => ({
  metadata: { name, uid: `${name}-uid`, creationTimestamp: o.created ?? "2026-12-01T10:00:00Z", ...(o.deleting && { deletionTimestamp: "2026-12-01T11:00:00Z" }) },
  spec: { nodeName: o.node ?? "node-a" },
  status: {
    phase: o.phase ?? "Running",
    podIPs: (o.ips ?? []).map((ip) => ({ ip })),
    containerStatuses: [{ name: "compute", state: o.exit !== undefined ? { terminated: { exitCode: o.exit, message: "libvirtd exited\n" } } : o.running === false ? { waiting: {} } as never : { running: {} } }],
  },
});

test("no pods, or only pods on other nodes: none", (t) => {
  t.is(launcherPodView([], "node-a"), undefined);
  t.is(launcherPodView([pod("p", { node: "node-b" })], "node-a"), undefined);
});

test("a running compute container with its IPs", (t) => {
  t.deepEqual(launcherPodView([pod("p", { ips: ["10.88.0.4"] })], "node-a"), { name: "p", uid: "p-uid", computeRunning: true, deleting: false, podIPs: ["10.88.0.4"] });
});

test("compute not started yet, or the pod finished: not running", (t) => {
  t.false(launcherPodView([pod("p", { running: false })], "node-a")!.computeRunning);
  t.false(launcherPodView([pod("p", { phase: "Failed" })], "node-a")!.computeRunning);
});

test("a live pod wins over a newer finished one; among live ones the newest", (t) => {
  const old = pod("old", { created: "2026-12-01T09:00:00Z" });
  const done = pod("done", { phase: "Succeeded", created: "2026-12-01T12:00:00Z" });
  const newer = pod("newer", { created: "2026-12-01T10:30:00Z" });
  t.is(launcherPodView([done, old], "node-a")!.name, "old");
  t.is(launcherPodView([old, newer, done], "node-a")!.name, "newer");
});

test("a pod being deleted says so", (t) => {
  t.true(launcherPodView([pod("p", { deleting: true })], "node-a")!.deleting);
});

test("the compute container ended while the pod runs on: its exit code and message", (t) => {
  const view = launcherPodView([pod("p", { exit: 137 })], "node-a")!;
  t.false(view.computeRunning);
  t.deepEqual(view.computeExit, { exitCode: 137, message: "libvirtd exited" });
  t.is(launcherPodView([pod("p")], "node-a")!.computeExit, undefined, "running: no exit");
  t.is(launcherPodView([pod("p", { exit: 1, phase: "Failed" })], "node-a")!.computeExit, undefined, "a finished pod is the controller's to conclude");
});
