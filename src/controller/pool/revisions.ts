import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import type { VirtualMachinePool, VirtualMachinePoolSpec } from "../../api/pool/v1alpha1/pool";
import { jsonEqual } from "../equal";

/**
 * A pool's revisions and updates, as KubeVirt v1.6's pool controller: each generation of the pool's
 * spec is frozen in a ControllerRevision `<pool>-<generation>`; VMs and their VMI templates carry its
 * name in a label. An outdated VM is rewritten from the pool; its VMI is then restarted, relabelled,
 * or the VM deleted, by comparing the revisions the VM and the VMI came from. Pure decisions.
 */

export const POOL_REVISION_LABEL = "kubevirt.io/vm-pool-revision-name";

export const revisionName = (pool: VirtualMachinePool): string => `${(pool.metadata as { name: string }).name}-${(pool.metadata as { generation?: number }).generation ?? 0}`;

/** The pool specs of its revisions, by name. */
export type Revisions = ReadonlyMap<string, VirtualMachinePoolSpec>;

const revisionOf = (o: { metadata?: unknown }): string | undefined => ((o.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {})[POOL_REVISION_LABEL];

/** A VM whose revision is missing, unknown, or froze another VM template (KubeVirt's isOutdatedVM). */
export function isOutdatedVm(pool: VirtualMachinePool, vm: VirtualMachine, revisions: Revisions): boolean {
  const name = revisionOf(vm);
  const frozen = name === undefined ? undefined : revisions.get(name);
  return frozen === undefined || !jsonEqual(frozen.virtualMachineTemplate, pool.spec.virtualMachineTemplate);
}

export type VmiUpdate = "none" | "restart" | "relabel" | "deleteVm";

/** What a current VM's VMI needs (KubeVirt's isOutdatedVMI): by the revisions the VM and the VMI came from. */
export function vmiUpdate(vm: VirtualMachine, vmi: VirtualMachineInstance, revisions: Revisions): VmiUpdate {
  const vmRevision = revisionOf(vm);
  if (vmRevision === undefined) return "none";
  const vmiRevision = revisionOf(vmi);
  if (vmiRevision === undefined) return "restart";
  if (vmiRevision === vmRevision) return "none";
  const expected = revisions.get(vmRevision);
  if (!expected) return "none";
  const current = revisions.get(vmiRevision);
  if (!current) return "restart";
  if (!jsonEqual(current.virtualMachineTemplate.spec?.dataVolumeTemplates, expected.virtualMachineTemplate.spec?.dataVolumeTemplates)) return "deleteVm";
  if (!jsonEqual(current.virtualMachineTemplate.spec?.template, expected.virtualMachineTemplate.spec?.template)) return "restart";
  return "relabel";
}

/** How many VMIs may be down at once during an update: spec.maxUnavailable (count or percentage, default 100%), at least 1. */
export function maxUnavailable(pool: VirtualMachinePool): number {
  const replicas = pool.spec.replicas ?? 1;
  const value = pool.spec.maxUnavailable ?? "100%";
  const n = typeof value === "number" ? value : Math.floor((replicas * Number.parseInt(value.replace(/%$/, ""), 10)) / 100);
  return Number.isFinite(n) && n >= 1 ? n : 1;
}

/** A VMI counts as available when it runs and is Ready, as in KubeVirt. */
export const isAvailable = (vmi: VirtualMachineInstance | undefined): boolean =>
  vmi !== undefined && vmi.metadata?.deletionTimestamp === undefined && vmi.status?.phase === "Running" && (vmi.status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");

/** Revisions of the pool no VM or VMI names any more. */
export function unusedRevisions(owned: readonly string[], vms: readonly VirtualMachine[], vmis: readonly VirtualMachineInstance[]): string[] {
  const used = new Set([...vms, ...vmis].map(revisionOf).filter((r): r is string => r !== undefined));
  return owned.filter((r) => !used.has(r));
}
