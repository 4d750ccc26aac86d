export { Capability, Mutate, Reconcile, Validate, Watch } from "./decorators";
export type { AdmissionEvent, BindingDeclaration, CapabilityDeclaration, KindRef } from "./declarations";
export { readCapability } from "./read-capability";
export type { CapabilityClass, CapabilityDefinition } from "./read-capability";
export { toPeprCapability } from "./to-pepr";
