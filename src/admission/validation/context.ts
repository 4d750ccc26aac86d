/** Cluster facts the rules depend on; plain data so the rules stay pure. */
export interface ValidationContext {
  /** Enabled feature gates, by KubeVirt's names, e.g. "HostDisk". */
  readonly featureGates: ReadonlySet<string>;
}

/** Feature gates the rules consult, named as in KubeVirt's `developerConfiguration.featureGates`. */
export const FEATURE_GATES = {
  hostDisk: "HostDisk",
  declarativeHotplugVolumes: "DeclarativeHotplugVolumes",
} as const;
