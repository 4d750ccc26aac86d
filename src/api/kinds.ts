import { ApiClass } from "./schema";
import { VirtualMachine, VirtualMachineInstance, VirtualMachineInstanceReplicaSet } from "./v1";

export const GROUP = "kubevirt.io";
export const VERSION = "v1";
export const API_VERSION = `${GROUP}/${VERSION}`;
/** The 2018 API version of the seed article, still accepted for VirtualMachine. */
export const LEGACY_VERSION = "v1alpha1";

export type KindName = "VirtualMachine" | "VirtualMachineInstance" | "VirtualMachineInstanceReplicaSet";

export interface KindInfo {
  readonly kind: KindName;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly type: ApiClass;
}

/** The kinds this project serves, with the names kubectl knows them by (as in KubeVirt). */
export const KINDS: Record<KindName, KindInfo> = {
  VirtualMachine: {
    kind: "VirtualMachine",
    plural: "virtualmachines",
    singular: "virtualmachine",
    shortNames: ["vm", "vms"],
    type: VirtualMachine,
  },
  VirtualMachineInstance: {
    kind: "VirtualMachineInstance",
    plural: "virtualmachineinstances",
    singular: "virtualmachineinstance",
    shortNames: ["vmi", "vmis"],
    type: VirtualMachineInstance,
  },
  VirtualMachineInstanceReplicaSet: {
    kind: "VirtualMachineInstanceReplicaSet",
    plural: "virtualmachineinstancereplicasets",
    singular: "virtualmachineinstancereplicaset",
    shortNames: ["vmirs", "vmirss"],
    type: VirtualMachineInstanceReplicaSet,
  },
};

export function isKindName(kind: unknown): kind is KindName {
  return typeof kind === "string" && kind in KINDS;
}
