import type { Condition, VirtualMachine, VirtualMachineInstance } from "../../api";
import { findCondition, setCondition } from "../conditions";
import { type ObservedPod } from "../kube-types";
import { isFinal } from "../vmi/phases";
import { waitBeforeStart, type StartFailure } from "./backoff";
import { runStrategyOf } from "./run-strategy";

export interface VmStatus {
  created?: boolean;
  ready?: boolean;
  printableStatus: string;
  runStrategy: string;
  conditions: Condition[];
  observedGeneration?: number;
  desiredGeneration?: number;
  startFailure?: StartFailure;
}

const IMAGE_PULL_ERRORS = new Set(["ErrImagePull", "ImagePullBackOff", "InvalidImageName"]);

/** An image pull error of any of the pod's containers (a containerDisk image, mostly). */
function imagePullError(pods: ObservedPod[]): string | undefined {
  for (const pod of pods) {
    for (const c of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
      const reason = c.state?.waiting?.reason;
      if (reason !== undefined && IMAGE_PULL_ERRORS.has(reason)) return reason;
    }
  }
  return undefined;
}

/** KubeVirt's printableStatus, the STATUS column of `kubectl get vm`. */
export function printableStatus(vm: VirtualMachine, vmi: VirtualMachineInstance | undefined, pods: ObservedPod[], now: Date): string {
  if (vm.metadata?.deletionTimestamp !== undefined) return "Terminating";
  const startFailure = (vm.status as { startFailure?: StartFailure } | undefined)?.startFailure;
  if (!vmi) return waitBeforeStart(startFailure, now) > 0 && runStrategyOf(vm) !== "Halted" ? "CrashLoopBackOff" : "Stopped";
  if (vmi.metadata?.deletionTimestamp !== undefined || runStrategyOf(vm) === "Halted") return isFinal(vmi.status?.phase) ? "Stopped" : "Stopping";
  switch (vmi.status?.phase) {
    case "Succeeded":
    case "Failed":
      return "Stopped";
    case "Running":
      return findCondition(vmi.status.conditions, "Paused")?.status === "True" ? "Paused" : "Running";
    default: {
      const pull = imagePullError(pods);
      if (pull) return pull;
      const scheduled = findCondition(vmi.status?.conditions, "PodScheduled");
      if (scheduled?.status === "False" && scheduled.reason === "Unschedulable") return "ErrorUnschedulable";
      return "Starting";
    }
  }
}

/** Conditions the VM computes itself; every other condition of its VMI is shown on the VM too (KubeVirt's syncConditions). */
const VM_OWN_CONDITIONS = new Set(["Ready", "Failure", "RestartRequired"]);

/**
 * The VM's status from its VMI and that VMI's pods: printableStatus, ready, created, the Ready
 * condition (mirrored from the VMI), the VMI's other conditions (PodScheduled, Synchronized, Paused…)
 * and the generation it reflects.
 */
export function vmStatus(vm: VirtualMachine, vmi: VirtualMachineInstance | undefined, pods: ObservedPod[], now: Date): VmStatus {
  const current = (vm.status ?? {}) as VmStatus;
  const vmiReady = vmi?.status?.phase === "Running" && findCondition(vmi.status.conditions, "Ready")?.status === "True";
  const ready: Omit<Condition, "lastTransitionTime"> = vmi
    ? vmiReady
      ? { type: "Ready", status: "True" }
      : { type: "Ready", status: "False", reason: findCondition(vmi.status?.conditions, "Ready")?.reason ?? "VMINotReady", message: "The VMI is not ready" }
    : { type: "Ready", status: "False", reason: "VMINotExists", message: "VMI does not exist" };
  const generation = vm.metadata?.generation as number | undefined;
  const status: VmStatus = {
    printableStatus: printableStatus(vm, vmi, pods, now),
    runStrategy: runStrategyOf(vm),
    conditions: [
      ...setCondition(current.conditions?.filter((c) => c.type === "Ready" || c.type === "Failure"), ready, now.toISOString()),
      ...(vmi?.status?.conditions ?? []).filter((c) => !VM_OWN_CONDITIONS.has(c.type)),
    ],
    ...(generation !== undefined ? { observedGeneration: generation, desiredGeneration: generation } : {}),
  };
  if (vmi) status.created = true;
  if (vmiReady) status.ready = true;
  if (current.startFailure && vmi?.status?.phase !== "Running") status.startFailure = current.startFailure;
  return status;
}
