import type { VirtualMachineInstance } from "../../api";
import { recordEvent } from "../../kube/events";
import { createObject, deleteObject, getObject, listObjects, patchIfUnchanged, replaceStatus, type KubeObject } from "../../kube/objects";
import { RESOURCES } from "../../kube/resources";
import type { ObservedPod } from "../kube-types";
import { LABELS, VMI_FINALIZER } from "../labels";
import { judgePrerequisites } from "../launcher-pod/prerequisites";
import { renderLauncherPod } from "../launcher-pod/render";
import { findCondition, removeCondition, setCondition } from "../conditions";
import { readPodPrerequisites } from "./pod-prerequisites";
import { decideVmi, type VmiAction, type VmiStatusChange } from "../vmi/decide";
import { COMPONENT, key, type ReconcileContext } from "./context";

type Vmi = VirtualMachineInstance & KubeObject;

export const launcherPodsOf = (namespace: string, vmiUid: string): Promise<Array<ObservedPod & KubeObject>> =>
  listObjects<ObservedPod & KubeObject>(RESOURCES.pod, namespace, `${LABELS.createdBy}=${vmiUid}`);

/** The VMI's status after a change: the phase's timestamp recorded, the node label's value for later. */
function nextStatus(vmi: Vmi, change: VmiStatusChange, now: string): Record<string, unknown> {
  const status = { ...(vmi.status ?? {}) } as Record<string, unknown>;
  status.phase = change.phase;
  if (change.reason !== undefined) status.reason = change.reason;
  if (change.nodeName !== undefined) status.nodeName = change.nodeName;
  if (change.conditions !== undefined) status.conditions = change.conditions;
  const transitions = (status.phaseTransitionTimestamps as Array<{ phase: string }> | undefined) ?? [];
  if (vmi.status?.phase !== change.phase) status.phaseTransitionTimestamps = [...transitions, { phase: change.phase, phaseTransitionTimestamp: now }];
  return status;
}

const SYNCHRONIZED = "Synchronized";
/** How often a VMI whose pod cannot be made looks again: no watch tells of a NAD or claim appearing. */
const PREREQUISITE_RETRY_MS = 30_000;

/**
 * The pod cannot be made yet: KubeVirt's Synchronized=False/FailedCreate condition on the VMI (the VM
 * mirrors it), a Warning event when the message is new, and another look later.
 */
async function reportSyncFailure(vmi: Vmi, message: string, ctx: ReconcileContext): Promise<void> {
  ctx.requeueAfter(key("vmi", vmi.metadata.namespace!, vmi.metadata.name), PREREQUISITE_RETRY_MS);
  const current = findCondition(vmi.status?.conditions, SYNCHRONIZED);
  if (current?.status === "False" && current.message === message) return;
  const conditions = setCondition(vmi.status?.conditions, { type: SYNCHRONIZED, status: "False", reason: "FailedCreate", message }, new Date().toISOString());
  await replaceStatus(RESOURCES.vmi, vmi, { ...(vmi.status ?? {}), phase: vmi.status?.phase ?? "Pending", conditions });
  await recordEvent(COMPONENT, vmi, { type: "Warning", reason: "FailedCreate", message }, ctx.log);
}

/** The node agent watches the VMIs of its node by this label. */
async function labelNode(vmi: Vmi, nodeName: string): Promise<void> {
  if (vmi.metadata.labels?.[LABELS.nodeName] === nodeName) return;
  const path = `/metadata/labels${vmi.metadata.labels ? `/${LABELS.nodeName.replace("/", "~1")}` : ""}`;
  await patchIfUnchanged(RESOURCES.vmi, vmi, [{ op: "add", path, value: vmi.metadata.labels ? nodeName : { [LABELS.nodeName]: nodeName } }]);
}

async function apply(vmi: Vmi, action: VmiAction, ctx: ReconcileContext): Promise<void> {
  const { namespace, name } = vmi.metadata;
  switch (action.kind) {
    case "addFinalizer":
      await patchIfUnchanged(RESOURCES.vmi, vmi, [{ op: "add", path: vmi.metadata.finalizers ? "/metadata/finalizers/-" : "/metadata/finalizers", value: vmi.metadata.finalizers ? VMI_FINALIZER : [VMI_FINALIZER] }]);
      return;
    case "removeFinalizer":
      await patchIfUnchanged(RESOURCES.vmi, vmi, [{ op: "replace", path: "/metadata/finalizers", value: (vmi.metadata.finalizers ?? []).filter((f) => f !== VMI_FINALIZER) }]);
      return;
    case "createPod": {
      if (action.event) await recordEvent(COMPONENT, vmi, action.event, ctx.log);
      const verdict = judgePrerequisites(await readPodPrerequisites(vmi));
      if (!verdict.ok) return reportSyncFailure(vmi, verdict.message, ctx);
      const pod = await createObject<KubeObject>(RESOURCES.pod, namespace, renderLauncherPod(vmi, ctx.config(), verdict));
      await recordEvent(COMPONENT, vmi, { type: "Normal", reason: "SuccessfulCreate", message: `Created virtual machine pod ${pod.metadata.name}` }, ctx.log);
      const now = new Date().toISOString();
      const conditions = removeCondition(vmi.status?.conditions, SYNCHRONIZED);
      await replaceStatus(RESOURCES.vmi, vmi, nextStatus(vmi, { phase: "Scheduling", conditions }, now));
      return;
    }
    case "deletePods":
      for (const pod of action.pods) {
        await deleteObject(RESOURCES.pod, namespace, pod);
        await recordEvent(COMPONENT, vmi, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted virtual machine pod ${pod}` }, ctx.log);
      }
      return;
    case "setStatus": {
      const updated = await replaceStatus(RESOURCES.vmi, vmi, nextStatus(vmi, action.status, new Date().toISOString()));
      // If this second write fails, a later pass decides labelNode and redoes it.
      if (action.status.nodeName !== undefined) await labelNode(updated, action.status.nodeName);
      if (action.event) await recordEvent(COMPONENT, vmi, action.event, ctx.log);
      return;
    }
    case "labelNode":
      await labelNode(vmi, action.nodeName);
      return;
    case "requeue":
      ctx.requeueAfter(key("vmi", namespace!, name!), action.afterMs);
      return;
  }
}

/** One pass over a VMI: read it and its pods, decide, act. Errors propagate: the queue retries. */
export async function reconcileVmi(namespace: string, name: string, ctx: ReconcileContext): Promise<void> {
  const vmi = await getObject<Vmi>(RESOURCES.vmi, namespace, name);
  if (!vmi) return;
  const pods = await launcherPodsOf(namespace, vmi.metadata.uid!);
  for (const action of decideVmi(vmi, pods, new Date().toISOString())) {
    ctx.log(`vmi ${namespace}/${name}: ${action.kind}${action.kind === "setStatus" ? ` ${action.status.phase}` : ""}`);
    await apply(vmi, action, ctx);
  }
}
