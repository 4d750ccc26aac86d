import test from "ava";
import { validateStructure } from "../../api/schema";
import { VirtualMachineClusterInstancetype, VirtualMachineClusterPreference } from "../../api/instancetype/v1beta1";
import { commonPreferences } from "./preferences";
import { u1Instancetypes } from "./u1";

test("the u1 series has KubeVirt's sizes, and each passes the CRD's schema", (t) => {
  const all = u1Instancetypes();
  t.deepEqual(all.map((o) => o.metadata.name), ["u1.nano", "u1.micro", "u1.small", "u1.medium", "u1.2xmedium", "u1.large", "u1.xlarge", "u1.2xlarge", "u1.4xlarge", "u1.8xlarge"]);
  t.deepEqual(all.find((o) => o.metadata.name === "u1.small")?.spec, { cpu: { guest: 1 }, memory: { guest: "2Gi" } });
  for (const o of all) t.deepEqual(validateStructure(VirtualMachineClusterInstancetype, o), [], o.metadata.name);
});

test("cirros, fedora and ubuntu preferences pass the CRD's schema", (t) => {
  const all = commonPreferences();
  t.deepEqual(all.map((o) => o.metadata.name), ["cirros", "fedora", "ubuntu"]);
  for (const o of all) t.deepEqual(validateStructure(VirtualMachineClusterPreference, o), [], o.metadata.name);
});
