import test from "ava";
import { createToRunningSeconds, quantile } from "./stats";

test("quantiles interpolate between ranks", (t) => {
  t.is(quantile([1, 2, 3, 4, 5], 0.5), 3);
  t.is(quantile([10, 20], 0.95), 19.5);
  t.true(Number.isNaN(quantile([], 0.5)));
});

test("create → Running comes from the VMI's own timestamps", (t) => {
  const vmi = { metadata: { creationTimestamp: "2026-12-01T12:00:00Z" }, status: { phaseTransitionTimestamps: [{ phase: "Pending", phaseTransitionTimestamp: "2026-12-01T12:00:01Z" }, { phase: "Running", phaseTransitionTimestamp: "2026-12-01T12:00:17Z" }] } };
  t.is(createToRunningSeconds(vmi), 17);
  t.is(createToRunningSeconds({ metadata: { creationTimestamp: "2026-12-01T12:00:00Z" } }), undefined);
});
