import type { VirtualMachine } from "../../api";
import type { VirtualMachinePool } from "../../api/pool/v1alpha1/pool";
import { selectorString } from "../replicaset/selector";

export interface PoolPlan {
  /** Indexes of the VMs to create, named `<pool>-<index>`. */
  create: number[];
  /** Names of VMs to delete: the highest indexes first. */
  delete: string[];
  status: { replicas: number; readyReplicas: number; labelSelector: string };
}

/** The index in `<pool>-<index>`, or undefined for a name of another shape. */
export function indexOf(poolName: string, vmName: string): number | undefined {
  const prefix = `${poolName}-`;
  if (!vmName.startsWith(prefix)) return undefined;
  const rest = vmName.slice(prefix.length);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : undefined;
}

/**
 * A pool's plan from the VMs it owns (as KubeVirt's pool controller): the lowest free indexes are
 * filled up to spec.replicas (default 1); scaling in deletes the highest indexes first. A paused
 * pool only reports. VMs being deleted count as gone.
 */
export function planPool(pool: VirtualMachinePool, owned: VirtualMachine[]): PoolPlan {
  const name = (pool.metadata as { name: string }).name;
  const want = pool.spec.replicas ?? 1;
  const live = owned.filter((vm) => vm.metadata?.deletionTimestamp === undefined);
  const status = {
    replicas: live.length,
    readyReplicas: live.filter((vm) => vm.status?.ready === true).length,
    labelSelector: selectorString(pool.spec.selector),
  };
  if (pool.spec.paused === true) return { create: [], delete: [], status };
  // A VM still being deleted keeps its name busy.
  const taken = new Set(owned.map((vm) => indexOf(name, vm.metadata!.name as string)).filter((i): i is number => i !== undefined));
  const create: number[] = [];
  for (let i = 0; create.length < want - live.length; i++) if (!taken.has(i)) create.push(i);
  const byIndexDesc = [...live].sort((a, b) => (indexOf(name, b.metadata!.name as string) ?? -1) - (indexOf(name, a.metadata!.name as string) ?? -1));
  const surplus = Math.max(0, live.length - want);
  return { create, delete: byIndexDesc.slice(0, surplus).map((vm) => vm.metadata!.name as string), status };
}
