import type { VolumeSources } from "../disks/sources";
import { standaloneVolumeSources, type StandaloneSourceOptions } from "../standalone/volume-sources";
import { containerDiskFile } from "./container-disks";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

/**
 * A launcher pod's volumes: claims, Secrets and ConfigMaps are mounted by the pod in the same
 * one-directory-per-name layout standalone mode reads; containerDisks come from their containers
 * (or from --image-dir when one is given).
 */
export function podVolumeSources(o: StandaloneSourceOptions): VolumeSources {
  const mounted = standaloneVolumeSources(o);
  return {
    ...mounted,
    // --image-dir (a launcher run outside a pod, as the e2e tests do) wins over the pod's containers.
    containerDisk: o.imageDir !== undefined ? mounted.containerDisk : (volumeName, image, path) => containerDiskFile(volumeName, image, path),
    async serviceAccount() {
      const out: Record<string, string> = {};
      for (const key of await readdir(SERVICE_ACCOUNT_DIR)) if (!key.startsWith(".")) out[key] = await readFile(join(SERVICE_ACCOUNT_DIR, key), "utf8");
      return out;
    },
  };
}
