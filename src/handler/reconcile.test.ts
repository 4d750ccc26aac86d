import test from "ava";
import { newVmi } from "../launcher/testing/vmi-builder";
import type { HandlerCluster } from "./cluster";
import type { LauncherView, Vmi } from "./observed";
import type { PodLike } from "./pod-view";
import { NetworkSetupError } from "./network/setup";
import { reconcileVmi, type LauncherPort, type ReconcilerDeps } from "./reconcile";
import type { StatusPatch } from "./status";
import type { EventSpec } from "./transition-events";

const NODE = "node-a";
const now = new Date("2026-12-01T12:00:00Z");

function vmi(phase: string, deletedSecondsAgo?: number): Vmi {
  const v = newVmi("vm");
  v.metadata = { ...v.metadata, uid: "vmi-uid", resourceVersion: "7", labels: { "kubevirt.io/nodeName": NODE } };
  if (deletedSecondsAgo !== undefined) v.metadata.deletionTimestamp = new Date(now.getTime() - deletedSecondsAgo * 1000).toISOString();
  v.spec.terminationGracePeriodSeconds = 30;
  v.status = { phase, nodeName: NODE };
  return v;
}

const runningPod: PodLike = {
  metadata: { name: "virt-launcher-vm-abcde", uid: "pod-uid" },
  spec: { nodeName: NODE },
  status: { phase: "Running", containerStatuses: [{ name: "compute", state: { running: {} } }] },
};

/** Records what a round does to the cluster and the launcher. */
function fakes(o: { vmi?: Vmi; launcher?: LauncherView; patchOk?: boolean; syncError?: Error }) {
  const calls: string[] = [];
  const patches: StatusPatch[] = [];
  const events: EventSpec[] = [];
  const reported = new Set<string>();
  const cluster: HandlerCluster = {
    getVmi: async () => (o.vmi ? structuredClone(o.vmi) : undefined), // a fresh read, as from the API
    listNodeVmis: async () => [],
    launcherPods: async () => [runningPod],
    patchVmiStatus: async (_v, p) => {
      patches.push(p);
      if (o.patchOk === false) return false;
      if (o.vmi) o.vmi.status = { ...o.vmi.status, ...(p as Vmi["status"]) }; // as the API server merges it
      return true;
    },
    recordEvent: async (_v, e) => void events.push(e),
  };
  const launchers: LauncherPort = {
    view: async () => o.launcher,
    sync: async () => {
      calls.push("sync");
      if (o.syncError) throw o.syncError;
    },
    command: async (_p, _k, method) => void calls.push(method),
    forgetVmi: (_k, keep) => void calls.push(`forget:${keep ?? "all"}`),
    firstReport: (pod, _k, what) => !reported.has(`${pod}/${what}`) && !!reported.add(`${pod}/${what}`),
  };
  const deps: ReconcilerDeps = { nodeName: NODE, cluster, launchers, log: () => undefined, now: () => now };
  return { deps, calls, patches, events };
}

const domain = { name: "default_vm", state: "running" as const, memoryKiB: 1, vcpus: 1, cpuTimeNs: 1 };

test("a VMI that is gone: its launcher connections are forgotten, nothing else", async (t) => {
  const f = fakes({});
  t.is(await reconcileVmi(f.deps, "default/vm"), undefined);
  t.deepEqual(f.calls, ["forget:all"]);
  t.deepEqual(f.patches, []);
});

test("a VMI of another node is not touched", async (t) => {
  const other = vmi("Scheduled");
  other.metadata!.labels = { "kubevirt.io/nodeName": "node-b" };
  other.status!.nodeName = "node-b";
  const f = fakes({ vmi: other, launcher: {} });
  await reconcileVmi(f.deps, "default/vm");
  t.deepEqual(f.calls, ["forget:all"]);
});

test("Scheduled with an idle launcher: sync, then look again at once", async (t) => {
  const f = fakes({ vmi: vmi("Scheduled"), launcher: {} });
  t.deepEqual(await reconcileVmi(f.deps, "default/vm"), { requeueAfterMs: 0 });
  t.deepEqual(f.calls, ["forget:pod-uid", "sync"]);
  t.deepEqual(f.patches, []);
});

