import test from "ava";
import { controllerRevisionFor, revisionName, specFromRevision, syncStatusRef } from "./revision";

const vm = { metadata: { name: "vm1", namespace: "ns", uid: "vm-uid" } };
const obj = { apiVersion: "instancetype.kubevirt.io/v1beta1", kind: "VirtualMachineClusterInstancetype", metadata: { name: "u1.small", uid: "it-uid", generation: 3, resourceVersion: "9", labels: { x: "y" } }, spec: { cpu: { guest: 1 }, memory: { guest: "2Gi" } } };

test("the revision is named and labelled as KubeVirt's, owned by the VM, holding the spec", (t) => {
  t.is(revisionName("vm1", obj), "vm1-u1.small-v1beta1-it-uid-3");
  const cr = controllerRevisionFor(vm, obj) as { metadata: { name: string; labels: Record<string, string>; ownerReferences: Array<{ uid: string }> }; data: { metadata: Record<string, unknown>; spec: unknown } };
  t.is(cr.metadata.name, "vm1-u1.small-v1beta1-it-uid-3");
  t.is(cr.metadata.labels["instancetype.kubevirt.io/object-name"], "u1.small");
  t.is(cr.metadata.ownerReferences[0]!.uid, "vm-uid");
  t.deepEqual(cr.data.spec, obj.spec);
  t.is(cr.data.metadata.labels, undefined, "the object's own labels are dropped");
  t.deepEqual(specFromRevision(cr, "u1.small"), obj.spec);
  t.is(specFromRevision(cr, "u1.medium"), undefined, "a revision of another object is not used");
});

test("status refs: a first sync needs a revision; a recorded one holds; a new name drops it", (t) => {
  t.deepEqual(syncStatusRef({ name: "u1.small", kind: "virtualmachineclusterinstancetype" }, undefined), { ref: { name: "u1.small", kind: "virtualmachineclusterinstancetype" }, needsRevision: true });
  const held = { name: "u1.small", kind: "virtualmachineclusterinstancetype", controllerRevisionRef: { name: "r1" } };
  t.deepEqual(syncStatusRef({ name: "u1.small", kind: "virtualmachineclusterinstancetype" }, held), { ref: held, needsRevision: false });
  t.deepEqual(syncStatusRef({ name: "u1.medium", kind: "virtualmachineclusterinstancetype" }, held).needsRevision, true);
  t.deepEqual(syncStatusRef({ name: "u1.small", revisionName: "r2" }, held).ref.controllerRevisionRef, { name: "r2" });
});

test("the VMI's annotations name the instancetype and preference by kind", async (t) => {
  const { nameAnnotations } = await import("./matcher");
  t.deepEqual(nameAnnotations({ instancetype: { name: "u1.small" }, preference: { name: "mine", kind: "VirtualMachinePreference" } }), {
    "kubevirt.io/cluster-instancetype-name": "u1.small",
    "kubevirt.io/preference-name": "mine",
  });
});
