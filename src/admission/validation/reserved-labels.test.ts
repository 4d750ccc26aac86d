import test from "ava";
import { reservedVmiLabelsOnCreate, reservedVmiLabelsUnchanged } from "./reserved-labels";

const vmi = (labels?: Record<string, string>) => ({ kind: "VirtualMachineInstance", metadata: { name: "v", labels } });
const USER = "kubernetes-admin";
const CONTROLLER = "system:serviceaccount:pepr-system:pepr-kubevirt-ts";
const HANDLER = "system:serviceaccount:kubevirt:kubevirt-handler";

test("a user may not create a VMI carrying a reserved label; the platform may", (t) => {
  const [cause] = reservedVmiLabelsOnCreate(vmi({ "kubevirt.io/nodeName": "node-2", app: "x" }), USER);
  t.is(cause?.field, "metadata.labels[kubevirt.io/nodeName]");
  t.regex(cause!.message, /^creation of the following reserved kubevirt.io\/ labels on a VMI object is prohibited: kubevirt.io\/nodeName;/);
  t.deepEqual(reservedVmiLabelsOnCreate(vmi({ "kubevirt.io/nodeName": "node-2" }), CONTROLLER), []);
  t.deepEqual(reservedVmiLabelsOnCreate(vmi({ app: "x", "kubevirt.io/vm": "x" }), USER), []);
});

test("a user may not add, change or remove a reserved label on an update", (t) => {
  const before = vmi({ "kubevirt.io/nodeName": "node-1", "kubevirt.io/created-by": "uid" });
  t.is(reservedVmiLabelsUnchanged(before, vmi({ "kubevirt.io/nodeName": "node-2", "kubevirt.io/created-by": "uid" }), USER).length, 1);
  t.is(reservedVmiLabelsUnchanged(before, vmi({ "kubevirt.io/nodeName": "node-1" }), USER)[0]?.field, "metadata.labels[kubevirt.io/created-by]");
  t.is(reservedVmiLabelsUnchanged(vmi(), vmi({ "kubevirt.io/schedulable": "true" }), USER).length, 1);
  t.regex(reservedVmiLabelsUnchanged(before, vmi(), USER)[0]!.message, /created-by, kubevirt.io\/nodeName; only the platform changes them$/);
});

test("other labels, and the platform's own writes, pass", (t) => {
  const before = vmi({ "kubevirt.io/nodeName": "node-1", app: "a" });
  t.deepEqual(reservedVmiLabelsUnchanged(before, vmi({ "kubevirt.io/nodeName": "node-1", app: "b", "kubevirt.io/vm": "v" }), USER), []);
  t.deepEqual(reservedVmiLabelsUnchanged(before, vmi({ "kubevirt.io/nodeName": "node-2" }), HANDLER), []);
  t.deepEqual(reservedVmiLabelsUnchanged({ kind: "VirtualMachine" }, { kind: "VirtualMachine", metadata: { labels: { "kubevirt.io/nodeName": "x" } } }, USER), []);
});
