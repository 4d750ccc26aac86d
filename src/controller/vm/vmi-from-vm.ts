import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import { API_VERSION } from "../../api";

/** The VMI a VM runs: its template's metadata and spec, named after the VM and owned by it (as KubeVirt). */
export function vmiFromVm(vm: VirtualMachine): VirtualMachineInstance {
  const meta = vm.metadata as { name: string; namespace: string; uid: string };
  const template = vm.spec.template;
  const tmeta = (template.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  return {
    apiVersion: API_VERSION,
    kind: "VirtualMachineInstance",
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      ...(tmeta.labels ? { labels: tmeta.labels } : {}),
      ...(tmeta.annotations ? { annotations: tmeta.annotations } : {}),
      ownerReferences: [{ apiVersion: API_VERSION, kind: "VirtualMachine", name: meta.name, uid: meta.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: structuredClone(template.spec ?? { domain: { devices: {} } }) as VirtualMachineInstance["spec"],
  };
}
