/**
 * The validating admission rules for kubevirt.io/v1 objects: KubeVirt's create-time rules as
 * small pure functions that return causes with field paths. They run after the structural check
 * (types, enums, required and unknown fields) and after defaulting.
 */
export type { ValidationContext } from "./context";
export { FEATURE_GATES } from "./context";
export { validateVmiSpec, validateVirtualMachineInstance, VMI_SPEC_RULES } from "./vmi-spec";
export { validateVirtualMachine } from "./vm";
export { validateReplicaSet } from "./replicaset";
export type { SpecRule } from "./rule";