test("a sync the launcher refuses: look again (the next round writes Failed); a broken connection: retry with backoff", async (t) => {
  const refused = fakes({ vmi: vmi("Scheduled"), launcher: {}, syncError: Object.assign(new Error("sync: failed: bad disk"), { code: "failed" }) });
  t.deepEqual(await reconcileVmi(refused.deps, "default/vm"), { requeueAfterMs: 0 });
  const broken = fakes({ vmi: vmi("Scheduled"), launcher: {}, syncError: Object.assign(new Error("closed"), { code: "closed" }) });
  await t.throwsAsync(reconcileVmi(broken.deps, "default/vm"), { message: "closed" });
});

test("the domain runs: Running and Ready written with the resourceVersion read, and Started recorded", async (t) => {
  const f = fakes({ vmi: vmi("Scheduled"), launcher: { domain } });
  t.is(await reconcileVmi(f.deps, "default/vm"), undefined);
  t.is(f.patches[0]?.phase, "Running");
  t.deepEqual(f.events.map((e) => e.reason), ["Started"]);
});

test("a conflicting status write: no events, decide again at once", async (t) => {
  const f = fakes({ vmi: vmi("Scheduled"), launcher: { domain }, patchOk: false });
  t.deepEqual(await reconcileVmi(f.deps, "default/vm"), { requeueAfterMs: 0 });
  t.deepEqual(f.events, []);
});

test("past the grace period of a deletion: kill, and the Killed event only once", async (t) => {
  const f = fakes({ vmi: vmi("Running", 31), launcher: { domain } });
  await reconcileVmi(f.deps, "default/vm");
  await reconcileVmi(f.deps, "default/vm");
  t.deepEqual(f.calls.filter((c) => c === "kill"), ["kill", "kill"]);
  t.deepEqual(f.events.map((e) => e.reason), ["ShuttingDown", "Killed"]);
});

test("a final VMI: connections forgotten, no command, no write", async (t) => {
  const f = fakes({ vmi: vmi("Succeeded"), launcher: { domain } });
  await reconcileVmi(f.deps, "default/vm");
  t.deepEqual(f.calls, ["forget:all"]);
  t.deepEqual(f.patches, []);
});

test("the pod network is set up before the sync; a failed step is remembered as PodNetworkSetupFailed and no sync is sent", async (t) => {
  const f = fakes({ vmi: vmi("Scheduled"), launcher: {} });
  const failed: string[] = [];
  f.deps.launchers.failSync = (_p, _k, message, reason) => void failed.push(`${reason}: ${message}`);
  f.deps.network = { setup: async () => Promise.reject(new NetworkSetupError("tap", "ip tuntap add …: Operation not permitted")) };
  t.deepEqual(await reconcileVmi(f.deps, "default/vm"), { requeueAfterMs: 0 });
  t.false(f.calls.includes("sync"));
  t.deepEqual(failed, ["PodNetworkSetupFailed: pod network set-up failed at step tap: ip tuntap add …: Operation not permitted"]);

  const ok = fakes({ vmi: vmi("Scheduled"), launcher: {} });
  ok.deps.network = { setup: async () => void ok.calls.push("network") };
  await reconcileVmi(ok.deps, "default/vm");
  t.deepEqual(ok.calls.filter((c) => c === "network" || c === "sync"), ["network", "sync"]);
});

test("the network's memory of a VMI's pods is dropped with its launchers' (a final VMI, or another pod of it)", async (t) => {
  const forgotten: string[] = [];
  const network = { setup: async () => undefined, forgetVmi: (k: string, keep?: string) => void forgotten.push(`${k}:${keep ?? "all"}`) };
  const done = fakes({ vmi: vmi("Succeeded"), launcher: { domain } });
  done.deps.network = network;
  await reconcileVmi(done.deps, "default/vm");
  const running = fakes({ vmi: vmi("Running"), launcher: { domain } });
  running.deps.network = network;
  await reconcileVmi(running.deps, "default/vm");
  t.deepEqual(forgotten, ["default/vm:all", "default/vm:pod-uid"]);
});
