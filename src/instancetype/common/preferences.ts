import type { KubeObject } from "../../kube/objects";
import type { PreferenceSpec } from "../types";
import { COMMON_INSTANCETYPES_VERSION } from "./u1";

const virtioLinux = (memory: string): PreferenceSpec => ({
  annotations: { "vm.kubevirt.io/os": "linux" },
  devices: { preferredDiskBus: "virtio", preferredInterfaceModel: "virtio", preferredRng: {} },
  requirements: { cpu: { guest: 1 }, memory: { guest: memory } },
});

/** Preferences of KubeVirt's common-instancetypes for the guests people try first. */
const PREFERENCES: ReadonlyArray<[name: string, displayName: string, spec: PreferenceSpec]> = [
  ["cirros", "Cirros", virtioLinux("256Mi")],
  ["fedora", "Fedora", { ...virtioLinux("2Gi"), features: { preferredSmm: {} }, firmware: { preferredEfi: { secureBoot: true } } }],
  ["ubuntu", "Ubuntu", virtioLinux("2Gi")],
];

export function commonPreferences(): KubeObject[] {
  return PREFERENCES.map(([name, displayName, spec]) => ({
    apiVersion: "instancetype.kubevirt.io/v1beta1",
    kind: "VirtualMachineClusterPreference",
    metadata: {
      name,
      annotations: { "openshift.io/display-name": displayName, "openshift.io/provider-display-name": "KubeVirt" },
      labels: {
        "instancetype.kubevirt.io/os-type": "linux",
        "instancetype.kubevirt.io/vendor": "kubevirt.io",
        "instancetype.kubevirt.io/common-instancetypes-version": COMMON_INSTANCETYPES_VERSION,
      },
    },
    spec,
  }));
}
