import type { Condition, VirtualMachineInstance } from "../../api";
import { setCondition } from "../conditions";
import { jsonEqual } from "../equal";
import { COMPUTE_CONTAINER, LABELS, VMI_FINALIZER } from "../labels";
import { isLive, type ObservedPod } from "../kube-types";
import { judgeRefusal, refusalMessage } from "./kubelet-refusal";
import { beforeRunning, isFinal } from "./phases";

/** What the controller changes in a VMI's status: the phase and what comes with it. */
export interface VmiStatusChange {
  phase: string;
  reason?: string;
  nodeName?: string;
  conditions?: Condition[];
}

type VmiEvent = { type: "Normal" | "Warning"; reason: string; message: string };

export type VmiAction =
  | { kind: "addFinalizer" }
  | { kind: "removeFinalizer" }
  | { kind: "createPod"; event?: VmiEvent }
  | { kind: "requeue"; afterMs: number }
  | { kind: "deletePods"; pods: string[] }
  | { kind: "labelNode"; nodeName: string }
  | { kind: "setStatus"; status: VmiStatusChange; event?: VmiEvent };

const hasFinalizer = (vmi: VirtualMachineInstance): boolean => ((vmi.metadata?.finalizers as string[] | undefined) ?? []).includes(VMI_FINALIZER);

/** The compute container has started: the node agent can reach the launcher. */
function computeRunning(pod: ObservedPod): boolean {
  return pod.status?.phase === "Running" && (pod.status.containerStatuses ?? []).some((c) => c.name === COMPUTE_CONTAINER && c.state?.running !== undefined);
}

/**
 * The node label is a second write after the status (labels live outside /status); when it failed
 * (the API server or admission down) the node agent, which watches by it, never sees the VMI: redo it.
 */
function missingNodeLabel(vmi: VirtualMachineInstance, phase: string): string | undefined {
  const nodeName = (vmi.status as { nodeName?: string } | undefined)?.nodeName;
  if ((phase !== "Scheduled" && phase !== "Running") || !nodeName) return undefined;
  return (vmi.metadata?.labels as Record<string, string> | undefined)?.[LABELS.nodeName] === nodeName ? undefined : nodeName;
}

/** Why a pod failed, from its compute container's termination, else the pod's own reason. */
function failureOf(pod: ObservedPod): string {
  const terminated = (pod.status?.containerStatuses ?? []).find((c) => c.name === COMPUTE_CONTAINER)?.state?.terminated;
  if (terminated) return `virt-launcher exited with code ${terminated.exitCode ?? "?"}${terminated.message ? `: ${terminated.message.trim()}` : terminated.reason ? ` (${terminated.reason})` : ""}`;
  return pod.status?.message ?? pod.status?.reason ?? "the launcher pod failed";
}

/**
 * The pod's PodScheduled condition, carried onto the VMI so the VM can say ErrorUnschedulable, and
 * Ready False until the node agent runs the guest (READY column of `kubectl get vmi`).
 */
function scheduledConditions(vmi: VirtualMachineInstance, pod: ObservedPod, now: string): Condition[] {
  const notReady = setCondition(vmi.status?.conditions, { type: "Ready", status: "False", reason: "GuestNotRunning", message: "Guest VM is not reported as running" }, now);
  const c = (pod.status?.conditions ?? []).find((x) => x.type === "PodScheduled");
  if (!c) return notReady;
  return setCondition(notReady, { type: "PodScheduled", status: c.status, reason: c.reason, message: c.message }, now);
}

/** Seconds past a deleted VMI's grace period after which its pod goes even without the node agent (the pod's own margin). */
export const NODE_AGENT_MARGIN_SECONDS = 15;

/**
 * A deleted VMI that runs on a node is shut down by the node agent (ACPI, destroy at the grace
 * deadline, then a final phase), so `kubectl describe` tells that story; its pod goes once the VMI
 * is final, or when the agent has not finished by the grace period plus a margin (it may be down).
 */
