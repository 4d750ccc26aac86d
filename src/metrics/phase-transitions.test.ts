import test from "ava";
import { phaseTransitionObservations } from "./phase-transitions";

const vmi = (phase: string, extra: { deletionTimestamp?: string } = {}) => ({
  metadata: { creationTimestamp: "2026-01-01T00:00:00Z", ...extra },
  status: {
    phase,
    phaseTransitionTimestamps: [
      { phase: "Pending", phaseTransitionTimestamp: "2026-01-01T00:00:01Z" },
      { phase: "Scheduling", phaseTransitionTimestamp: "2026-01-01T00:00:03Z" },
      { phase: "Scheduled", phaseTransitionTimestamp: "2026-01-01T00:00:10Z" },
      { phase: "Running", phaseTransitionTimestamp: "2026-01-01T00:00:30Z" },
      { phase: "Succeeded", phaseTransitionTimestamp: "2026-01-01T00:01:00Z" },
    ],
  },
});

test("a phase change records the time from creation and from the previous phase", (t) => {
  t.deepEqual(phaseTransitionObservations("Scheduled", vmi("Running")), [
    { metric: "fromCreation", labels: { phase: "Running" }, seconds: 30 },
    { metric: "between", labels: { phase: "Running", last_phase: "Scheduled" }, seconds: 20 },
  ]);
});

test("nothing is recorded for a VMI seen the first time, or seen again in the same phase", (t) => {
  t.deepEqual(phaseTransitionObservations(undefined, vmi("Running")), []);
  t.deepEqual(phaseTransitionObservations("Running", vmi("Running")), []);
});

test("from an unset phase the time between is the time from creation", (t) => {
  const [, between] = phaseTransitionObservations("", vmi("Pending"));
  t.deepEqual(between, { metric: "between", labels: { phase: "Pending", last_phase: "" }, seconds: 1 });
});

test("a deleted VMI reaching a final phase records the time from its deletion", (t) => {
  const obs = phaseTransitionObservations("Running", vmi("Succeeded", { deletionTimestamp: "2026-01-01T00:00:45Z" }));
  t.deepEqual(obs.find((o) => o.metric === "fromDeletion"), { metric: "fromDeletion", labels: { phase: "Succeeded" }, seconds: 15 });
  t.falsy(phaseTransitionObservations("Running", vmi("Succeeded")).find((o) => o.metric === "fromDeletion"));
});

test("a phase without a stamp, or clock skew, never gives a negative or bogus figure", (t) => {
  const noStamp = { metadata: { creationTimestamp: "2026-01-01T00:00:00Z" }, status: { phase: "Failed" } };
  t.deepEqual(phaseTransitionObservations("Running", noStamp), []);
  const skew = { metadata: { creationTimestamp: "2026-01-01T00:00:05Z" }, status: { phase: "Pending", phaseTransitionTimestamps: [{ phase: "Pending", phaseTransitionTimestamp: "2026-01-01T00:00:04Z" }] } };
  t.is(phaseTransitionObservations("", skew)[0]!.seconds, 0);
});
