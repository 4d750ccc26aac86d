import test from "ava";
import { allCrds } from "../../src/api/crd/crd";
import { diffSchemas } from "./schema-diff";
import { readUpstreamOpenApi } from "./upstream";

/**
 * Conformance with KubeVirt v1.6.0's API: every field of upstream's OpenAPI definitions (fetched
 * from the Go module proxy by hack/upstream/fetch.sh) must be in the project's CRD schema with
 * the same type, format, enum and required-ness, and the CRD must add no field of its own.
 */
const ROOTS: Record<string, string> = {
  VirtualMachine: "v1.VirtualMachine",
  VirtualMachineInstance: "v1.VirtualMachineInstance",
  VirtualMachineInstanceReplicaSet: "v1.VirtualMachineInstanceReplicaSet",
  VirtualMachineInstancetype: "v1beta1.VirtualMachineInstancetype",
  VirtualMachineClusterInstancetype: "v1beta1.VirtualMachineClusterInstancetype",
  VirtualMachinePreference: "v1beta1.VirtualMachinePreference",
  VirtualMachineClusterPreference: "v1beta1.VirtualMachineClusterPreference",
  VirtualMachinePool: "v1alpha1.VirtualMachinePool",
};

for (const [kind, root] of Object.entries(ROOTS)) {
  test(`${kind}: the CRD schema has every field of upstream ${root}, typed the same`, t => {
    const { definitions } = readUpstreamOpenApi();
    const version = root.split(".")[0];
    const crd = allCrds().find(c => c.spec.names.kind === kind)?.spec.versions.find(v => v.name === version)?.schema.openAPIV3Schema;
    if (!crd) return t.fail(`no CRD serves ${kind} ${version}`);
    const differences = diffSchemas(definitions, root, crd);
    t.deepEqual(differences.map(d => `${d.kind} ${d.path}: ${d.detail}`), []);
  });
}
