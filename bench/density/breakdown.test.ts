import test from "ava";
import { startBreakdown } from "./breakdown";

test("each step of a start from the recorded timestamps", (t) => {
  const vmi = { metadata: { creationTimestamp: "2026-01-01T00:00:00Z" }, status: { phaseTransitionTimestamps: [{ phase: "Scheduled", phaseTransitionTimestamp: "2026-01-01T00:00:20Z" }, { phase: "Running", phaseTransitionTimestamp: "2026-01-01T00:00:30Z" }] } };
  const pod = { metadata: { creationTimestamp: "2026-01-01T00:00:02Z" }, status: { conditions: [{ type: "PodScheduled", status: "True", lastTransitionTime: "2026-01-01T00:00:02Z" }, { type: "Ready", status: "True", lastTransitionTime: "2026-01-01T00:00:15Z" }] } };
  t.deepEqual(startBreakdown(vmi, pod), { "controller makes the pod": 2, "scheduler binds it": 0, "kubelet starts the launcher": 13, "pod ready → Scheduled": 5, "Scheduled → Running": 10 });
});

test("steps without timestamps are left out", (t) => {
  t.deepEqual(startBreakdown({ metadata: { creationTimestamp: "2026-01-01T00:00:00Z" } }, undefined), {});
});
