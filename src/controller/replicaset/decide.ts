import type { VirtualMachineInstance, VirtualMachineInstanceReplicaSet } from "../../api";
import { findCondition } from "../conditions";
import { isFinal } from "../vmi/phases";
import { selectorString } from "./selector";

export interface ReplicaSetPlan {
  create: number;
  /** Names of VMIs to delete: final ones first, then the youngest not yet running. */
  delete: string[];
  status: { replicas: number; readyReplicas: number; labelSelector: string };
}

const isReady = (v: VirtualMachineInstance): boolean => v.status?.phase === "Running" && findCondition(v.status.conditions, "Ready")?.status === "True";
const deleting = (v: VirtualMachineInstance): boolean => v.metadata?.deletionTimestamp !== undefined;
const created = (v: VirtualMachineInstance): string => (v.metadata?.creationTimestamp as string | undefined) ?? "";
/** Scale-down order: not yet running before running, the youngest first (as KubeVirt). */
const scaleDownOrder = (a: VirtualMachineInstance, b: VirtualMachineInstance): number =>
  Number(a.status?.phase === "Running") - Number(b.status?.phase === "Running") || created(b).localeCompare(created(a));

/**
 * A VMI replica set's plan from the VMIs it owns: final VMIs are replaced, the count brought to
 * spec.replicas (default 1); a paused set only reports.
 */
export function planReplicaSet(rs: VirtualMachineInstanceReplicaSet, owned: VirtualMachineInstance[]): ReplicaSetPlan {
  const want = rs.spec.replicas ?? 1;
  const final = owned.filter((v) => isFinal(v.status?.phase) && !deleting(v));
  const active = owned.filter((v) => !isFinal(v.status?.phase) && !deleting(v));
  const status = { replicas: active.length, readyReplicas: active.filter(isReady).length, labelSelector: selectorString(rs.spec.selector) };
  if (rs.spec.paused === true) return { create: 0, delete: [], status };
  const surplus = active.length - want;
  const extra = surplus > 0 ? [...active].sort(scaleDownOrder).slice(0, surplus) : [];
  return {
    create: Math.max(0, -surplus),
    delete: [...final, ...extra].map((v) => v.metadata!.name as string),
    status,
  };
}
