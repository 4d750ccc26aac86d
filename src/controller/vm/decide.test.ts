import test from "ava";
import type { RunStrategy, VirtualMachine, VirtualMachineInstance } from "../../api";
import { decideVm } from "./decide";

const now = new Date("2026-12-01T12:00:00Z");
const vm = (runStrategy?: RunStrategy, extra: Partial<VirtualMachine["spec"]> = {}, status?: Record<string, unknown>): VirtualMachine => ({
  metadata: { name: "myvm", namespace: "default", uid: "vm-uid" },
  spec: { ...(runStrategy ? { runStrategy } : {}), template: { spec: { domain: { devices: {} } } }, ...extra },
  ...(status ? { status } : {}),
});
const vmi = (phase?: string, deleting = false): VirtualMachineInstance => ({
  metadata: { name: "myvm", uid: "vmi-uid", ...(deleting ? { deletionTimestamp: "2026-12-01T11:59:00Z" } : {}) },
  spec: { domain: { devices: {} } },
  status: phase ? { phase } : {},
});

// runStrategy × observed VMI → action, as KubeVirt's VM controller decides.
const table: Array<[RunStrategy, string | undefined, string]> = [
  ["Always", undefined, "createVmi"],
  ["Always", "Pending", "none"],
  ["Always", "Running", "none"],
  ["Always", "Succeeded", "deleteVmi:restart"],
  ["Always", "Failed", "deleteVmi:restart"],
  ["RerunOnFailure", undefined, "createVmi"],
  ["RerunOnFailure", "Running", "none"],
  ["RerunOnFailure", "Succeeded", "none"],
  ["RerunOnFailure", "Failed", "deleteVmi:restart"],
  ["Once", undefined, "createVmi"],
  ["Once", "Running", "none"],
  ["Once", "Succeeded", "none"],
  ["Once", "Failed", "none"],
  ["Manual", undefined, "none"],
  ["Manual", "Running", "none"],
  ["Manual", "Failed", "none"],
  ["Halted", undefined, "none"],
  ["Halted", "Scheduling", "deleteVmi:stop"],
  ["Halted", "Running", "deleteVmi:stop"],
  ["Halted", "Succeeded", "deleteVmi:stop"],
];

const describe = (a: ReturnType<typeof decideVm>): string => (a.kind === "deleteVmi" ? `deleteVmi:${a.reason}` : a.kind);

for (const [strategy, phase, expected] of table) {
  test(`${strategy} with ${phase ? `a ${phase} VMI` : "no VMI"} → ${expected}`, (t) => {
    t.is(describe(decideVm(vm(strategy), phase === undefined ? undefined : vmi(phase), now)), expected);
  });
}

test("the deprecated running: true is Always, false and unset are Halted", (t) => {
  t.is(decideVm(vm(undefined, { running: true }), undefined, now).kind, "createVmi");
  t.is(describe(decideVm(vm(undefined, { running: false }), vmi("Running"), now)), "deleteVmi:stop");
  t.is(decideVm(vm(), undefined, now).kind, "none");
});

test("a VMI being deleted is waited for, whatever the strategy", (t) => {
  for (const s of ["Always", "Halted", "RerunOnFailure"] as RunStrategy[]) t.is(decideVm(vm(s), vmi("Running", true), now).kind, "none");
});

test("a VM being deleted stops its VMI and creates none", (t) => {
  const deleting = { ...vm("Always"), metadata: { ...vm("Always").metadata, deletionTimestamp: "2026-12-01T11:59:00Z" } };
  t.is(describe(decideVm(deleting, vmi("Running"), now)), "deleteVmi:vmDeleted");
  t.is(decideVm(deleting, undefined, now).kind, "none");
});

test("a restart after failures waits out the backoff", (t) => {
  const failing = vm("Always", {}, { startFailure: { consecutiveFailCount: 2, retryAfterTimestamp: "2026-12-01T12:00:20Z" } });
  t.deepEqual(decideVm(failing, undefined, now), { kind: "waitToStart", ms: 20_000 });
  t.is(decideVm(failing, undefined, new Date("2026-12-01T12:00:21Z")).kind, "createVmi");
  t.true((decideVm(failing, vmi("Failed"), now) as { failed?: boolean }).failed);
});

// Queued requests of the subresource API (virtctl start/stop/restart), as KubeVirt's controller acts on them.
const stop = { action: "Stop", uid: "vmi-uid" };
const start = { action: "Start" };
const queued: Array<[RunStrategy, object[], string | undefined, string]> = [
  ["Always", [stop, start], "Running", "deleteVmi:restart"],
  ["Always", [{ action: "Stop", uid: "older-uid" }, start], "Running", "none"],
  ["Manual", [stop], "Running", "deleteVmi:stop"],
  ["Manual", [start], undefined, "createVmi"],
  ["Manual", [], undefined, "none"],
  ["RerunOnFailure", [stop], "Running", "deleteVmi:stop"],
  ["RerunOnFailure", [start], undefined, "createVmi"],
];
for (const [strategy, requests, phase, expected] of queued) {
  test(`${strategy} with requests ${JSON.stringify(requests.map((r) => (r as { action: string }).action))} and ${phase ?? "no"} VMI → ${expected}`, (t) => {
    const v = vm(strategy, {}, { runStrategy: strategy, stateChangeRequests: requests });
    t.is(describe(decideVm(v, phase === undefined ? undefined : vmi(phase), now)), expected);
  });
}

test("a stopped RerunOnFailure VM stays stopped; a failed one queues its own start", (t) => {
  t.is(decideVm(vm("RerunOnFailure", {}, { runStrategy: "RerunOnFailure" }), undefined, now).kind, "none");
  t.true((decideVm(vm("RerunOnFailure"), vmi("Failed"), now) as { queueStart?: boolean }).queueStart);
});
