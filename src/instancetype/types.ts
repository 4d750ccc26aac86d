import type { VirtualMachineInstanceSpec } from "../api";
import type { VirtualMachineInstancetypeSpec, VirtualMachinePreferenceSpec } from "../api/instancetype/v1beta1";

/** The shapes applying works on: plain JSON as read from the API server, typed by the API classes. */
export type InstancetypeSpec = VirtualMachineInstancetypeSpec;
export type PreferenceSpec = VirtualMachinePreferenceSpec;
export type VmiSpec = VirtualMachineInstanceSpec;
/** The template's metadata: only its annotations are touched. */
export interface TemplateMeta {
  annotations?: Record<string, string>;
}
