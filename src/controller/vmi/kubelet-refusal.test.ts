import test from "ava";
import type { ObservedPod } from "../kube-types";
import { judgeRefusal, MAX_REFUSALS, refusalBackoffMs, refusedByKubelet } from "./kubelet-refusal";

const failed = (reason: string, compute: "waiting" | "running" | "terminated" = "waiting", created = "2026-12-01T12:00:00Z"): ObservedPod => ({
  metadata: { name: "p", creationTimestamp: created },
  status: { phase: "Failed", reason, containerStatuses: [{ name: "compute", state: { [compute]: {} } }] },
});

test("kubelet admission reasons count as refusals only when no container ever started", (t) => {
  for (const reason of ["UnexpectedAdmissionError", "OutOfcpu", "OutOfdevices.kubevirt.io/tun", "NodeAffinity"]) t.true(refusedByKubelet(failed(reason)), reason);
  t.false(refusedByKubelet(failed("UnexpectedAdmissionError", "terminated")));
  t.false(refusedByKubelet(failed("UnexpectedAdmissionError", "running")));
  t.false(refusedByKubelet(failed("Evicted")));
  t.false(refusedByKubelet({ ...failed("OutOfcpu"), status: { phase: "Pending", reason: "OutOfcpu" } }));
  t.true(refusedByKubelet({ metadata: { name: "p" }, status: { phase: "Failed", reason: "OutOfmemory" } }), "no container statuses at all");
});

test("back-off: 2 s doubling to 60 s; due from the refused pod's creation", (t) => {
  t.deepEqual([1, 2, 3, 4, 5, 6, 7, 10].map(refusalBackoffMs), [2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  const pod = failed("OutOfcpu");
  t.deepEqual(judgeRefusal(pod, [pod], "2026-12-01T12:00:00.500Z"), { retry: true, afterMs: 1500, refusals: 1 });
  t.deepEqual(judgeRefusal(pod, [pod], "2026-12-01T12:00:05Z"), { retry: true, afterMs: 0, refusals: 1 });
  t.deepEqual(judgeRefusal(pod, Array(MAX_REFUSALS).fill(pod), "2026-12-01T12:10:00Z"), { retry: false });
  t.deepEqual(judgeRefusal(failed("Evicted"), [], "2026-12-01T12:10:00Z"), { retry: false });
});
