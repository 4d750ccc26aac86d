import type { Volume } from "../../api";
import { POD_PATHS } from "./paths";

export interface PodVolume {
  name: string;
  [source: string]: unknown;
}
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

/** Where a pod's ServiceAccount token, namespace and CA are (the path Kubernetes' own mount uses). */
export const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/**
 * What Kubernetes' automount would mount, as a projected volume: mounted into the compute container
 * only (the pod keeps `automountServiceAccountToken: false`), where the launcher builds the
 * serviceAccount disk from it, as KubeVirt's does from its pod's own mount.
 */
const serviceAccountProjection = {
  projected: {
    sources: [
      { serviceAccountToken: { path: "token", expirationSeconds: 3607 } },
      { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { downwardAPI: { items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }] } },
    ],
  },
};

/** The ServiceAccount a VMI's `serviceAccount` volume names (KubeVirt allows one), which its pod then runs as. */
export const serviceAccountOf = (volumes: Volume[]): string | undefined => volumes.find((v) => v.serviceAccount?.serviceAccountName)?.serviceAccount?.serviceAccountName;

/** The Secrets a volume needs mounted: its own, or cloud-init's user and network data. */
function secretNames(v: Volume): string[] {
  const ci = v.cloudInitNoCloud ?? v.cloudInitConfigDrive;
  return [v.secret?.secretName, ci?.secretRef?.name, ci?.networkDataSecretRef?.name].filter((n): n is string => n !== undefined);
}

/**
 * The pod volumes and compute-container mounts for a VMI's volumes: claims, Secrets and ConfigMaps
 * mounted where the launcher's --pvc-dir, --secret-dir and --configmap-dir look (one directory per
 * name). containerDisks are containers, not volumes (containers.ts).
 */
export function vmiVolumeMounts(volumes: Volume[]): { volumes: PodVolume[]; mounts: VolumeMount[] } {
  const out = { volumes: [] as PodVolume[], mounts: [] as VolumeMount[] };
  const seen = new Set<string>();
  const add = (name: string, source: Record<string, unknown>, mountPath: string, readOnly: boolean): void => {
    if (seen.has(name)) return;
    seen.add(name);
    out.volumes.push({ name, ...source });
    out.mounts.push({ name, mountPath, ...(readOnly ? { readOnly } : {}) });
  };
  for (const v of volumes) {
    const claim = v.persistentVolumeClaim ?? v.ephemeral?.persistentVolumeClaim;
    if (claim?.claimName !== undefined) {
      const readOnly = v.ephemeral !== undefined || claim.readOnly === true;
      add(`pvc-${claim.claimName}`, { persistentVolumeClaim: { claimName: claim.claimName, ...(readOnly ? { readOnly } : {}) } }, `${POD_PATHS.pvcDir}/${claim.claimName}`, readOnly);
    }
    for (const secretName of secretNames(v)) add(`secret-${secretName}`, { secret: { secretName } }, `${POD_PATHS.secretDir}/${secretName}`, true);
    if (v.serviceAccount?.serviceAccountName !== undefined) add("serviceaccount", serviceAccountProjection, SERVICE_ACCOUNT_DIR, true);
    if (v.configMap?.name !== undefined) add(`configmap-${v.configMap.name}`, { configMap: { name: v.configMap.name } }, `${POD_PATHS.configMapDir}/${v.configMap.name}`, true);
  }
  return out;
}
