import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import { isFinal } from "../vmi/phases";
import { waitBeforeStart, type StartFailure } from "./backoff";
import { runStrategyOf } from "./run-strategy";
import { hasStartRequest, hasStopRequestFor } from "./state-change";

export type VmAction =
  | { kind: "none" }
  | { kind: "createVmi" }
  /** A start is due, after the restart backoff: check again in `ms`. */
  | { kind: "waitToStart"; ms: number }
  /** queueStart: a RerunOnFailure VM restarts after a failure through a queued Start request, as KubeVirt's does. */
  | { kind: "deleteVmi"; reason: "stop" | "restart" | "vmDeleted"; failed?: boolean; queueStart?: boolean };

/**
 * What a VM's run strategy asks for, given its VMI (or none). Level-based: decided from the current
 * observation only, so a lost or repeated event cannot start a VM twice or strand it.
 * - Always: a VMI always exists; a final one is deleted and a new one created.
 * - RerunOnFailure: started once; restarted only after it Failed.
 * - Once: started once; never restarted.
 * - Manual: left as it is (started and stopped through the subresource API's queued requests).
 * - Halted: no VMI.
 * A queued Stop for the current VMI (status.stateChangeRequests, see state-change.ts) deletes it:
 * under Always a new one follows at once (restart); under Manual and RerunOnFailure it stays stopped.
 * The VM being deleted stops its VMI.
 */
export function decideVm(vm: VirtualMachine, vmi: VirtualMachineInstance | undefined, now: Date): VmAction {
  const vmiDeleting = vmi?.metadata?.deletionTimestamp !== undefined;
  if (vm.metadata?.deletionTimestamp !== undefined) return vmi && !vmiDeleting ? { kind: "deleteVmi", reason: "vmDeleted" } : { kind: "none" };
  if (vmiDeleting) return { kind: "none" }; // wait for it to go
  const strategy = runStrategyOf(vm);
  const phase = vmi?.status?.phase;
  const startFailure = (vm.status as { startFailure?: StartFailure } | undefined)?.startFailure;
  const start = (): VmAction => {
    const ms = waitBeforeStart(startFailure, now);
    return ms > 0 ? { kind: "waitToStart", ms } : { kind: "createVmi" };
  };
  const stopAsked = vmi !== undefined && hasStopRequestFor(vm, vmi);
  switch (strategy) {
    case "Halted":
      return vmi ? { kind: "deleteVmi", reason: "stop" } : { kind: "none" };
    case "Manual":
      if (stopAsked) return { kind: "deleteVmi", reason: "stop" };
      return !vmi && hasStartRequest(vm) ? start() : { kind: "none" };
    case "Once":
      return vmi ? { kind: "none" } : { kind: "createVmi" };
    case "RerunOnFailure":
      // Without a VMI it starts when asked, or when it just became RerunOnFailure; not after a stop.
      if (!vmi) return hasStartRequest(vm) || vm.status?.runStrategy !== "RerunOnFailure" ? start() : { kind: "none" };
      if (stopAsked) return { kind: "deleteVmi", reason: "stop" };
      return phase === "Failed" ? { kind: "deleteVmi", reason: "restart", failed: true, queueStart: true } : { kind: "none" };
    case "Always":
      if (!vmi) return start();
      if (stopAsked) return { kind: "deleteVmi", reason: "restart" };
      return isFinal(phase) ? { kind: "deleteVmi", reason: "restart", failed: phase === "Failed" } : { kind: "none" };
  }
}
