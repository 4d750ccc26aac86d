/**
 * KubeVirt's three VMI phase-transition histograms, as its virt-controller records them on every
 * VMI update whose phase changed (pkg/monitoring/metrics/virt-controller): the time from the VMI's
 * creation to the new phase, from the previous phase to the new one, and, for a VMI being deleted
 * that reached a final phase, from its deletion. Times come from status.phaseTransitionTimestamps,
 * so they measure the cluster's work, not when this process happened to see it.
 */
export const PHASE_TRANSITION_BUCKETS = [0.5, 1, 2, 5, 10, 20, 30, 40, 50, 60, 90, 120, 180, 300, 600, 1200, 1800, 3600];

export const PHASE_TRANSITION_METRICS = {
  fromCreation: "kubevirt_vmi_phase_transition_time_from_creation_seconds",
  between: "kubevirt_vmi_phase_transition_time_seconds",
  fromDeletion: "kubevirt_vmi_phase_transition_time_from_deletion_seconds",
} as const;

export type PhaseTransitionMetric = keyof typeof PHASE_TRANSITION_METRICS;

export interface PhaseTimedVmi {
  // Strings on the wire; kubernetes-fluent-client's types say Date.
  metadata?: { creationTimestamp?: string | Date; deletionTimestamp?: string | Date };
  status?: { phase?: string; phaseTransitionTimestamps?: Array<{ phase?: string; phaseTransitionTimestamp?: string }> };
}

export interface PhaseTransitionObservation {
  metric: PhaseTransitionMetric;
  labels: { phase: string; last_phase?: string };
  seconds: number;
}

const FINAL = new Set(["Succeeded", "Failed"]);

const millis = (t: string | Date | undefined): number | undefined => (t === undefined ? undefined : new Date(t).getTime());

/** What to observe when a VMI seen in `previousPhase` (undefined: never seen) is seen as `vmi`. */
export function phaseTransitionObservations(previousPhase: string | undefined, vmi: PhaseTimedVmi): PhaseTransitionObservation[] {
  const phase = vmi.status?.phase ?? "";
  // KubeVirt records on updates only: a VMI first seen (a restart's initial list) has no "before".
  if (previousPhase === undefined || previousPhase === phase || phase === "") return [];
  const stamps = vmi.status?.phaseTransitionTimestamps ?? [];
  const stampOf = (p: string): number | undefined => {
    const s = stamps.find((t) => t.phase === p)?.phaseTransitionTimestamp;
    return s === undefined ? undefined : Date.parse(s);
  };
  const reached = stampOf(phase);
  if (reached === undefined || Number.isNaN(reached)) return [];
  const since = (start: number | undefined): number | undefined =>
    start === undefined || Number.isNaN(start) ? undefined : Math.max(0, (reached - start) / 1000);

  const created = millis(vmi.metadata?.creationTimestamp);
  const out: PhaseTransitionObservation[] = [];
  const fromCreation = since(created);
  if (fromCreation !== undefined) out.push({ metric: "fromCreation", labels: { phase }, seconds: fromCreation });
  // From an unset phase KubeVirt measures from creation, as a VMI's first phase has no stamp before it.
  const between = previousPhase === "" ? fromCreation : since(stampOf(previousPhase));
  if (between !== undefined) out.push({ metric: "between", labels: { phase, last_phase: previousPhase }, seconds: between });
  const deleted = millis(vmi.metadata?.deletionTimestamp);
  if (deleted !== undefined && FINAL.has(phase)) {
    const fromDeletion = since(deleted);
    if (fromDeletion !== undefined) out.push({ metric: "fromDeletion", labels: { phase }, seconds: fromDeletion });
  }
  return out;
}
