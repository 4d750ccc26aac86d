import test from "ava";
import { ControllerMetrics } from "./controller-metrics";

const stamps = [
  { phase: "Pending", phaseTransitionTimestamp: "2026-01-01T00:00:01Z" },
  { phase: "Scheduling", phaseTransitionTimestamp: "2026-01-01T00:00:02Z" },
  { phase: "Scheduled", phaseTransitionTimestamp: "2026-01-01T00:00:12Z" },
  { phase: "Running", phaseTransitionTimestamp: "2026-01-01T00:00:40Z" },
];
const vmi = (phase: string) => ({
  metadata: { uid: "u1", name: "myvm", namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" },
  status: { phase, nodeName: "node-1", phaseTransitionTimestamps: stamps.slice(0, stamps.findIndex((s) => s.phase === phase) + 1) },
});
const source = {
  vms: async () => [{ metadata: { namespace: "default" } }, { metadata: { namespace: "default" } }, { metadata: { namespace: "other" } }],
  vmis: async () => [vmi("Running")],
  launcherPods: async () => [{ metadata: { name: "virt-launcher-myvm-x", labels: { "kubevirt.io/created-by": "u1" } }, spec: { nodeName: "node-1" }, status: { phase: "Running" } }],
};

test("phase changes seen on the watch fill KubeVirt's histograms", async (t) => {
  const m = new ControllerMetrics(source);
  for (const p of ["Pending", "Scheduling", "Scheduled", "Running"]) m.vmiSeen(vmi(p));
  const text = await m.registry.metrics();
  t.regex(text, /kubevirt_vmi_phase_transition_time_from_creation_seconds_bucket\{le="50",phase="Running"\} 1/);
  t.regex(text, /kubevirt_vmi_phase_transition_time_from_creation_seconds_bucket\{le="30",phase="Running"\} 0/);
  t.regex(text, /kubevirt_vmi_phase_transition_time_seconds_sum\{phase="Running",last_phase="Scheduled"\} 28/);
  // The first sighting (Pending) has no "before".
  t.notRegex(text, /from_creation_seconds_count\{phase="Pending"\}/);
});

test("the gauges are read from the cluster at scrape time", async (t) => {
  const m = new ControllerMetrics(source);
  m.setLeading(true);
  const text = await m.registry.metrics();
  t.regex(text, /kubevirt_number_of_vms\{namespace="default"\} 2/);
  t.regex(text, /kubevirt_vmi_info\{node="node-1",namespace="default",name="myvm",phase="running",.*vmi_pod="virt-launcher-myvm-x"\} 1/);
  t.regex(text, /kubevirt_vmi_phase_count\{node="node-1",phase="running",.*\} 1/);
  t.regex(text, /kubevirt_virt_controller_leading_status 1/);
  t.regex(text, /process_resident_memory_bytes/);
});

test("a deleted VMI is forgotten: seen again, it counts as new", async (t) => {
  const m = new ControllerMetrics(source);
  m.vmiSeen(vmi("Scheduled"));
  m.vmiDeleted(vmi("Scheduled"));
  m.vmiSeen(vmi("Running"));
  t.notRegex(await m.registry.metrics(), /from_creation_seconds_count\{phase="Running"\} 1/);
});
