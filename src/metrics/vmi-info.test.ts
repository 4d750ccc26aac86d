import test from "ava";
import { phaseCounts, vmiInfoLabels } from "./vmi-info";

const running = {
  metadata: { name: "myvm", namespace: "default", annotations: { "vm.kubevirt.io/os": "cirros", "kubevirt.io/cluster-instancetype-name": "u1.small" } },
  status: { phase: "Running", nodeName: "node-1", machine: { type: "q35" } },
};

test("vmi_info carries KubeVirt's labels, <none> where the VMI says nothing", (t) => {
  const l = vmiInfoLabels(running, "virt-launcher-myvm-abcde");
  t.like(l, { node: "node-1", namespace: "default", name: "myvm", phase: "running", os: "cirros", workload: "<none>", instance_type: "u1.small", preference: "<none>", guest_os_machine: "q35", evictable: "true", outdated: "false", vmi_pod: "virt-launcher-myvm-abcde" });
  t.is(vmiInfoLabels({ metadata: {} }, undefined).vmi_pod, "<none>");
});

test("a VMI asking for live-migration eviction is not evictable until migratable", (t) => {
  t.is(vmiInfoLabels({ ...running, spec: { evictionStrategy: "LiveMigrate" } }, undefined).evictable, "false");
  const migratable = { ...running, spec: { evictionStrategy: "LiveMigrate" }, status: { ...running.status, conditions: [{ type: "LiveMigratable", status: "True" }] } };
  t.is(vmiInfoLabels(migratable, undefined).evictable, "true");
});

test("phase_count sums VMIs per node and phase", (t) => {
  const a = vmiInfoLabels(running, undefined);
  const b = vmiInfoLabels({ ...running, metadata: { ...running.metadata, name: "other" } }, undefined);
  const c = vmiInfoLabels({ ...running, status: { ...running.status, phase: "Scheduling" } }, undefined);
  const counts = phaseCounts([a, b, c]);
  t.deepEqual(counts.map((x) => [x.labels.phase, x.count]).sort(), [["running", 2], ["scheduling", 1]]);
  t.false("name" in counts[0]!.labels);
});
