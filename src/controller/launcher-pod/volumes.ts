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
    if (v.configMap?.name !== undefined) add(`configmap-${v.configMap.name}`, { configMap: { name: v.configMap.name } }, `${POD_PATHS.configMapDir}/${v.configMap.name}`, true);
  }
  return out;
}
