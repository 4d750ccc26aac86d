/**
 * The labels of KubeVirt's `kubevirt_vmi_info` (one series per VMI, value 1) and of
 * `kubevirt_vmi_phase_count`, which KubeVirt derives from it with a Prometheus recording rule
 * (a sum by node, phase and the OS/instance-type labels). There is no Prometheus here, so this
 * module serves the count itself, with the rule's labels.
 */
export const VMI_INFO_LABELS = [
  "node", "namespace", "name",
  "phase", "os", "workload", "flavor",
  "instance_type", "preference",
  "guest_os_kernel_release", "guest_os_machine", "guest_os_arch", "guest_os_name", "guest_os_version_id",
  "evictable", "outdated",
  "vmi_pod",
] as const;

export type VmiInfoLabels = Record<(typeof VMI_INFO_LABELS)[number], string>;

export const PHASE_COUNT_LABELS = [
  "node", "phase", "os", "workload", "flavor", "instance_type", "preference",
  "guest_os_kernel_release", "guest_os_machine", "guest_os_arch", "guest_os_name", "guest_os_version_id",
] as const;

export type PhaseCountLabels = Record<(typeof PHASE_COUNT_LABELS)[number], string>;

export interface InfoVmi {
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> };
  status?: {
    phase?: string;
    nodeName?: string;
    machine?: { type?: string };
    guestOSInfo?: { kernelRelease?: string; machine?: string; name?: string; versionId?: string };
    conditions?: Array<{ type?: string; status?: string }>;
  };
  spec?: { evictionStrategy?: string };
}

const NONE = "<none>";
const ANNOTATION = "vm.kubevirt.io/";
// The annotations KubeVirt's VM controller puts on a VMI it made from an instancetype or preference.
const INSTANCETYPE_ANNOTATIONS = ["kubevirt.io/instancetype-name", "kubevirt.io/cluster-instancetype-name"];
const PREFERENCE_ANNOTATIONS = ["kubevirt.io/preference-name", "kubevirt.io/cluster-preference-name"];
const OUTDATED_LABEL = "kubevirt.io/outdatedLauncherImage";

/** `launcherPod`: the name of the VMI's running launcher pod on its node, if any. */
export function vmiInfoLabels(vmi: InfoVmi, launcherPod: string | undefined): VmiInfoLabels {
  const annotations = vmi.metadata?.annotations ?? {};
  const first = (keys: string[]): string => keys.map((k) => annotations[k]).find((v) => v !== undefined) ?? NONE;
  const guest = vmi.status?.guestOSInfo ?? {};
  return {
    node: vmi.status?.nodeName ?? "",
    namespace: vmi.metadata?.namespace ?? "",
    name: vmi.metadata?.name ?? "",
    phase: (vmi.status?.phase ?? "").toLowerCase(),
    os: annotations[`${ANNOTATION}os`] ?? NONE,
    workload: annotations[`${ANNOTATION}workload`] ?? NONE,
    flavor: annotations[`${ANNOTATION}flavor`] ?? NONE,
    instance_type: first(INSTANCETYPE_ANNOTATIONS),
    preference: first(PREFERENCE_ANNOTATIONS),
    guest_os_kernel_release: guest.kernelRelease ?? "",
    guest_os_machine: vmi.status?.machine?.type ?? "",
    guest_os_arch: guest.machine ?? "",
    guest_os_name: guest.name ?? "",
    guest_os_version_id: guest.versionId ?? "",
    evictable: String(isEvictable(vmi)),
    outdated: String(OUTDATED_LABEL in (vmi.metadata?.labels ?? {})),
    vmi_pod: launcherPod ?? NONE,
  };
}

/**
 * As KubeVirt: a VMI whose eviction strategy asks for live migration is evictable only once it is
 * known to be migratable; there is no live migration here, so such a VMI never is.
 */
function isEvictable(vmi: InfoVmi): boolean {
  const strategy = vmi.spec?.evictionStrategy;
  if (strategy !== "LiveMigrate" && strategy !== "LiveMigrateIfPossible") return true;
  return vmi.status?.conditions?.some((c) => c.type === "LiveMigratable" && c.status === "True") ?? false;
}

/** kubevirt_vmi_phase_count: VMIs per node, phase and OS/instance-type labels. */
export function phaseCounts(infos: Iterable<VmiInfoLabels>): Array<{ labels: PhaseCountLabels; count: number }> {
  const counts = new Map<string, { labels: PhaseCountLabels; count: number }>();
  for (const info of infos) {
    const labels = Object.fromEntries(PHASE_COUNT_LABELS.map((l) => [l, info[l]])) as PhaseCountLabels;
    const key = PHASE_COUNT_LABELS.map((l) => labels[l]).join("\0");
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { labels, count: 1 });
  }
  return [...counts.values()];
}
