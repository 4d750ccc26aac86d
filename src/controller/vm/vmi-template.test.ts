import test from "ava";
import type { VirtualMachine } from "../../api";
import { vmiTemplate } from "./vmi-template";

const vm: VirtualMachine = {
  metadata: { name: "vm1", namespace: "ns", uid: "u" },
  spec: { instancetype: { name: "u1.small" }, preference: { name: "cirros" }, template: { spec: { domain: { devices: {} }, volumes: [{ name: "root", containerDisk: { image: "cirros" } }] } } },
};
const resolved = { instancetype: { cpu: { guest: 1 }, memory: { guest: "2Gi" } }, preference: { devices: { preferredDiskBus: "virtio", preferredInterfaceModel: "virtio" } } };

test("the disk added for a volume and the default interface get the preferred bus and model", (t) => {
  const made = vmiTemplate(vm, resolved);
  if (!("template" in made)) return t.fail(JSON.stringify(made));
  t.deepEqual(made.template.spec!.domain.devices.disks, [{ name: "root", disk: { bus: "virtio" } }]);
  t.is(made.template.spec!.domain.devices.interfaces?.[0]?.model, "virtio");
  t.deepEqual(made.template.metadata?.annotations, { "kubevirt.io/cluster-instancetype-name": "u1.small", "kubevirt.io/cluster-preference-name": "cirros" });
});

test("a preference turning the pod interface off leaves the VMI without one", (t) => {
  const made = vmiTemplate(vm, { ...resolved, preference: { devices: { preferredAutoattachPodInterface: false } } });
  if (!("template" in made)) return t.fail(JSON.stringify(made));
  t.is(made.template.spec!.domain.devices.interfaces, undefined);
});
