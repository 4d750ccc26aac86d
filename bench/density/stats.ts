/** Quantiles of samples by linear interpolation between closest ranks (as numpy's default). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

interface TimedVmi {
  metadata: { creationTimestamp?: string };
  status?: { phaseTransitionTimestamps?: Array<{ phase?: string; phaseTransitionTimestamp?: string }> };
}

/** Seconds from a VMI's creation to its Running transition, from its own timestamps; undefined if not Running yet. */
export function createToRunningSeconds(vmi: TimedVmi): number | undefined {
  const running = vmi.status?.phaseTransitionTimestamps?.find((p) => p.phase === "Running")?.phaseTransitionTimestamp;
  const created = vmi.metadata.creationTimestamp;
  if (!running || !created) return undefined;
  return (Date.parse(running) - Date.parse(created)) / 1000;
}
