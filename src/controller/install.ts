import { applyObject, type KubeObject } from "../kube/objects";
import { RESOURCES, type ResourceRef } from "../kube/resources";
import { KUBEVIRT_NAMESPACE } from "./labels";

/** Where each kind the controller installs lives in the API. */
const INSTALLABLE: Record<string, ResourceRef> = {
  "v1/Namespace": { group: "", version: "v1", plural: "namespaces", namespaced: false },
  "v1/ServiceAccount": { group: "", version: "v1", plural: "serviceaccounts", namespaced: true },
  "v1/ConfigMap": { group: "", version: "v1", plural: "configmaps", namespaced: true },
  "rbac.authorization.k8s.io/v1/ClusterRole": { group: "rbac.authorization.k8s.io", version: "v1", plural: "clusterroles", namespaced: false },
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": { group: "rbac.authorization.k8s.io", version: "v1", plural: "clusterrolebindings", namespaced: false },
  "apps/v1/DaemonSet": { group: "apps", version: "v1", plural: "daemonsets", namespaced: true },
  "v1/Service": { group: "", version: "v1", plural: "services", namespaced: true },
  "apps/v1/Deployment": { group: "apps", version: "v1", plural: "deployments", namespaced: true },
  "rbac.authorization.k8s.io/v1/RoleBinding": { group: "rbac.authorization.k8s.io", version: "v1", plural: "rolebindings", namespaced: true },
  "apiregistration.k8s.io/v1/APIService": { group: "apiregistration.k8s.io", version: "v1", plural: "apiservices", namespaced: false },
  "instancetype.kubevirt.io/v1beta1/VirtualMachineClusterInstancetype": RESOURCES.clusterInstancetype,
  "instancetype.kubevirt.io/v1beta1/VirtualMachineClusterPreference": RESOURCES.clusterPreference,
};

/** Where `obj` lives in the API, when it is a kind the controller installs. */
export const installableResource = (obj: KubeObject): ResourceRef | undefined => INSTALLABLE[`${obj.apiVersion}/${obj.kind}`];

export const FIELD_MANAGER = "kubevirt-ts-controller";

export const platformNamespace = (): KubeObject => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: KUBEVIRT_NAMESPACE } });

/**
 * Applies the platform's components the module's own manifests cannot carry (Pepr's generated
 * Deployments cannot hold a DaemonSet), as virt-operator installs KubeVirt's: server-side apply, so
 * a re-run converges and a user's unrelated fields are kept.
 */
export async function applyComponents(objects: KubeObject[]): Promise<void> {
  for (const obj of objects) {
    const ref = installableResource(obj);
    if (!ref) throw new Error(`install: no API path known for ${obj.apiVersion} ${obj.kind} ${obj.metadata.name}`);
    await applyObject(ref, obj.metadata.namespace, obj.metadata.name, obj, FIELD_MANAGER);
  }
}
