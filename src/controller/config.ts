import cfg from "../../package.json";

/**
 * The cluster-wide settings of the platform, from ConfigMap `kubevirt/kubevirt-config` (KubeVirt keeps
 * them in its KubeVirt CR). Every key is optional; `npm start` writes the local cluster's.
 */
export interface ClusterConfig {
  /** The kubelet's --root-dir on the nodes: the node agent reaches launcher sockets through it. */
  kubeletRootDir: string;
  /** Run guests under QEMU's emulator (TCG) instead of KVM, as KubeVirt's `useEmulation`. */
  useEmulation: boolean;
  launcherImage: string;
  handlerImage: string;
}

export const CONFIG_MAP = "kubevirt-config";

export const defaultImage = (name: string): string => `localhost/kubevirt-ts/${name}:${cfg.version}`;

export const DEFAULT_CONFIG: ClusterConfig = {
  kubeletRootDir: "/var/lib/kubelet",
  useEmulation: false,
  launcherImage: defaultImage("virt-launcher"),
  handlerImage: defaultImage("virt-handler"),
};

/** The config from the ConfigMap's data; unknown keys are ignored, a bad value names the key. */
export function parseClusterConfig(data: Record<string, string> | undefined): ClusterConfig {
  const d = data ?? {};
  const bool = (key: string, fallback: boolean): boolean => {
    const v = d[key];
    if (v === undefined) return fallback;
    if (v !== "true" && v !== "false") throw new Error(`ConfigMap ${CONFIG_MAP}: ${key} must be "true" or "false", not "${v}"`);
    return v === "true";
  };
  const path = (key: string, fallback: string): string => {
    const v = d[key];
    if (v === undefined) return fallback;
    if (!v.startsWith("/")) throw new Error(`ConfigMap ${CONFIG_MAP}: ${key} must be an absolute path, not "${v}"`);
    return v.replace(/\/+$/, "");
  };
  return {
    kubeletRootDir: path("kubeletRootDir", DEFAULT_CONFIG.kubeletRootDir),
    useEmulation: bool("useEmulation", DEFAULT_CONFIG.useEmulation),
    launcherImage: d.launcherImage || DEFAULT_CONFIG.launcherImage,
    handlerImage: d.handlerImage || DEFAULT_CONFIG.handlerImage,
  };
}
