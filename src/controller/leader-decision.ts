/**
 * The leader's decision after each attempt to renew its Lease (pure), as client-go's leader
 * election decides: a leader keeps acting through failed renewals until its renew deadline (10 s of
 * a 15 s lease), because a failed request says nothing about who holds the lease; past the deadline
 * another candidate may take the lease at any moment, so it stops acting before that can happen.
 */

/** What one attempt found: the lease is ours, another's (the API server said so), or no answer. */
export type RenewOutcome = "held" | "lost" | "failed";

export interface LeaderState {
  leading: boolean;
  /** When the lease was last written by this process (ms since the epoch). */
  lastRenewMs?: number;
}

/**
 * - `start`: begin acting; `keep`: go on as before; `wait`: not leading, try again later;
 * - `step-down`: stop acting now. After `lost` the API server has answered, so the process exits at
 *   once; after `failed` it exits only once the API server answers again (exiting while it is down
 *   only crash-loops the pod and delays the restart that follows the outage).
 */
export type LeaderAction = "start" | "keep" | "wait" | "step-down";

export function leaderAction(state: LeaderState, outcome: RenewOutcome, nowMs: number, renewDeadlineMs: number): LeaderAction {
  if (outcome === "held") return state.leading ? "keep" : "start";
  if (!state.leading) return "wait";
  if (outcome === "lost") return "step-down";
  const since = nowMs - (state.lastRenewMs ?? Number.NEGATIVE_INFINITY);
  return since < renewDeadlineMs ? "keep" : "step-down";
}

/** client-go's defaults for a 15 s lease: renew deadline 10 s; KubeVirt retries every 5 s. */
export const electionTimings = (durationSeconds: number): { renewDeadlineMs: number; retryMs: number } => ({
  renewDeadlineMs: (durationSeconds * 1000 * 2) / 3,
  retryMs: (durationSeconds * 1000) / 3,
});
