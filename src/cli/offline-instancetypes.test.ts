import test from "ava";
import { offlineCatalog, resolveOffline } from "./offline-instancetypes";

test("the offline catalog knows the common instancetypes and the documents' own (which win)", (t) => {
  const mine = { apiVersion: "instancetype.kubevirt.io/v1beta1", kind: "VirtualMachineClusterInstancetype", metadata: { name: "u1.small" }, spec: { cpu: { guest: 4 }, memory: { guest: "1Gi" } } };
  const catalog = offlineCatalog([mine]);
  t.deepEqual(resolveOffline({ spec: { instancetype: { name: "u1.small" }, preference: { name: "cirros" } } }, catalog).instancetype, mine.spec);
  t.truthy(resolveOffline({ spec: { preference: { name: "cirros" } } }, catalog).preference);
  t.deepEqual(resolveOffline({ spec: { instancetype: { name: "u1.small", kind: "VirtualMachineInstancetype" } } }, catalog), {}, "a namespaced kind is another object");
  t.deepEqual(resolveOffline({ spec: { instancetype: { name: "nope" } } }, catalog), {});
});
