/** virt-handler's configuration, from its environment (the DaemonSet sets it; see ./install.ts). Pure. */
export interface HandlerConfig {
  /** This node's name (env NODE_NAME, from the pod's spec.nodeName). */
  nodeName: string;
  /** The kubelet's root directory, mounted at the same path (env KUBELET_ROOT_DIR). */
  kubeletRootDir: string;
  /** Seconds between full resyncs of this node's VMIs (env RESYNC_SECONDS). */
  resyncSeconds: number;
  /** VMIs reconciled at the same time (env WORKERS): a sync holds its worker while the launcher boots the domain, mostly waiting. */
  workers: number;
  /** The virt-api link's certificates (env LINK_CERT_DIR: ca.crt, tls.crt, tls.key); unset: no link served. */
  linkCertDir?: string;
}

export const DEFAULT_KUBELET_ROOT_DIR = "/var/lib/kubelet";
/** Written once the watches run: the DaemonSet's readiness probe checks it (the first list of VMIs and pods takes a while on a busy node). */
export const READY_FILE = "/tmp/virt-handler-ready";

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${raw}: must be a whole number of at least 1 (unset: ${fallback})`);
  return n;
}

export function handlerConfig(env: Record<string, string | undefined>): HandlerConfig {
  const nodeName = env.NODE_NAME?.trim();
  if (!nodeName) throw new Error("NODE_NAME is not set: run virt-handler with env NODE_NAME from the pod's spec.nodeName (fieldRef), as its DaemonSet does");
  const kubeletRootDir = env.KUBELET_ROOT_DIR?.trim() || DEFAULT_KUBELET_ROOT_DIR;
  if (!kubeletRootDir.startsWith("/")) throw new Error(`KUBELET_ROOT_DIR=${kubeletRootDir}: must be an absolute path (the kubelet's --root-dir)`);
  const linkCertDir = env.LINK_CERT_DIR?.trim() || undefined;
  if (linkCertDir !== undefined && !linkCertDir.startsWith("/")) throw new Error(`LINK_CERT_DIR=${linkCertDir}: must be an absolute path (the mounted Secret virt-handler-link-certs)`);
  return { nodeName, kubeletRootDir, resyncSeconds: positiveInt(env, "RESYNC_SECONDS", 60), workers: positiveInt(env, "WORKERS", 16), ...(linkCertDir && { linkCertDir }) };
}
