import test from "ava";
import type { VirtualMachine, VirtualMachineInstance } from "../api";
import { planRestart, planStart, planStop, type Plan } from "./lifecycle";

const vm = (runStrategy: string, status?: Record<string, unknown>): VirtualMachine & { metadata: { name: string } } => ({
  metadata: { name: "myvm" },
  spec: { runStrategy, template: { spec: { domain: { devices: {} } } } },
  ...(status ? { status } : {}),
});
const vmi = (phase: string, grace = 30): VirtualMachineInstance => ({ metadata: { name: "myvm", uid: "u1" }, spec: { domain: { devices: {} }, terminationGracePeriodSeconds: grace }, status: { phase } });

const outcome = (p: Plan): string => ("error" in p ? `${p.error.code} ${p.error.message}` : p.steps.map((s) => s.kind).join(","));

test("start: Halted flips the run strategy; Always refuses; a running VM conflicts", (t) => {
  const halted = planStart(vm("Halted", { created: false }), undefined, {});
  t.deepEqual(halted, { steps: [{ kind: "patchVm", ops: [{ op: "test", path: "/spec/runStrategy", value: "Halted" }, { op: "replace", path: "/spec/runStrategy", value: "Always" }] }] });
  t.is(outcome(planStart(vm("Always"), undefined, {})), '409 Operation cannot be fulfilled on virtualmachine.kubevirt.io "myvm": Always does not support manual start requests');
  t.is(outcome(planStart(vm("Halted"), vmi("Running"), {})), '409 Operation cannot be fulfilled on virtualmachine.kubevirt.io "myvm": VM is already running');
});

test("start: Manual queues a Start, and a Stop of the finished VMI before it", (t) => {
  t.deepEqual(planStart(vm("Manual"), undefined, {}), { steps: [{ kind: "patchVmStatus", ops: [{ op: "add", path: "/status", value: { stateChangeRequests: [{ action: "Start" }] } }] }] });
  const p = planStart(vm("Manual", { created: true }), vmi("Succeeded"), {});
  t.deepEqual("steps" in p && p.steps[0].kind === "patchVmStatus" ? p.steps[0].ops[1].value : undefined, [{ action: "Stop", uid: "u1" }, { action: "Start" }]);
  t.is(outcome(planStart(vm("RerunOnFailure"), vmi("Failed"), {})).slice(0, 3), "409");
});

test("stop: Always flips to Halted; --grace-period patches the VMI first; a stopped Manual VM conflicts", (t) => {
  t.is(outcome(planStop(vm("Always"), vmi("Running"), {})), "patchVm");
  const forced = planStop(vm("Always"), vmi("Running"), { gracePeriod: 0 });
  t.is(outcome(forced), "patchVmi,patchVm");
  t.deepEqual("steps" in forced ? forced.steps[0] : undefined, { kind: "patchVmi", ops: [{ op: "test", path: "/spec/terminationGracePeriodSeconds", value: 30 }, { op: "add", path: "/spec/terminationGracePeriodSeconds", value: 0 }] });
  t.is(outcome(planStop(vm("Manual"), undefined, {})), '409 Operation cannot be fulfilled on virtualmachine.kubevirt.io "myvm": VM is not running');
  t.is(outcome(planStop(vm("Manual", { created: true }), vmi("Running"), {})), "patchVmStatus");
});

test("stop: Halted with a running VMI accepts only a shorter grace period", (t) => {
  t.is(outcome(planStop(vm("Halted"), vmi("Running"), {})).slice(0, 3), "409");
  t.is(outcome(planStop(vm("Halted"), vmi("Running"), { gracePeriod: 40 })).slice(0, 3), "409");
  t.is(outcome(planStop(vm("Halted", { created: true }), vmi("Running"), { gracePeriod: 0 })), "patchVmi,patchVmStatus");
});

test("restart: queues Stop(uid)+Start; --force deletes the pod; bad grace periods and strategies refused", (t) => {
  const p = planRestart(vm("Always", { created: true, stateChangeRequests: [] }), vmi("Running"), {});
  t.deepEqual(p, {
    steps: [{ kind: "patchVmStatus", ops: [{ op: "test", path: "/status/stateChangeRequests", value: [] }, { op: "add", path: "/status/stateChangeRequests", value: [{ action: "Stop", uid: "u1" }, { action: "Start" }] }] }],
  });
  t.is(outcome(planRestart(vm("Always", { created: true }), vmi("Running"), { gracePeriodSeconds: 0 })), "patchVmStatus,deleteLauncherPod");
  t.is(outcome(planRestart(vm("Always"), vmi("Running"), { gracePeriodSeconds: 5 })), "400 For force restart, only gracePeriod=0 is supported for now");
  t.is(outcome(planRestart(vm("Halted"), undefined, {})).slice(0, 3), "409");
  t.is(outcome(planRestart(vm("Always"), undefined, {})), '409 Operation cannot be fulfilled on virtualmachine.kubevirt.io "myvm": VM is not running: Halted');
  t.is(outcome(planRestart(vm("Always", { created: true, stateChangeRequests: [{ action: "Start" }] }), vmi("Running"), {})).slice(0, 3), "500");
});
