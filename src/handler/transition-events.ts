/**
 * The Kubernetes Events a status transition tells (`kubectl describe vmi`), derived from the patch
 * itself: an event is emitted exactly when its transition is written, so re-running a decision or
 * restarting the handler never repeats one. Reasons and messages follow KubeVirt's.
 */
import type { Vmi } from "./observed";
import type { StatusPatch } from "./status";

export interface EventSpec {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
}

function readyEvent(before: Vmi["status"], patch: StatusPatch): EventSpec | undefined {
  const ready = patch.conditions?.find((c) => c.type === "Ready");
  const old = before?.conditions?.find((c) => c.type === "Ready");
  if (!ready || (ready.status === old?.status && ready.reason === old?.reason)) return undefined;
  if (ready.status === "False" && ready.reason === "ShuttingDown") return { type: "Normal", reason: "ShuttingDown", message: ready.message ?? "Signaled Graceful Shutdown" };
  if (ready.status === "False" && ready.reason === "Paused") return { type: "Normal", reason: "Paused", message: "The VirtualMachineInstance was paused." };
  if (ready.status === "True" && old?.reason === "Paused") return { type: "Normal", reason: "Resumed", message: "The VirtualMachineInstance was unpaused." };
  return undefined;
}

function phaseEvent(patch: StatusPatch, message: string | undefined): EventSpec | undefined {
  switch (patch.phase) {
    case "Running":
      return { type: "Normal", reason: "Started", message: "VirtualMachineInstance started." };
    case "Succeeded":
      return { type: "Normal", reason: "Stopped", message: message ?? "The VirtualMachineInstance was shut down." };
    case "Failed":
      return { type: "Warning", reason: patch.reason ?? "Stopped", message: message ?? "The VirtualMachineInstance failed." };
    default:
      return undefined;
  }
}

export function transitionEvents(before: Vmi["status"], patch: StatusPatch): EventSpec[] {
  const message = patch.conditions?.find((c) => c.type === "Ready")?.message;
  return [readyEvent(before, patch), phaseEvent(patch, message)].filter((e): e is EventSpec => e !== undefined);
}
