import type { Resolved } from "../../instancetype/apply";

/** Cluster facts the rules depend on; plain data so the rules stay pure. */
export interface ValidationContext {
  /** Enabled feature gates, by KubeVirt's names, e.g. "HostDisk". */
  readonly featureGates: ReadonlySet<string>;
  /**
   * The instancetype and preference specs the VM under validation names, read from the cluster
   * by the webhook (src/admission/instancetype-reads.ts); absent offline or when not found.
   */
  readonly instancetypes?: Resolved;
}

/** Feature gates the rules consult, named as in KubeVirt's `developerConfiguration.featureGates`. */
export const FEATURE_GATES = {
  hostDisk: "HostDisk",
  declarativeHotplugVolumes: "DeclarativeHotplugVolumes",
} as const;
