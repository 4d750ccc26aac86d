import test from "ava";
import type { InferenceReader } from "../instancetype/infer";
import { inferMatchers, infersMatchers } from "./infer-matchers";
import { matcherRules } from "./validation/vm-matchers";

const labels = { "instancetype.kubevirt.io/default-instancetype": "u1.small", "instancetype.kubevirt.io/default-instancetype-kind": "VirtualMachineClusterInstancetype" };
const read = (pvcLabels: Record<string, string> | undefined): InferenceReader => ({
  pvc: async () => (pvcLabels ? { labels: pvcLabels } : undefined),
  dataVolume: async () => undefined,
  dataSource: async () => undefined,
});
const vm = (policy?: string) => ({
  kind: "VirtualMachine",
  metadata: { namespace: "ns" },
  spec: {
    instancetype: { inferFromVolume: "root", ...(policy ? { inferFromVolumeFailurePolicy: policy } : {}) },
    preference: { inferFromVolume: "root", ...(policy ? { inferFromVolumeFailurePolicy: policy } : {}) },
    template: { spec: { domain: { memory: { guest: "512Mi" } }, volumes: [{ name: "root", persistentVolumeClaim: { claimName: "disk" } }] } },
  },
});

test("inferred matchers replace the inferring ones; Ignore drops the template's memory", async (t) => {
  const { vm: out, failures } = await inferMatchers(vm("Ignore"), read(labels));
  t.deepEqual(failures, []);
  t.deepEqual((out.spec as any).instancetype, { name: "u1.small", kind: "VirtualMachineClusterInstancetype" });
  t.is((out.spec as any).preference, undefined, "no preference label, Ignore: the matcher goes");
  t.is((out.spec as any).template.spec.domain.memory, undefined);
  t.false(infersMatchers(out));
});

test("Reject (the default) leaves the VM as it came and names the field", async (t) => {
  const input = vm();
  const { vm: out, failures } = await inferMatchers(input, read(labels));
  t.deepEqual(out, input);
  t.deepEqual(failures, [{ field: "spec.preference.inferFromVolume", message: "unable to find required instancetype.kubevirt.io/default-preference label on the volume" }]);
  t.true(infersMatchers(out));
});

test("a missing PVC is not ignorable, even with Ignore", async (t) => {
  const { failures } = await inferMatchers(vm("Ignore"), read(undefined));
  t.deepEqual(failures.map((f) => f.field), ["spec.instancetype.inferFromVolume", "spec.preference.inferFromVolume"]);
});

test("KubeVirt's matcher checks", (t) => {
  const messages = (spec: object) => matcherRules(spec as never).map((c) => `${c.field}: ${c.message}`);
  t.deepEqual(messages({ instancetype: {} }), ["spec.instancetype: Either Name or InferFromVolume should be provided within the InstancetypeMatcher"]);
  t.deepEqual(messages({ preference: { inferFromVolume: "v", name: "n", kind: "k" } }), [
    "spec.preference.name: Name should not be provided when InferFromVolume is used within the PreferenceMatcher",
    "spec.preference.kind: Kind should not be provided when InferFromVolume is used within the PreferenceMatcher",
  ]);
  t.deepEqual(messages({ instancetype: { name: "u1.small", inferFromVolumeFailurePolicy: "Sometimes" } }), ["spec.instancetype.inferFromVolumeFailurePolicy: Invalid value 'Sometimes' for InferFromVolumeFailurePolicy"]);
  t.deepEqual(messages({ instancetype: { name: "u1.small" } }), []);
});
