import test from "ava";
import { crdFor } from "../../src/api/crd/crd";
import type { KindName } from "../../src/api/kinds";
import { diffSchemas } from "./schema-diff";
import { readUpstreamOpenApi } from "./upstream";

/**
 * Conformance with KubeVirt v1.6.0's API: every field of upstream's OpenAPI definitions (fetched
 * from the Go module proxy by hack/upstream/fetch.sh) must be in the project's CRD schema with
 * the same type, format, enum and required-ness, and the CRD must add no field of its own.
 */
const ROOTS: Record<KindName, string> = {
  VirtualMachine: "v1.VirtualMachine",
  VirtualMachineInstance: "v1.VirtualMachineInstance",
  VirtualMachineInstanceReplicaSet: "v1.VirtualMachineInstanceReplicaSet",
};

for (const [kind, root] of Object.entries(ROOTS) as [KindName, string][]) {
  test(`${kind}: the CRD schema has every field of upstream ${root}, typed the same`, t => {
    const { definitions } = readUpstreamOpenApi();
    const crd = crdFor(kind).spec.versions.find(v => v.name === "v1")!.schema.openAPIV3Schema;
    const differences = diffSchemas(definitions, root, crd);
    t.deepEqual(differences.map(d => `${d.kind} ${d.path}: ${d.detail}`), []);
  });
}
