import { Cause, VirtualMachineInstanceSpec, VirtualMachineInstanceTemplateSpec } from "../../api";
import { isRecord } from "./access";
import { ValidationContext } from "./context";
import { at, cause } from "./rule";
import { validateVmiSpec } from "./vmi-spec";

/** Why a template is missing or has no spec; undefined when both are there. */
export function templateOrCause(template: VirtualMachineInstanceTemplateSpec | undefined, path: string): Cause | undefined {
  if (!isRecord(template)) return cause(path, "is required: the VMI this object creates (metadata and spec)");
  if (!isRecord(template.spec as unknown)) return cause(at(path, "spec"), "is required: the spec of the VMI this object creates");
  return undefined;
}

/** A VM's or replica set's template: present, with a spec that passes the VMI rules. */
export function validateTemplate(template: VirtualMachineInstanceTemplateSpec | undefined, path: string, ctx: ValidationContext): Cause[] {
  const missing = templateOrCause(template, path);
  if (missing) return [missing];
  return validateVmiSpec(template!.spec as VirtualMachineInstanceSpec, at(path, "spec"), ctx);
}

/** The template's labels, or none when metadata or labels are missing or malformed. */
export function templateLabels(template: VirtualMachineInstanceTemplateSpec | undefined): Record<string, unknown> {
  const metadata = isRecord(template) ? template.metadata : undefined;
  const labels = isRecord(metadata) ? metadata.labels : undefined;
  return isRecord(labels) ? labels : {};
}
