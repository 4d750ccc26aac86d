import type { VirtualMachine, VirtualMachineInstance, VirtualMachineStateChangeRequest } from "../../api";
import { isFinal } from "../vmi/phases";

/**
 * The start/stop requests the subresource API queues in a VM's status.stateChangeRequests (virtctl
 * start/stop/restart on a VM whose run strategy the API leaves alone). Only the first is acted on;
 * it is removed once the world shows it done, so a restart ([Stop uid, Start]) is a stop, then a start.
 */
const first = (vm: VirtualMachine): VirtualMachineStateChangeRequest | undefined => vm.status?.stateChangeRequests?.[0];

export const hasStartRequest = (vm: VirtualMachine): boolean => first(vm)?.action === "Start";

/** A Stop for exactly this VMI (a successor with another UID is not the one asked to stop). */
export function hasStopRequestFor(vm: VirtualMachine, vmi: VirtualMachineInstance | undefined): boolean {
  const req = first(vm);
  return req?.action === "Stop" && req.uid !== undefined && req.uid === (vmi?.metadata as { uid?: string } | undefined)?.uid;
}

/** Whether the first request is done (or can never be acted on) and may be dropped, seen from the VM's VMI now. */
export function firstRequestDone(vm: VirtualMachine, vmi: VirtualMachineInstance | undefined): boolean {
  const req = first(vm);
  if (!req) return false;
  if (req.action === "Stop") return !vmi || req.uid === undefined || !hasStopRequestFor(vm, vmi);
  if (req.action === "Start") return vmi !== undefined && vmi.metadata?.deletionTimestamp === undefined && !isFinal(vmi.status?.phase);
  return true; // an action this controller does not know: it can never be done, so it must not block the rest
}
