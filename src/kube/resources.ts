/** API paths of the kinds the platform reads and writes. */
export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

export const RESOURCES = {
  vm: { group: "kubevirt.io", version: "v1", plural: "virtualmachines", namespaced: true },
  vmi: { group: "kubevirt.io", version: "v1", plural: "virtualmachineinstances", namespaced: true },
  vmirs: { group: "kubevirt.io", version: "v1", plural: "virtualmachineinstancereplicasets", namespaced: true },
  pod: { group: "", version: "v1", plural: "pods", namespaced: true },
  event: { group: "", version: "v1", plural: "events", namespaced: true },
  configMap: { group: "", version: "v1", plural: "configmaps", namespaced: true },
  lease: { group: "coordination.k8s.io", version: "v1", plural: "leases", namespaced: true },
  controllerRevision: { group: "apps", version: "v1", plural: "controllerrevisions", namespaced: true },
  instancetype: { group: "instancetype.kubevirt.io", version: "v1beta1", plural: "virtualmachineinstancetypes", namespaced: true },
  clusterInstancetype: { group: "instancetype.kubevirt.io", version: "v1beta1", plural: "virtualmachineclusterinstancetypes", namespaced: false },
  preference: { group: "instancetype.kubevirt.io", version: "v1beta1", plural: "virtualmachinepreferences", namespaced: true },
  clusterPreference: { group: "instancetype.kubevirt.io", version: "v1beta1", plural: "virtualmachineclusterpreferences", namespaced: false },
  vmpool: { group: "pool.kubevirt.io", version: "v1alpha1", plural: "virtualmachinepools", namespaced: true },
  pvc: { group: "", version: "v1", plural: "persistentvolumeclaims", namespaced: true },
  dataVolume: { group: "cdi.kubevirt.io", version: "v1beta1", plural: "datavolumes", namespaced: true },
  dataSource: { group: "cdi.kubevirt.io", version: "v1beta1", plural: "datasources", namespaced: true },
  networkAttachmentDefinition: { group: "k8s.cni.cncf.io", version: "v1", plural: "network-attachment-definitions", namespaced: true },
  resourceClaim: { group: "resource.k8s.io", version: "v1", plural: "resourceclaims", namespaced: true },
  resourceClaimTemplate: { group: "resource.k8s.io", version: "v1", plural: "resourceclaimtemplates", namespaced: true },
} as const satisfies Record<string, ResourceRef>;

/** /api/v1/… or /apis/<group>/<version>/…, namespaced or not, optionally with a name and a subresource. */
export function resourcePath(r: ResourceRef, namespace?: string, name?: string, subresource?: string): string {
  const base = r.group === "" ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  const ns = r.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  const tail = name !== undefined ? `/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ""}` : "";
  return `${base}${ns}/${r.plural}${tail}`;
}

export const withQuery = (path: string, query: Record<string, string | undefined>): string => {
  const q = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return q.length > 0 ? `${path}?${q.join("&")}` : path;
};
