import { ApiClass } from "../schema";
import { VirtualMachineClusterInstancetype, VirtualMachineClusterPreference, VirtualMachineInstancetype, VirtualMachinePreference } from "../instancetype/v1beta1";
import { VirtualMachinePool } from "../pool/v1alpha1/pool";
import { PrinterColumn } from "./printer-columns";

/** A kind served outside the kubevirt.io group: instancetypes, preferences and pools (as in KubeVirt v1.6). */
export interface OtherGroupKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly scope: "Namespaced" | "Cluster";
  readonly type: ApiClass;
  readonly scale?: boolean;
  readonly printerColumns: readonly PrinterColumn[];
}

export const INSTANCETYPE_GROUP = "instancetype.kubevirt.io";
export const POOL_GROUP = "pool.kubevirt.io";

const age: PrinterColumn = { name: "Age", type: "date", jsonPath: ".metadata.creationTimestamp" };
const instancetypeKind = (kind: string, plural: string, shortNames: string[], scope: "Namespaced" | "Cluster", type: ApiClass): OtherGroupKind => ({
  group: INSTANCETYPE_GROUP, version: "v1beta1", kind, plural, singular: kind.toLowerCase(), shortNames, scope, type, printerColumns: [age],
});

export const OTHER_GROUP_KINDS: readonly OtherGroupKind[] = [
  instancetypeKind("VirtualMachineInstancetype", "virtualmachineinstancetypes", ["vminstancetype", "vminstancetypes", "vmf", "vmfs"], "Namespaced", VirtualMachineInstancetype),
  instancetypeKind("VirtualMachineClusterInstancetype", "virtualmachineclusterinstancetypes", ["vmclusterinstancetype", "vmclusterinstancetypes", "vmcf", "vmcfs"], "Cluster", VirtualMachineClusterInstancetype),
  instancetypeKind("VirtualMachinePreference", "virtualmachinepreferences", ["vmpref", "vmprefs", "vmp", "vmps"], "Namespaced", VirtualMachinePreference),
  instancetypeKind("VirtualMachineClusterPreference", "virtualmachineclusterpreferences", ["vmcp", "vmcps"], "Cluster", VirtualMachineClusterPreference),
  {
    group: POOL_GROUP,
    version: "v1alpha1",
    kind: "VirtualMachinePool",
    plural: "virtualmachinepools",
    singular: "virtualmachinepool",
    shortNames: ["vmpool", "vmpools"],
    scope: "Namespaced",
    type: VirtualMachinePool,
    scale: true,
    printerColumns: [
      { name: "Desired", type: "integer", jsonPath: ".spec.replicas", description: "Number of desired VirtualMachines" },
      { name: "Current", type: "integer", jsonPath: ".status.replicas", description: "Number of managed and not final or deleted VirtualMachines" },
      { name: "Ready", type: "integer", jsonPath: ".status.readyReplicas", description: "Number of managed VirtualMachines which are ready to receive traffic" },
      age,
    ],
  },
];
