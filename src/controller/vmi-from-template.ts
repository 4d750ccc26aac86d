import type { VirtualMachineInstance, VirtualMachineInstanceTemplateSpec } from "../api";
import { API_VERSION } from "../api";

export interface TemplateOwner {
  kind: "VirtualMachine" | "VirtualMachineInstanceReplicaSet";
  name: string;
  uid: string;
  namespace: string;
}

/**
 * A VMI made from a VM's or a replica set's template, as KubeVirt makes them: the template's labels,
 * annotations and spec, owned (controller) by what made it. `naming` gives a fixed name (a VM's VMI
 * is named after it) or a prefix the API server completes (replicas).
 */
export function vmiFromTemplate(template: VirtualMachineInstanceTemplateSpec, owner: TemplateOwner, naming: { name: string } | { generateName: string }): VirtualMachineInstance {
  const tmeta = (template.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string> };
  return {
    apiVersion: API_VERSION,
    kind: "VirtualMachineInstance",
    metadata: {
      ...naming,
      namespace: owner.namespace,
      ...(tmeta.labels ? { labels: tmeta.labels } : {}),
      ...(tmeta.annotations ? { annotations: tmeta.annotations } : {}),
      ownerReferences: [{ apiVersion: API_VERSION, kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: structuredClone(template.spec ?? { domain: { devices: {} } }) as VirtualMachineInstance["spec"],
  };
}
