import test from "ava";
import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import type { ObservedPod } from "../kube-types";
import { printableStatus, vmStatus } from "./status";

const now = new Date("2026-12-01T12:00:00Z");
const vm = (runStrategy = "Always", meta: Record<string, unknown> = {}): VirtualMachine => ({
  metadata: { name: "myvm", generation: 3, ...meta },
  spec: { runStrategy, template: { spec: { domain: { devices: {} } } } },
});
const vmi = (phase: string, conditions: Array<{ type: string; status: string; reason?: string }> = [], deleting = false): VirtualMachineInstance => ({
  metadata: { name: "myvm", ...(deleting ? { deletionTimestamp: "x" } : {}) },
  spec: { domain: { devices: {} } },
  status: { phase, conditions },
});
const pulling: ObservedPod = { metadata: { name: "p" }, status: { phase: "Pending", containerStatuses: [{ name: "volumedisk", state: { waiting: { reason: "ImagePullBackOff" } } }] } };

const cases: Array<[string, VirtualMachine, VirtualMachineInstance | undefined, ObservedPod[], string]> = [
  ["no VMI", vm("Halted"), undefined, [], "Stopped"],
  ["a VMI starting", vm(), vmi("Scheduling"), [], "Starting"],
  ["a pod no node can take", vm(), vmi("Scheduling", [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }]), [], "ErrorUnschedulable"],
  ["an image that cannot be pulled", vm(), vmi("Scheduling"), [pulling], "ImagePullBackOff"],
  ["a running VMI", vm(), vmi("Running", [{ type: "Ready", status: "True" }]), [], "Running"],
  ["a paused VMI", vm(), vmi("Running", [{ type: "Paused", status: "True" }]), [], "Paused"],
  ["Halted with a running VMI", vm("Halted"), vmi("Running"), [], "Stopping"],
  ["a VMI being deleted", vm(), vmi("Running", [], true), [], "Stopping"],
  ["a finished VMI", vm("Once"), vmi("Succeeded"), [], "Stopped"],
  ["the VM being deleted", vm("Always", { deletionTimestamp: "x" }), vmi("Running"), [], "Terminating"],
];
for (const [what, v, i, pods, expected] of cases) {
  test(`printableStatus: ${what} → ${expected}`, (t) => t.is(printableStatus(v, i, pods, now), expected));
}

test("ready and created follow the VMI; Ready mirrors it; the generation is observed", (t) => {
  const running = vmStatus(vm(), vmi("Running", [{ type: "Ready", status: "True" }]), [], now);
  t.true(running.ready);
  t.true(running.created);
  t.is(running.observedGeneration, 3);
  t.like(running.conditions.find((c) => c.type === "Ready"), { status: "True" });
  const stopped = vmStatus(vm("Halted"), undefined, [], now);
  t.is(stopped.ready, undefined);
  t.is(stopped.created, undefined);
  t.like(stopped.conditions.find((c) => c.type === "Ready"), { status: "False", reason: "VMINotExists" });
});

test("the VMI's other conditions show on the VM, and go with them", (t) => {
  const failing = vmStatus(vm(), vmi("Pending", [{ type: "Synchronized", status: "False", reason: "FailedCreate" }, { type: "Ready", status: "False", reason: "GuestNotRunning" }]), [], now);
  t.like(failing.conditions.find((c) => c.type === "Synchronized"), { status: "False", reason: "FailedCreate" });
  t.is(failing.conditions.filter((c) => c.type === "Ready").length, 1);
  const fixed = vmStatus({ ...vm(), status: failing } as VirtualMachine, vmi("Scheduling"), [], now);
  t.is(fixed.conditions.find((c) => c.type === "Synchronized"), undefined);
});
