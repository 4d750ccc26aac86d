/**
 * What `start`, `stop` and `restart` on a VM change (pure), with KubeVirt's semantics, messages and
 * status codes (v1.6.0 pkg/virt-api/rest/lifecycle.go): a run strategy the API may flip (Always,
 * Halted, Once) is patched in the spec; one it must keep (Manual, RerunOnFailure, a restart) gets a
 * request queued in status.stateChangeRequests that the controller acts on. Every patch is guarded
 * by a JSON-patch `test` of what it was decided from, so a concurrent change gives 409, not a lost write.
 */
import type { VirtualMachine, VirtualMachineInstance, VirtualMachineStateChangeRequest } from "../api";
import { isFinal } from "../controller/vmi/phases";
import { runStrategyOf } from "../controller/vm/run-strategy";
import { badRequest, conflict, internal, type StatusError } from "./status";

export type PatchOp = { op: "test" | "add" | "replace" | "remove"; path: string; value?: unknown };

export type Step =
  | { kind: "patchVm"; ops: PatchOp[] }
  | { kind: "patchVmStatus"; ops: PatchOp[] }
  | { kind: "patchVmi"; ops: PatchOp[] }
  /** restart --force: the launcher pod goes at once (grace 1 s), as KubeVirt deletes it. */
  | { kind: "deleteLauncherPod"; vmiUid: string };

export type Plan = { error: StatusError } | { steps: Step[] };

export interface StartOptions { paused?: boolean; dryRun?: string[] }
export interface StopOptions { gracePeriod?: number; dryRun?: string[] }
export interface RestartOptions { gracePeriodSeconds?: number; dryRun?: string[] }

type Vm = VirtualMachine & { metadata: { name: string } };
type Vmi = VirtualMachineInstance;

const NOT_RUNNING = "VM is not running";
const uidOf = (vmi: Vmi): string => String((vmi.metadata as { uid?: string }).uid ?? "");
const phaseOf = (vmi: Vmi | undefined): string => vmi?.status?.phase ?? "";

/** spec.runStrategy (or the deprecated spec.running) set to run or not, guarded by its current value. */
function runningPatch(vm: Vm, running: boolean): PatchOp[] {
  if (vm.spec.runStrategy !== undefined) {
    return [{ op: "test", path: "/spec/runStrategy", value: vm.spec.runStrategy }, { op: "replace", path: "/spec/runStrategy", value: running ? "Always" : "Halted" }];
  }
  return [{ op: "test", path: "/spec/running", value: vm.spec.running ?? null }, { op: "add", path: "/spec/running", value: running }];
}

/** Queues requests in status.stateChangeRequests; a Stop alone replaces what is queued, anything else needs an empty queue. */
function changeRequestOps(vm: Vm, changes: VirtualMachineStateChangeRequest[]): PatchOp[] | StatusError {
  const status = (vm.status ?? {}) as Record<string, unknown>;
  const ops: PatchOp[] = [];
  if (Object.keys(status).length === 0) {
    ops.push({ op: "add", path: "/status", value: { stateChangeRequests: changes } });
  } else {
    const queued = vm.status?.stateChangeRequests;
    ops.push({ op: "test", path: "/status/stateChangeRequests", value: queued ?? null });
    if (!queued || queued.length === 0) ops.push({ op: "add", path: "/status/stateChangeRequests", value: changes });
    else if (changes.length === 1 && changes[0].action === "Stop") ops.push({ op: "replace", path: "/status/stateChangeRequests", value: changes });
    else return internal("unable to complete request: stop/start already underway");
  }
  if (status.startFailure !== undefined) ops.push({ op: "remove", path: "/status/startFailure" });
  return ops;
}

const statusSteps = (vm: Vm, changes: VirtualMachineStateChangeRequest[]): Plan => {
  const ops = changeRequestOps(vm, changes);
  return Array.isArray(ops) ? { steps: [{ kind: "patchVmStatus", ops }] } : { error: ops };
};

