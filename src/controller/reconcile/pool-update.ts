import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import type { VirtualMachinePool, VirtualMachinePoolSpec } from "../../api/pool/v1alpha1/pool";
import { KubeError } from "../../kube/client";
import { recordEvent } from "../../kube/events";
import { createObject, deleteObject, getObject, listObjects, patchIfUnchanged, replaceObject, type KubeObject } from "../../kube/objects";
import { RESOURCES } from "../../kube/resources";
import { indexOf } from "../pool/decide";
import { isAvailable, isOutdatedVm, maxUnavailable, POOL_REVISION_LABEL, revisionName, unusedRevisions, vmiUpdate, type Revisions, type VmiUpdate } from "../pool/revisions";
import { vmFromPool } from "../pool/vm-from-pool";
import { COMPONENT, key, type ReconcileContext } from "./context";

type Pool = VirtualMachinePool & KubeObject;
type Vm = VirtualMachine & KubeObject;
type Vmi = VirtualMachineInstance & KubeObject;
type Revision = KubeObject & { data?: VirtualMachinePoolSpec };

/** How soon a pool whose update waits on unavailable VMIs looks again (KubeVirt's retry delay). */
const UPDATE_RETRY_MS = 5_000;

/** The pool's revisions by name, the current generation's frozen now if it is not yet. */
async function readRevisions(pool: Pool): Promise<{ revisions: Map<string, VirtualMachinePoolSpec>; owned: string[] }> {
  const all = await listObjects<Revision>(RESOURCES.controllerRevision, pool.metadata.namespace);
  const mine = all.filter((cr) => cr.metadata.ownerReferences?.some((o) => o.uid === pool.metadata.uid) && cr.data !== undefined);
  const revisions = new Map(mine.map((cr) => [cr.metadata.name, cr.data!]));
  const current = revisionName(pool);
  if (!revisions.has(current)) {
    const owner = { apiVersion: "pool.kubevirt.io/v1alpha1", kind: "VirtualMachinePool", name: pool.metadata.name, uid: pool.metadata.uid, controller: true, blockOwnerDeletion: true };
    const body = { apiVersion: "apps/v1", kind: "ControllerRevision", metadata: { name: current, namespace: pool.metadata.namespace, ownerReferences: [owner] }, data: pool.spec, revision: pool.metadata.generation ?? 0 };
    try {
      await createObject(RESOURCES.controllerRevision, pool.metadata.namespace, body);
    } catch (err) {
      if (!(err instanceof KubeError && err.conflict)) throw err; // made by an earlier pass: the same freeze
    }
    revisions.set(current, pool.spec);
  }
  return { revisions, owned: mine.map((cr) => cr.metadata.name) };
}

/** Rewrites an outdated VM from the pool's current spec: its labels, annotations and spec (KubeVirt's opportunistic update). */
async function rewriteVm(pool: Pool, vm: Vm, ctx: ReconcileContext): Promise<void> {
  const index = indexOf(pool.metadata.name, vm.metadata.name);
  if (index === undefined) return;
  const fresh = vmFromPool(pool, index, revisionName(pool));
  const annotations = { ...vm.metadata.annotations, ...(fresh.metadata?.annotations as Record<string, string> | undefined) };
  await replaceObject(RESOURCES.vm, { ...vm, metadata: { ...vm.metadata, labels: fresh.metadata?.labels as Record<string, string>, annotations }, spec: fresh.spec });
  await recordEvent(COMPONENT, pool, { type: "Normal", reason: "SuccessfulUpdate", message: `Updated VM ${vm.metadata.namespace}/${vm.metadata.name}` }, ctx.log);
}

async function applyVmiUpdate(pool: Pool, vm: Vm, vmi: Vmi, update: VmiUpdate, ctx: ReconcileContext): Promise<void> {
  const ns = vm.metadata.namespace;
  if (update === "restart") await deleteObject(RESOURCES.vmi, ns, vmi.metadata.name, vmi.metadata.uid);
  if (update === "deleteVm") await deleteObject(RESOURCES.vm, ns, vm.metadata.name, vm.metadata.uid, "Foreground");
  if (update === "relabel") {
    const labels = { ...vmi.metadata.labels, [POOL_REVISION_LABEL]: vm.metadata.labels![POOL_REVISION_LABEL]! };
    await patchIfUnchanged(RESOURCES.vmi, vmi, [{ op: "add", path: "/metadata/labels", value: labels }]);
  }
  if (update !== "none") ctx.log(`vmpool ${ns}/${pool.metadata.name}: ${update} for VM ${vm.metadata.name}`);
}

/**
 * KubeVirt's proactive update of current VMs' VMIs: not-ready ones first, then the others within
 * maxUnavailable; returns whether some had to wait.
 */
async function updateVmis(pool: Pool, vms: Vm[], revisions: Revisions, ctx: ReconcileContext): Promise<boolean> {
  const pairs = await Promise.all(vms.map(async (vm) => ({ vm, vmi: await getObject<Vmi>(RESOURCES.vmi, vm.metadata.namespace, vm.metadata.name) })));
  const live = pairs.filter((p): p is { vm: Vm; vmi: Vmi } => p.vmi !== undefined && p.vmi.metadata.deletionTimestamp === undefined);
  for (const { vm, vmi } of live.filter((p) => !isAvailable(p.vmi))) await applyVmiUpdate(pool, vm, vmi, vmiUpdate(vm, vmi, revisions), ctx);
  let budget = maxUnavailable(pool) - pairs.filter((p) => !isAvailable(p.vmi)).length;
  for (const { vm, vmi } of live.filter((p) => isAvailable(p.vmi))) {
    const update = vmiUpdate(vm, vmi, revisions);
    if (update === "none") continue;
    if (budget <= 0) return true;
    await applyVmiUpdate(pool, vm, vmi, update, ctx);
    budget--;
  }
  return false;
}

/**
 * A scaled pool's update pass: outdated VMs rewritten, their VMIs brought to the VM's revision, and
 * revisions nothing uses any more pruned once every VM is current.
 */
export async function updatePool(pool: Pool, owned: Vm[], ctx: ReconcileContext): Promise<void> {
  const { revisions, owned: revisionNames } = await readRevisions(pool);
  const outdated = owned.filter((vm) => isOutdatedVm(pool, vm, revisions));
  for (const vm of outdated) await rewriteVm(pool, vm, ctx);
  const current = owned.filter((vm) => !outdated.includes(vm));
  const waiting = await updateVmis(pool, current, revisions, ctx);
  if (waiting || outdated.length > 0) ctx.requeueAfter(key("vmpool", pool.metadata.namespace!, pool.metadata.name), UPDATE_RETRY_MS);
  if (outdated.length > 0) return;
  const vmis = (await Promise.all(owned.map((vm) => getObject<Vmi>(RESOURCES.vmi, vm.metadata.namespace, vm.metadata.name)))).filter((v): v is Vmi => v !== undefined);
  for (const name of unusedRevisions(revisionNames, owned, vmis)) {
    if (name !== revisionName(pool)) await deleteObject(RESOURCES.controllerRevision, pool.metadata.namespace, name);
  }
}
