import type { VirtualMachine } from "../../api";
import type { VirtualMachinePool } from "../../api/pool/v1alpha1/pool";
import { KubeError } from "../../kube/client";
import { recordEvent } from "../../kube/events";
import { createObject, deleteObject, getObject, listObjects, replaceStatus, type KubeObject } from "../../kube/objects";
import { RESOURCES } from "../../kube/resources";
import { jsonEqual } from "../equal";
import { planPool } from "../pool/decide";
import { vmFromPool } from "../pool/vm-from-pool";
import { revisionName } from "../pool/revisions";
import { updatePool } from "./pool-update";
import { matchesSelector } from "../replicaset/selector";
import { COMPONENT, key, type ReconcileContext } from "./context";

type Pool = VirtualMachinePool & KubeObject;
type Vm = VirtualMachine & KubeObject;

/** One pass over a VirtualMachinePool: create and delete its VMs toward spec.replicas, then write its status. */
export async function reconcilePool(namespace: string, name: string, ctx: ReconcileContext): Promise<void> {
  const pool = await getObject<Pool>(RESOURCES.vmpool, namespace, name);
  if (!pool || pool.metadata.deletionTimestamp !== undefined) return;
  const vms = await listObjects<Vm>(RESOURCES.vm, namespace);
  const owned = vms.filter((v) => v.metadata.ownerReferences?.some((o) => o.uid === pool.metadata.uid) && matchesSelector(pool.spec.selector, v.metadata.labels));
  const plan = planPool(pool, owned);
  for (const index of plan.create) {
    try {
      const made = await createObject<Vm>(RESOURCES.vm, namespace, vmFromPool(pool, index, revisionName(pool)));
      await recordEvent(COMPONENT, pool, { type: "Normal", reason: "SuccessfulCreate", message: `Created VM ${namespace}/${made.metadata.name}` }, ctx.log);
    } catch (err) {
      // A same-named VM the pool does not own: say so, and leave it alone.
      if (!(err instanceof KubeError && err.conflict)) throw err;
      await recordEvent(COMPONENT, pool, { type: "Warning", reason: "FailedCreate", message: `VM ${namespace}/${name}-${index} exists and is not owned by this pool` }, ctx.log);
    }
  }
  for (const vmName of plan.delete) {
    await deleteObject(RESOURCES.vm, namespace, vmName);
    await recordEvent(COMPONENT, pool, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted VM ${namespace}/${vmName}` }, ctx.log);
  }
  // A deleted VM sends no event the controller watches: look again soon for the new count.
  const scaling = plan.create.length + plan.delete.length > 0;
  if (scaling) ctx.requeueAfter(key("vmpool", namespace, name), 2_000);
  // Updates only once the scale is stable, as KubeVirt's pool controller.
  else if (pool.spec.paused !== true) await updatePool(pool, owned, ctx);
  const status = { ...(pool.status ?? {}), ...plan.status };
  if (!jsonEqual(status, pool.status ?? {})) await replaceStatus(RESOURCES.vmpool, pool, status);
}
