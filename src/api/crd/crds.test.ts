import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { renderCrds } from "./render";
import { crdFor } from "./crd";

const crdsDir = join(__dirname, "..", "..", "..", "crds");

for (const { file, text } of renderCrds()) {
  test(`crds/${file} is generated from the API classes (run npm run crds when this fails)`, t => {
    t.is(readFileSync(join(crdsDir, file), "utf8"), text);
  });
}

test("CRD schemas inline every type: no $ref anywhere", t => {
  for (const { text } of renderCrds()) t.false(text.includes("$ref"));
});

test("VirtualMachine serves v1 (storage) and the seed's v1alpha1", t => {
  const versions = crdFor("VirtualMachine").spec.versions;
  t.deepEqual(versions.map(v => [v.name, v.served, v.storage]), [["v1", true, true], ["v1alpha1", true, false]]);
  const legacy = versions[1].schema.openAPIV3Schema;
  const spec = legacy.properties!.spec;
  t.truthy(spec.properties!.domain, "legacy spec.domain kept");
  t.truthy(spec.properties!.volumes!.items!.properties!.registryDisk);
  t.truthy(spec.properties!.domain!.properties!.devices!.properties!.disks!.items!.properties!.volumeName);
});

test("printer columns and short names match KubeVirt", t => {
  const columns = (k: Parameters<typeof crdFor>[0]) => crdFor(k).spec.versions[0].additionalPrinterColumns.map(c => c.name);
  t.deepEqual(columns("VirtualMachineInstance"), ["Age", "Phase", "IP", "NodeName", "Ready", "Live-Migratable", "Paused"]);
  t.deepEqual(crdFor("VirtualMachineInstance").spec.versions[0].additionalPrinterColumns.filter((c) => c.priority === 1).map((c) => c.name), ["Live-Migratable", "Paused"], "only with -o wide");
  t.deepEqual(columns("VirtualMachine"), ["Age", "Status", "Ready"]);
  t.deepEqual(columns("VirtualMachineInstanceReplicaSet"), ["Desired", "Current", "Ready", "Age"]);
  t.deepEqual(crdFor("VirtualMachineInstance").spec.names.shortNames, ["vmi", "vmis"]);
});

test("VMIRS has the scale subresource; all kinds have status", t => {
  t.truthy(crdFor("VirtualMachineInstanceReplicaSet").spec.versions[0].subresources.scale);
  for (const { file, text } of renderCrds()) {
    // Instancetypes and preferences have no status (as in KubeVirt); every other kind has one.
    if (!file.includes(".instancetype.")) t.truthy(parse(text).spec.versions[0].subresources.status, file);
  }
});

test("quantities are int-or-string with the Kubernetes pattern", t => {
  const vmi = crdFor("VirtualMachineInstance").spec.versions[0].schema.openAPIV3Schema;
  const requests = vmi.properties!.spec.properties!.domain.properties!.resources.properties!.requests;
  t.true(requests.additionalProperties!["x-kubernetes-int-or-string"]);
  t.truthy(requests.additionalProperties!.pattern);
});
