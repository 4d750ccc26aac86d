import test from "ava";
import { vmiFromTemplate } from "./vmi-from-template";
import { vmiFromVm } from "./vm/vmi-from-vm";

const template = { metadata: { labels: { app: "web" }, annotations: { a: "b" } }, spec: { domain: { devices: {} }, terminationGracePeriodSeconds: 5 } };

test("a VM's VMI is named after it, carries the template's labels and spec, and is owned by the VM", (t) => {
  const vmi = vmiFromVm({ metadata: { name: "myvm", namespace: "ns", uid: "u1" }, spec: { runStrategy: "Always", template } });
  t.like(vmi.metadata, { name: "myvm", namespace: "ns", labels: { app: "web" }, annotations: { a: "b" } });
  t.like((vmi.metadata!.ownerReferences as unknown[])[0], { kind: "VirtualMachine", name: "myvm", uid: "u1", controller: true });
  t.is(vmi.spec.terminationGracePeriodSeconds, 5);
  t.not(vmi.spec, template.spec, "the spec is a copy");
});

test("a replica gets a generated name", (t) => {
  const vmi = vmiFromTemplate(template, { kind: "VirtualMachineInstanceReplicaSet", name: "rs", uid: "u2", namespace: "ns" }, { generateName: "rs" });
  t.is(vmi.metadata!.generateName, "rs");
  t.is(vmi.metadata!.name, undefined);
});