function nodeAgentShutsDown(vmi: VirtualMachineInstance, now: string): boolean {
  const phase = vmi.status?.phase;
  if (phase !== "Scheduled" && phase !== "Running") return false;
  const grace = (vmi.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? 30;
  const deadline = Date.parse(vmi.metadata?.deletionTimestamp as string) + (grace + NODE_AGENT_MARGIN_SECONDS) * 1000;
  return !(Date.parse(now) >= deadline);
}

/**
 * The controller's half of a VMI's life, from what it observes (the VMI and the pods labelled with its
 * UID). Level-based: the same observation always gives the same actions, and applying them moves the
 * VMI one step on. The node agent owns Running and the runtime phases after it; the controller only
 * ends a VMI whose pod is gone or finished.
 */
export function decideVmi(vmi: VirtualMachineInstance, pods: ObservedPod[], now: string): VmiAction[] {
  const live = pods.filter(isLive);
  const phase = vmi.status?.phase ?? "";
  if (vmi.metadata?.deletionTimestamp !== undefined) {
    if (live.length > 0 && nodeAgentShutsDown(vmi, now)) return [];
    if (live.length > 0) return [{ kind: "deletePods", pods: live.map((p) => p.metadata.name) }];
    const remaining = pods.filter((p) => p.metadata.deletionTimestamp !== undefined);
    // A pod being deleted may still run its domain: the finalizer stays until it is gone.
    if (remaining.length > 0 || !hasFinalizer(vmi)) return [];
    return [{ kind: "removeFinalizer" }];
  }
  if (isFinal(phase)) return live.length > 0 ? [{ kind: "deletePods", pods: live.map((p) => p.metadata.name) }] : [];
  if (!hasFinalizer(vmi)) return [{ kind: "addFinalizer" }];
  if (phase === "" && pods.length === 0) return [{ kind: "setStatus", status: { phase: "Pending" } }];

  const pod = [...pods].sort((a, b) => (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? "")).at(-1);
  if (pod === undefined) {
    if (phase === "" || phase === "Pending") return [{ kind: "createPod" }];
    return [{ kind: "setStatus", status: { phase: "Failed", reason: "PodDeleted" }, event: { type: "Warning", reason: "Stopped", message: "The virtual machine's launcher pod is gone" } }];
  }
  if (pod.status?.phase === "Failed") {
    // Pending or Scheduling: the compute container never ran (Scheduled says it did).
    const refusal = phase === "Pending" || phase === "Scheduling" ? judgeRefusal(pod, pods, now) : { retry: false as const };
    if (refusal.retry && refusal.afterMs > 0) return [{ kind: "requeue", afterMs: refusal.afterMs }];
    if (refusal.retry) return [{ kind: "createPod", event: { type: "Warning", reason: pod.status.reason ?? "PodRefused", message: refusalMessage(pod, refusal.refusals) } }];
    return [{ kind: "setStatus", status: { phase: "Failed", reason: "PodFailed" }, event: { type: "Warning", reason: "Stopped", message: failureOf(pod) } }];
  }
  if (pod.status?.phase === "Succeeded") return [{ kind: "setStatus", status: { phase: "Succeeded", reason: "PodCompleted" } }];
  if (pod.metadata.deletionTimestamp !== undefined) return []; // wait until it is gone, then Failed
  const unlabelled = missingNodeLabel(vmi, phase);
  if (unlabelled !== undefined) return [{ kind: "labelNode", nodeName: unlabelled }];
  if (!beforeRunning(phase)) return [];

  // Never a step back: a stale read of the pod must not return a Scheduled VMI to Scheduling.
  if (phase === "Scheduled") return [];
  const conditions = scheduledConditions(vmi, pod, now);
  if (computeRunning(pod) && pod.spec?.nodeName) {
    return [{ kind: "setStatus", status: { phase: "Scheduled", nodeName: pod.spec.nodeName, conditions } }];
  }
  if (phase === "Scheduling" && jsonEqual(conditions, vmi.status?.conditions ?? [])) return [];
  return [{ kind: "setStatus", status: { phase: "Scheduling", conditions } }];
}
