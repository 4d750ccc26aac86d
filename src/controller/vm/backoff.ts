/**
 * Restart backoff of a VM whose VMI keeps failing (KubeVirt's startFailure: 10 s doubling to 5 min).
 * While it waits the VM shows CrashLoopBackOff.
 */
export interface StartFailure {
  consecutiveFailCount: number;
  lastFailedVMIUID?: string;
  retryAfterTimestamp: string;
}

export const BACKOFF = { baseSeconds: 10, maxSeconds: 300 } as const;

export function nextStartFailure(previous: StartFailure | undefined, failedVmiUid: string, now: Date): StartFailure {
  if (previous?.lastFailedVMIUID === failedVmiUid) return previous; // already counted
  const count = (previous?.consecutiveFailCount ?? 0) + 1;
  const delay = Math.min(BACKOFF.baseSeconds * 2 ** (count - 1), BACKOFF.maxSeconds);
  return { consecutiveFailCount: count, lastFailedVMIUID: failedVmiUid, retryAfterTimestamp: new Date(now.getTime() + delay * 1000).toISOString() };
}

/** Milliseconds until a start may be tried; 0 when it may now. */
export function waitBeforeStart(failure: StartFailure | undefined, now: Date): number {
  if (!failure) return 0;
  return Math.max(0, Date.parse(failure.retryAfterTimestamp) - now.getTime());
}
