import type { ClusterConfig } from "../config";

/** What every reconciler gets: the cluster config as last read, a logger, and a way to look again later. */
export interface ReconcileContext {
  config: () => ClusterConfig;
  log: (message: string, err?: unknown) => void;
  /** Run this key's reconcile again after `ms` (a wait that no watch event will end). */
  requeueAfter: (key: string, ms: number) => void;
}

export const COMPONENT = "virt-controller";

/** Work-queue keys: `<kind>/<namespace>/<name>`. */
export const key = (kind: "vm" | "vmi" | "vmirs" | "vmpool", namespace: string, name: string): string => `${kind}/${namespace}/${name}`;
export function parseKey(k: string): { kind: "vm" | "vmi" | "vmirs" | "vmpool"; namespace: string; name: string } {
  const [kind, namespace, name] = k.split("/");
  return { kind: kind as "vm" | "vmi" | "vmirs" | "vmpool", namespace: namespace!, name: name! };
}
