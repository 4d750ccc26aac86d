import { Cause, VirtualMachineInstance, VirtualMachineInstanceSpec } from "../../api";
import { domainOf, isRecord } from "./access";
import { bootOrders } from "./boot-order";
import { CLOUD_INIT_RULES } from "./cloud-init";
import { ValidationContext } from "./context";
import { CPU_RULES } from "./cpu";
import { DEDICATED_CPU_RULES } from "./dedicated-cpu";
import { DISK_OPTION_RULES } from "./disk-options";
import { discontinuedBindings } from "./discontinued-bindings";
import { DISK_RULES } from "./disks";
import { DOMAIN_RULES } from "./domain";
import { FIRMWARE_RULES } from "./firmware";
import { hostDiskVolumes } from "./host-disk";
import { hostDiskPathIsNormalised } from "./host-disk-path";
import { INTERFACE_RULES } from "./interfaces";
import { MEMORY_RULES } from "./memory";
import { multusDefaultNetwork } from "./multus";
import { NETWORK_RULES } from "./networks";
import { forwardedPorts } from "./ports";
import { at, cause, SpecRule } from "./rule";
import { REFERENCED_NAME_RULES } from "./referenced-names";
import { VOLUME_REFERENCE_RULES } from "./volume-references";
import { VOLUME_RULES } from "./volumes";

/** Every rule, in the order their causes are reported: hardware first, then storage, then network. */
export const VMI_SPEC_RULES: readonly SpecRule[] = [
  ...DOMAIN_RULES,
  ...FIRMWARE_RULES,
  ...MEMORY_RULES,
  ...CPU_RULES,
  ...DEDICATED_CPU_RULES,
  ...DISK_RULES,
  ...DISK_OPTION_RULES,
  bootOrders,
  ...VOLUME_RULES,
  hostDiskVolumes,
  hostDiskPathIsNormalised,
  ...REFERENCED_NAME_RULES,
  ...CLOUD_INIT_RULES,
  ...VOLUME_REFERENCE_RULES,
  ...NETWORK_RULES,
  ...INTERFACE_RULES,
  multusDefaultNetwork,
  discontinuedBindings,
  forwardedPorts,
];

/**
 * Runs every rule on a (defaulted) VMI spec found at `path`. A rule that throws on a shape it did
 * not expect becomes a cause naming the rule, so the request is refused with a reason instead of
 * failing the webhook call.
 */
export function validateVmiSpec(spec: VirtualMachineInstanceSpec, path: string, ctx: ValidationContext): Cause[] {
  if (!isRecord(spec)) return [cause(path, "is required and must be an object")];
  if (!domainOf(spec)) return [cause(at(path, "domain"), "is required: the VM's hardware (resources, devices)")];
  return VMI_SPEC_RULES.flatMap(rule => runRule(rule, spec, path, ctx));
}

function runRule(rule: SpecRule, spec: VirtualMachineInstanceSpec, path: string, ctx: ValidationContext): Cause[] {
  try {
    return rule(spec, path, ctx);
  } catch (error) {
    return [cause(path, `internal error in validation rule ${rule.name || "(anonymous)"}: ${error instanceof Error ? error.message : String(error)}; please report this`)];
  }
}

export function validateVirtualMachineInstance(vmi: VirtualMachineInstance, ctx: ValidationContext): Cause[] {
  const spec = isRecord(vmi) ? vmi.spec : undefined;
  return validateVmiSpec(spec as VirtualMachineInstanceSpec, "spec", ctx);
}
