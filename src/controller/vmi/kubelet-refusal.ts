/**
 * A launcher pod the kubelet refused at admission never ran anything: nothing of the VM was lost, so
 * the controller makes another pod after a back-off instead of failing the VMI (pure). The common
 * case is a restarting virt-handler: while it re-registers its device plugins the kubelet counts
 * their devices unhealthy and refuses every pod that asks for `devices.kubevirt.io/tun`.
 * KubeVirt fails such a VMI (a VM with runStrategy Always then starts a new one); a bare VMI here
 * survives the window. Refused pods stay as the record of why (like a Job's failed pods) and go
 * with the VMI.
 */
import type { ObservedPod } from "../kube-types";

/** Pod reasons the kubelet's admission handlers write (pkg/kubelet/lifecycle, the resource managers). */
const REFUSAL_REASON = /^(UnexpectedAdmissionError|OutOf.+|NodeAffinity|NodeName|InvalidNodeInfo|PodOSNotSupported|TopologyAffinityError)$/;

/** How many refusals a VMI rides out before it fails like any other pod failure. */
export const MAX_REFUSALS = 10;

/** Failed at the kubelet's admission: no container of it ever started. */
export function refusedByKubelet(pod: ObservedPod): boolean {
  if (pod.status?.phase !== "Failed" || !REFUSAL_REASON.test(pod.status.reason ?? "")) return false;
  return (pod.status.containerStatuses ?? []).every((c) => c.state?.running === undefined && c.state?.terminated === undefined);
}

/** The wait before the next pod after `refusals` refused ones: 2 s doubling to 60 s (about 6 min over all ten). */
export function refusalBackoffMs(refusals: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, refusals - 1), 60_000);
}

export type RefusalVerdict = { retry: false } | { retry: true; afterMs: number; refusals: number };

/**
 * Whether to make another pod for a VMI whose newest pod is `newest`, given all its pods: only for a
 * kubelet refusal, fewer than MAX_REFUSALS so far, and once the back-off since the refused pod's
 * creation has passed (afterMs 0: now).
 */
export function judgeRefusal(newest: ObservedPod, pods: readonly ObservedPod[], now: string): RefusalVerdict {
  if (!refusedByKubelet(newest)) return { retry: false };
  const refusals = pods.filter(refusedByKubelet).length;
  if (refusals >= MAX_REFUSALS) return { retry: false };
  const due = Date.parse(newest.metadata.creationTimestamp ?? now) + refusalBackoffMs(refusals);
  return { retry: true, afterMs: Math.max(0, due - Date.parse(now)), refusals };
}

/** The Warning event's message for a refused pod. */
export function refusalMessage(pod: ObservedPod, refusals: number): string {
  const why = [pod.status?.reason, pod.status?.message].filter(Boolean).join(": ");
  return `The kubelet refused pod ${pod.metadata.name} (${why}); making another one (refusal ${refusals} of at most ${MAX_REFUSALS})`;
}
