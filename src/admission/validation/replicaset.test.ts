import test from "ava";
import { formatCauses, VirtualMachineInstanceReplicaSet } from "../../api";
import { newCirrosVmi, newReplicaSet, withHostname, withLabel } from "../../../test/fixtures/vmi-builder";
import { context } from "../../../test/fixtures/rule-table";
import { validateReplicaSet } from "./replicaset";

const labelled = (...extra: Parameters<typeof newCirrosVmi>) => newCirrosVmi(withLabel("app", "testvmi"), ...extra);

function withSelector(rs: VirtualMachineInstanceReplicaSet, selector: VirtualMachineInstanceReplicaSet["spec"]["selector"]): VirtualMachineInstanceReplicaSet {
  return { ...rs, spec: { ...rs.spec, selector } };
}

interface RsCase {
  readonly name: string;
  readonly rs: VirtualMachineInstanceReplicaSet;
  readonly denied?: { readonly field: string; readonly message: string };
}

const CASES: readonly RsCase[] = [
  { name: "matchLabels match", rs: newReplicaSet(labelled()) },
  { name: "matchExpressions match", rs: withSelector(newReplicaSet(labelled()), { matchExpressions: [{ key: "app", operator: "In", values: ["testvmi", "other"] }, { key: "tier", operator: "DoesNotExist" }] }) },
  { name: "zero replicas", rs: newReplicaSet(labelled(), 0) },
  { name: "labels do not match", rs: newReplicaSet(newCirrosVmi(withLabel("app", "other"))), denied: { field: "spec.selector", message: "does not match the template's labels" } },
  { name: "template without labels", rs: newReplicaSet(newCirrosVmi()), denied: { field: "spec.selector", message: "does not match" } },
  { name: "NotIn excludes the template", rs: withSelector(newReplicaSet(labelled()), { matchExpressions: [{ key: "app", operator: "NotIn", values: ["testvmi"] }] }), denied: { field: "spec.selector", message: "does not match" } },
  { name: "empty selector", rs: withSelector(newReplicaSet(labelled()), {}), denied: { field: "spec.selector", message: "must not be empty" } },
  { name: "In without values", rs: withSelector(newReplicaSet(labelled()), { matchExpressions: [{ key: "app", operator: "In" }] }), denied: { field: "spec.selector.matchExpressions[0].values", message: "must not be empty for operator In" } },
  { name: "negative replicas (raw spec)", rs: newReplicaSet(labelled(), -1), denied: { field: "spec.replicas", message: "0 or more" } },
  { name: "template rules use the template's path", rs: newReplicaSet(labelled(withHostname("Web"))), denied: { field: "spec.template.spec.hostname", message: "not a valid DNS label" } },
  { name: "missing selector (raw spec)", rs: withSelector(newReplicaSet(labelled()), undefined as never), denied: { field: "spec.selector", message: "is required" } },
];

for (const row of CASES) {
  test(`replica set: ${row.name}`, t => {
    const causes = validateReplicaSet(row.rs, context());
    if (!row.denied) return t.deepEqual(causes, [], formatCauses(causes));
    const { field, message } = row.denied;
    t.true(causes.some(c => c.field === field && c.message.includes(message)), `expected ${field}: ${message}; got ${formatCauses(causes)}`);
  });
}
