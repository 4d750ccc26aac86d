/**
 * Where a VMI's start went, phase by phase, from timestamps the cluster recorded: the VMI's
 * creation and phase transitions, its launcher pod's creation and PodScheduled/Ready conditions.
 * Seconds; a step whose timestamps are missing is left out.
 */
export interface StartVmi {
  metadata: { creationTimestamp?: string };
  status?: { phaseTransitionTimestamps?: Array<{ phase?: string; phaseTransitionTimestamp?: string }> };
}
export interface StartPod {
  metadata: { creationTimestamp?: string };
  status?: { conditions?: Array<{ type?: string; status?: string; lastTransitionTime?: string }> };
}

export const START_STEPS = ["controller makes the pod", "scheduler binds it", "kubelet starts the launcher", "pod ready → Scheduled", "Scheduled → Running"] as const;
export type StartStep = (typeof START_STEPS)[number];

export function startBreakdown(vmi: StartVmi, pod: StartPod | undefined): Partial<Record<StartStep, number>> {
  const t = (s: string | undefined): number | undefined => (s === undefined ? undefined : Date.parse(s));
  const phase = (p: string): number | undefined => t(vmi.status?.phaseTransitionTimestamps?.find((x) => x.phase === p)?.phaseTransitionTimestamp);
  const condition = (type: string): number | undefined => t(pod?.status?.conditions?.find((c) => c.type === type && c.status === "True")?.lastTransitionTime);
  const marks = [t(vmi.metadata.creationTimestamp), t(pod?.metadata.creationTimestamp), condition("PodScheduled"), condition("Ready"), phase("Scheduled"), phase("Running")];
  const out: Partial<Record<StartStep, number>> = {};
  START_STEPS.forEach((step, i) => {
    const [from, to] = [marks[i], marks[i + 1]];
    if (from !== undefined && to !== undefined && !Number.isNaN(from) && !Number.isNaN(to)) out[step] = Math.max(0, (to - from) / 1000);
  });
  return out;
}
