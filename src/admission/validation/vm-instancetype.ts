import { Cause, VirtualMachineInstanceSpec, VirtualMachineSpec } from "../../api";
import { applyToTemplate } from "../../instancetype/apply";
import { defaultVmiSpec } from "../defaults";
import { ValidationContext } from "./context";
import { validateVmiSpec } from "./vmi-spec";

const SPEC_PATH = "spec.template.spec";
const MEMORY_REQUEST = `${SPEC_PATH}.domain.resources.requests.memory`;

/**
 * A VM with an instancetype or preference, as KubeVirt's VM admitter checks it: the instancetype
 * and preference are applied to a copy of the template (a conflict is refused with its field
 * path), and the VMI spec that results is defaulted and validated. An instancetype that could not
 * be read (offline, or not created yet) is not applied; the template then may lack memory, which
 * the instancetype will give, so that one rule is not held against it.
 */
export function validateInstancetypeVm(spec: VirtualMachineSpec, ctx: ValidationContext): Cause[] {
  const resolved = ctx.instancetypes ?? {};
  const template = spec.template as { spec: VirtualMachineInstanceSpec; metadata?: { annotations?: Record<string, string> } };
  const applied = applyToTemplate(resolved, template);
  if (!("spec" in applied)) return applied.conflicts;
  const defaulted = defaultVmiSpec(applied.spec, { newUuid: () => "", assignFirmwareUuid: false });
  const causes = validateVmiSpec(defaulted, SPEC_PATH, ctx);
  const memoryPending = spec.instancetype !== undefined && resolved.instancetype === undefined;
  return memoryPending ? causes.filter((c) => c.field !== MEMORY_REQUEST) : causes;
}
