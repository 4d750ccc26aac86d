import type { VolumeSources } from "../disks/sources";
import { standaloneVolumeSources, type StandaloneSourceOptions } from "../standalone/volume-sources";
import { containerDiskFile } from "./container-disks";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** Kubernetes' path for a pod's ServiceAccount credentials; the controller projects them here (launcher-pod/volumes.ts). */
const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/** The files of KubeVirt's serviceAccount disk: the pod's own token, namespace and CA. */
const SERVICE_ACCOUNT_FILES = ["token", "namespace", "ca.crt"];

/**
 * A launcher pod's volumes: claims, Secrets and ConfigMaps are mounted by the pod in the same
 * one-directory-per-name layout standalone mode reads; containerDisks come from their containers.
 */
export function podVolumeSources(o: StandaloneSourceOptions): VolumeSources {
  const mounted = standaloneVolumeSources(o);
  return {
    ...mounted,
    containerDisk: (volumeName, image, path) => containerDiskFile(volumeName, image, path),
    // The pod runs as the volume's ServiceAccount (the controller renders it so) and has its
    // credentials projected here; a missing file fails the sync with its path.
    async serviceAccount() {
      const out: Record<string, string> = {};
      for (const key of SERVICE_ACCOUNT_FILES) out[key] = await readFile(join(SERVICE_ACCOUNT_DIR, key), "utf8");
      return out;
    },
  };
}
