import type { KubeObject } from "../../kube/objects";

/** The U ("universal") series of KubeVirt's common-instancetypes: name, vCPUs, memory, size label. */
const U1: ReadonlyArray<[size: string, cpu: number, memory: string]> = [
  ["nano", 1, "512Mi"],
  ["micro", 1, "1Gi"],
  ["small", 1, "2Gi"],
  ["medium", 1, "4Gi"],
  ["2xmedium", 2, "4Gi"],
  ["large", 2, "8Gi"],
  ["xlarge", 4, "16Gi"],
  ["2xlarge", 8, "32Gi"],
  ["4xlarge", 16, "64Gi"],
  ["8xlarge", 32, "128Gi"],
];

/** The version of common-instancetypes KubeVirt v1.6's virt-operator ships. */
export const COMMON_INSTANCETYPES_VERSION = "v1.4.0";

/** The u1 cluster instancetypes, labelled as KubeVirt's (class, cpu, memory, size, vendor, version). */
export function u1Instancetypes(): KubeObject[] {
  return U1.map(([size, cpu, memory]) => ({
    apiVersion: "instancetype.kubevirt.io/v1beta1",
    kind: "VirtualMachineClusterInstancetype",
    metadata: {
      name: `u1.${size}`,
      annotations: {
        "instancetype.kubevirt.io/description": "General purpose: vCPUs share physical cores on a time-slice basis with other VMs.",
        "instancetype.kubevirt.io/displayName": "General Purpose",
      },
      labels: {
        "instancetype.kubevirt.io/class": "general.purpose",
        "instancetype.kubevirt.io/cpu": String(cpu),
        "instancetype.kubevirt.io/memory": memory,
        "instancetype.kubevirt.io/size": size,
        "instancetype.kubevirt.io/vendor": "kubevirt.io",
        "instancetype.kubevirt.io/version": "1",
        "instancetype.kubevirt.io/common-instancetypes-version": COMMON_INSTANCETYPES_VERSION,
      },
    },
    spec: { cpu: { guest: cpu }, memory: { guest: memory } },
  }));
}
