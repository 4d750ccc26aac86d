import type { VirtualMachineInstance, VirtualMachineInstanceReplicaSet } from "../../api";
import { recordEvent } from "../../kube/events";
import { createObject, deleteObject, getObject, listObjects, replaceStatus, type KubeObject } from "../../kube/objects";
import { RESOURCES } from "../../kube/resources";
import { jsonEqual } from "../equal";
import { planReplicaSet } from "../replicaset/decide";
import { vmiFromTemplate } from "../vmi-from-template";
import { matchesSelector } from "../replicaset/selector";
import { COMPONENT, type ReconcileContext } from "./context";

type Rs = VirtualMachineInstanceReplicaSet & KubeObject;
type Vmi = VirtualMachineInstance & KubeObject;

/** A replica of the set: the template, a name the API server completes, owned by the set. */
const replicaOf = (rs: Rs): VirtualMachineInstance =>
  vmiFromTemplate(rs.spec.template, { kind: "VirtualMachineInstanceReplicaSet", name: rs.metadata.name, uid: rs.metadata.uid!, namespace: rs.metadata.namespace! }, { generateName: rs.metadata.name });

export async function reconcileReplicaSet(namespace: string, name: string, ctx: ReconcileContext): Promise<void> {
  const rs = await getObject<Rs>(RESOURCES.vmirs, namespace, name);
  if (!rs || rs.metadata.deletionTimestamp !== undefined) return;
  const vmis = await listObjects<Vmi>(RESOURCES.vmi, namespace);
  const owned = vmis.filter((v) => v.metadata.ownerReferences?.some((o) => o.uid === rs.metadata.uid) && matchesSelector(rs.spec.selector, v.metadata.labels));
  const plan = planReplicaSet(rs, owned);
  for (let i = 0; i < plan.create; i++) {
    const made = await createObject<Vmi>(RESOURCES.vmi, namespace, replicaOf(rs));
    await recordEvent(COMPONENT, rs, { type: "Normal", reason: "SuccessfulCreate", message: `Created virtual machine instance: ${made.metadata.name}` }, ctx.log);
  }
  for (const vmiName of plan.delete) {
    await deleteObject(RESOURCES.vmi, namespace, vmiName);
    await recordEvent(COMPONENT, rs, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted virtual machine instance: ${vmiName}` }, ctx.log);
  }
  // What was observed before acting; the events of the VMIs just created or deleted bring the next count.
  const status = { ...(rs.status ?? {}), ...plan.status };
  if (!jsonEqual(status, rs.status ?? {})) await replaceStatus(RESOURCES.vmirs, rs, status);
}
