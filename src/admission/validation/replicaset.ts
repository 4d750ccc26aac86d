import { Cause, VirtualMachineInstanceReplicaSet, VirtualMachineInstanceReplicaSetSpec } from "../../api";
import { isRecord } from "./access";
import { ValidationContext } from "./context";
import { isEmptySelector, selectorErrors, selectorMatches } from "./label-selector";
import { cause, quote } from "./rule";
import { templateLabels, validateTemplate } from "./template";

/**
 * The selector decides which VMIs the set owns, so it must select the VMIs it creates; an empty
 * selector would claim every VMI in the namespace (Kubernetes' ReplicaSet refuses it too).
 */
export function selectorRules(spec: VirtualMachineInstanceReplicaSetSpec): Cause[] {
  const selector = spec.selector;
  if (!isRecord(selector)) return [cause("spec.selector", "is required: the labels of the VMIs this set owns, for example matchLabels: {app: web}")];
  if (isEmptySelector(selector)) return [cause("spec.selector", "must not be empty: it would select every VMI in the namespace; add matchLabels that the template's labels carry")];
  const errors = selectorErrors(selector, "spec.selector");
  if (errors.length) return errors;
  if (selectorMatches(selector, templateLabels(spec.template))) return [];
  return [cause("spec.selector", "does not match the template's labels; add the selector's labels to spec.template.metadata.labels")];
}

export function replicasRule(spec: VirtualMachineInstanceReplicaSetSpec): Cause[] {
  const replicas: unknown = spec.replicas;
  if (replicas === undefined || replicas === null) return [];
  if (typeof replicas === "number" && Number.isInteger(replicas) && replicas >= 0) return [];
  return [cause("spec.replicas", `must be a whole number, 0 or more; got ${quote(replicas)}`)];
}

export function validateReplicaSet(rs: VirtualMachineInstanceReplicaSet, ctx: ValidationContext): Cause[] {
  const spec = isRecord(rs) ? rs.spec : undefined;
  if (!isRecord(spec)) return [cause("spec", "is required: a replica set has replicas, a selector and a template")];
  return [...validateTemplate(spec.template, "spec.template", ctx), ...selectorRules(spec), ...replicasRule(spec)];
}