export function planStart(vm: Vm, vmi: Vmi | undefined, opts: StartOptions): Plan {
  const name = vm.metadata.name;
  const phase = phaseOf(vmi);
  if (vmi && !isFinal(phase) && phase !== "Unknown" && phase !== "") return { error: conflict("virtualmachine", name, "VM is already running") };
  if (opts.paused) return { error: badRequest("starting a VM paused (--paused) is not supported yet by kubevirt-ts: start it, then `virtctl pause vmi`") };
  const strategy = runStrategyOf(vm);
  switch (strategy) {
    case "Halted":
      return { steps: [{ kind: "patchVm", ops: runningPatch(vm, true) }] };
    case "RerunOnFailure":
    case "Manual": {
      if (strategy === "RerunOnFailure" && phase === "Failed") return { error: conflict("virtualmachine", name, "RerunOnFailure does not support starting VM from failed state") };
      const needsRestart = vmi !== undefined && (strategy === "RerunOnFailure" ? phase === "Succeeded" : isFinal(phase));
      return statusSteps(vm, needsRestart ? [{ action: "Stop", uid: uidOf(vmi) }, { action: "Start" }] : [{ action: "Start" }]);
    }
    default:
      return { error: conflict("virtualmachine", name, `${strategy} does not support manual start requests`) };
  }
}

export function planStop(vm: Vm, vmi: Vmi | undefined, opts: StopOptions): Plan {
  const name = vm.metadata.name;
  const running = vmi !== undefined && !isFinal(phaseOf(vmi));
  const steps: Step[] = [];
  const oldGrace = vmi?.spec?.terminationGracePeriodSeconds;
  if (running && opts.gracePeriod !== undefined) {
    // The shorter grace period goes on the VMI first: the node agent gives the guest that long.
    steps.push({ kind: "patchVmi", ops: [{ op: "test", path: "/spec/terminationGracePeriodSeconds", value: oldGrace ?? null }, { op: "add", path: "/spec/terminationGracePeriodSeconds", value: opts.gracePeriod }] });
  }
  const strategy = runStrategyOf(vm);
  switch (strategy) {
    case "Halted": {
      if (!running) return { error: conflict("virtualmachine", name, NOT_RUNNING) };
      if (opts.gracePeriod === undefined || (oldGrace !== undefined && opts.gracePeriod >= oldGrace)) {
        return { error: conflict("virtualmachine", name, "Halted only supports manual stop requests with a shorter graceperiod") };
      }
      return withStatus(steps, vm, vmi!);
    }
    case "RerunOnFailure":
    case "Manual":
      if (!running) return { error: conflict("virtualmachine", name, NOT_RUNNING) };
      return withStatus(steps, vm, vmi!);
    default:
      return { steps: [...steps, { kind: "patchVm", ops: runningPatch(vm, false) }] };
  }
}

function withStatus(steps: Step[], vm: Vm, vmi: Vmi): Plan {
  const plan = statusSteps(vm, [{ action: "Stop", uid: uidOf(vmi) }]);
  return "error" in plan ? plan : { steps: [...steps, ...plan.steps] };
}

export function planRestart(vm: Vm, vmi: Vmi | undefined, opts: RestartOptions): Plan {
  const name = vm.metadata.name;
  const grace = opts.gracePeriodSeconds;
  if (grace !== undefined && grace > 0) return { error: badRequest("For force restart, only gracePeriod=0 is supported for now") };
  if (grace !== undefined && grace < 0) return { error: badRequest("gracePeriod has to be greater or equal to 0") };
  const strategy = runStrategyOf(vm);
  // "RunStategy" (sic): KubeVirt's own message, kept so scripts matching it keep working.
  if (strategy === "Halted" || strategy === "Once") return { error: conflict("virtualmachine", name, `RunStategy ${strategy} does not support manual restart requests`) };
  if (!vmi) return { error: conflict("virtualmachine", name, "VM is not running: Halted") };
  const plan = statusSteps(vm, [{ action: "Stop", uid: uidOf(vmi) }, { action: "Start" }]);
  if ("error" in plan || grace !== 0) return plan;
  return { steps: [...plan.steps, { kind: "deleteLauncherPod", vmiUid: uidOf(vmi) }] };
}
