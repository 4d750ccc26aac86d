import test from "ava";
import { electionTimings, leaderAction, type LeaderAction, type LeaderState, type RenewOutcome } from "./leader-decision";

const DEADLINE = 10_000;
const renewedAt = 100_000;
const leader: LeaderState = { leading: true, lastRenewMs: renewedAt };
const follower: LeaderState = { leading: false };

const cases: Array<[string, LeaderState, RenewOutcome, number, LeaderAction]> = [
  ["a follower that gets the lease starts", follower, "held", renewedAt, "start"],
  ["a leader that renews keeps acting", leader, "held", renewedAt + 5_000, "keep"],
  ["a follower that finds another holder waits", follower, "lost", renewedAt, "wait"],
  ["a follower that gets no answer waits", follower, "failed", renewedAt, "wait"],
  ["a leader keeps acting through a failed renewal inside the deadline", leader, "failed", renewedAt + 5_000, "keep"],
  ["… up to just before the deadline", leader, "failed", renewedAt + DEADLINE - 1, "keep"],
  ["a leader steps down once the deadline has passed without a renewal", leader, "failed", renewedAt + DEADLINE, "step-down"],
  ["a leader whose lease another holds steps down at once", leader, "lost", renewedAt + 1, "step-down"],
  ["a leader that never renewed steps down on failure", { leading: true }, "failed", renewedAt, "step-down"],
];
for (const [title, state, outcome, now, want] of cases) {
  test(title, (t) => t.is(leaderAction(state, outcome, now, DEADLINE), want));
}

test("timings for a 15 s lease are client-go's renew deadline and KubeVirt's retry period", (t) => {
  t.deepEqual(electionTimings(15), { renewDeadlineMs: 10_000, retryMs: 5_000 });
});
