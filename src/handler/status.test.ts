import test from "ava";
import { newVmi } from "../launcher/testing/vmi-builder";
import type { Vmi } from "./observed";
import { phaseAdvances, statusPatch, type Phase } from "./status";

const now = new Date("2026-12-01T12:00:00Z");
const earlier = "2026-12-01T11:00:00.000Z";

function vmi(status: Vmi["status"]): Vmi {
  const v = newVmi("vm");
  v.status = status;
  return v;
}

const phases: Array<[string | undefined, Phase, boolean]> = [
  [undefined, "Running", true],
  ["Scheduled", "Running", true],
  ["Running", "Running", false],
  ["Running", "Scheduled", false],
  ["Running", "Succeeded", true],
  ["Scheduled", "Failed", true],
  ["Succeeded", "Failed", false],
  ["Failed", "Running", false],
];
for (const [from, to, ok] of phases) {
  test(`phase ${String(from)} → ${to}: ${ok ? "advances" : "refused"}`, (t) => {
    t.is(phaseAdvances(from, to), ok);
  });
}

test("Scheduled → Running writes phase, Ready and a transition timestamp", (t) => {
  const p = statusPatch(vmi({ phase: "Scheduled", phaseTransitionTimestamps: [{ phase: "Scheduled", phaseTransitionTimestamp: earlier }] as never }), { phase: "Running", ready: { status: "True" } }, now);
  t.is(p?.phase, "Running");
  t.deepEqual(p?.conditions, [{ type: "Ready", status: "True", lastTransitionTime: now.toISOString() }]);
  t.deepEqual(p?.phaseTransitionTimestamps, [
    { phase: "Scheduled", phaseTransitionTimestamp: earlier },
    { phase: "Running", phaseTransitionTimestamp: now.toISOString() },
  ]);
});

test("nothing changes: no patch at all", (t) => {
  const v = vmi({ phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: earlier }], interfaces: [{ name: "default", ipAddress: "10.0.0.5" }] });
  t.is(statusPatch(v, { phase: "Running", ready: { status: "True" }, interfaces: [{ name: "default", ipAddress: "10.0.0.5" }] }, now), undefined);
});

test("a reason change keeps lastTransitionTime while the status holds, and keeps other conditions", (t) => {
  const other = { type: "LiveMigratable", status: "False", lastTransitionTime: earlier };
  const v = vmi({ phase: "Running", conditions: [other, { type: "Ready", status: "False", reason: "Paused", lastTransitionTime: earlier }] });
  const p = statusPatch(v, { ready: { status: "False", reason: "ShuttingDown" } }, now);
  t.deepEqual(p?.conditions, [other, { type: "Ready", status: "False", reason: "ShuttingDown", lastTransitionTime: earlier }]);
});

test("a final phase is never replaced, and its conditions are left alone", (t) => {
  const v = vmi({ phase: "Failed", conditions: [{ type: "Ready", status: "False", reason: "PodDeleted" }] });
  t.is(statusPatch(v, { phase: "Succeeded", ready: { status: "False", reason: "Deleted" } }, now), undefined);
});

test("a final phase carries its reason", (t) => {
  const p = statusPatch(vmi({ phase: "Running" }), { phase: "Failed", reason: "QEMUCrashed", ready: { status: "False", reason: "QEMUCrashed" } }, now);
  t.is(p?.phase, "Failed");
  t.is(p?.reason, "QEMUCrashed");
});

test("changed interfaces are written whole", (t) => {
  const p = statusPatch(vmi({ phase: "Running", interfaces: [{ name: "default" }] }), { interfaces: [{ name: "default", ipAddress: "10.0.0.7", ipAddresses: ["10.0.0.7"] }] }, now);
  t.deepEqual(p, { interfaces: [{ name: "default", ipAddress: "10.0.0.7", ipAddresses: ["10.0.0.7"] }] });
});

test("a paused domain adds KubeVirt's Paused condition next to Ready; running again removes it; no change writes nothing", (t) => {
  const running = vmi({ phase: "Running", conditions: [{ type: "Ready", status: "True", lastTransitionTime: earlier }] });
  const paused = statusPatch(running, { phase: "Running", paused: true, ready: { status: "False", reason: "Paused", message: "The guest is paused." } }, now)!;
  t.deepEqual(paused.conditions?.map((c) => `${c.type}=${c.status}/${c.reason ?? ""}`), ["Ready=False/Paused", "Paused=True/PausedByUser"]);
  t.is(statusPatch(vmi({ phase: "Running", conditions: paused.conditions }), { phase: "Running", paused: true, ready: { status: "False", reason: "Paused", message: "The guest is paused." } }, now), undefined);
  const resumed = statusPatch(vmi({ phase: "Running", conditions: paused.conditions }), { phase: "Running", paused: false, ready: { status: "True" } }, now)!;
  t.deepEqual(resumed.conditions?.map((c) => `${c.type}=${c.status}`), ["Ready=True"]);
});
