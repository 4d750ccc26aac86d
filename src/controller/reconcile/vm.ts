import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import { recordEvent } from "../../kube/events";
import { createObject, deleteObject, getObject, replaceStatus, type KubeObject } from "../../kube/objects";
import { RESOURCES } from "../../kube/resources";
import { jsonEqual } from "../equal";
import { nextStartFailure } from "../vm/backoff";
import { decideVm } from "../vm/decide";
import { firstRequestDone } from "../vm/state-change";
import { vmStatus } from "../vm/status";
import { vmiFromVm } from "../vm/vmi-from-vm";
import { instancetypeConditions } from "../vm/instancetype-status";
import { vmiTemplate } from "../vm/vmi-template";
import { COMPONENT, key, type ReconcileContext } from "./context";
import { dataVolumesBlocked } from "./data-volumes";
import { syncInstancetypes, type InstancetypeSync } from "./instancetype";
import { launcherPodsOf } from "./vmi";

type Vm = VirtualMachine & KubeObject;
type Vmi = VirtualMachineInstance & KubeObject;

/** The status fields this controller owns; others (stateChangeRequests, ...) are kept as they are. */
const MANAGED_STATUS = ["created", "ready", "printableStatus", "runStrategy", "conditions", "observedGeneration", "desiredGeneration", "startFailure", "instancetypeRef", "preferenceRef"];

/** The VMI the VM runs now: its template with the resolved instancetype and preference applied. */
function vmiToCreate(vm: Vm, sync: InstancetypeSync | undefined): { vmi: Vmi } | { failed: InstancetypeSync } {
  if (!sync) return { vmi: vmiFromVm(vm) as Vmi };
  if (!sync.ok) return { failed: sync };
  const made = vmiTemplate(vm, sync.resolved);
  if ("conflicts" in made) return { failed: { ok: false, reason: "FailedCreateVirtualMachine", message: made.conflicts.map((c) => `${c.field}: ${c.message}`).join("; ") } };
  return { vmi: vmiFromVm(vm, made.template) as Vmi };
}

/** The VM's VMI: same name, and owned by this VM (a same-named VMI of someone else is not ours). */
async function vmiOf(vm: Vm): Promise<Vmi | undefined> {
  const vmi = await getObject<Vmi>(RESOURCES.vmi, vm.metadata.namespace, vm.metadata.name);
  return vmi?.metadata.ownerReferences?.some((o) => o.uid === vm.metadata.uid) ? vmi : undefined;
}

/** One pass over a VM: start or stop its VMI per run strategy, then write its status. */
export async function reconcileVm(namespace: string, name: string, ctx: ReconcileContext): Promise<void> {
  const vm = await getObject<Vm>(RESOURCES.vm, namespace, name);
  if (!vm) return;
  let vmi = await vmiOf(vm);
  const now = new Date();
  const action = decideVm(vm, vmi, now);
  let startFailure = (vm.status as { startFailure?: ReturnType<typeof nextStartFailure> } | undefined)?.startFailure;
  let requests = vm.status?.stateChangeRequests;
  const hasInstancetype = vm.spec.instancetype !== undefined || vm.spec.preference !== undefined;
  let sync = hasInstancetype && vm.metadata.deletionTimestamp === undefined ? await syncInstancetypes(vm) : undefined;
  const dvBlocked = action.kind === "createVmi" ? await dataVolumesBlocked(vm) : undefined;
  if (dvBlocked) sync = { ok: false, ...dvBlocked };
  switch (action.kind) {
    case "createVmi": {
      const next = vmiToCreate(vm, sync);
      if ("failed" in next) {
        sync = next.failed;
        break;
      }
      vmi = await createObject<Vmi>(RESOURCES.vmi, namespace, next.vmi);
      await recordEvent(COMPONENT, vm, { type: "Normal", reason: "SuccessfulCreate", message: `Started the virtual machine by creating the new virtual machine instance ${vmi.metadata.name}` }, ctx.log);
      break;
    }
    case "deleteVmi":
      if (action.failed) startFailure = nextStartFailure(startFailure, vmi!.metadata.uid!, now);
      if (action.queueStart) requests = [...(requests ?? []), { action: "Start" }];
      await deleteObject(RESOURCES.vmi, namespace, vmi!.metadata.name, vmi!.metadata.uid);
      await recordEvent(COMPONENT, vm, { type: "Normal", reason: "SuccessfulDelete", message: `Stopped the virtual machine by deleting the virtual machine instance ${vmi!.metadata.uid}` }, ctx.log);
      vmi = await vmiOf(vm);
      break;
    case "waitToStart":
      ctx.requeueAfter(key("vm", namespace, name), action.ms + 100);
      break;
    case "none":
      break;
  }
  const pods = vmi ? await launcherPodsOf(namespace, vmi.metadata.uid!) : [];
  const status = vmStatus({ ...vm, status: { ...(vm.status ?? {}), startFailure } as VirtualMachine["status"] }, vmi, pods, now);
  if (startFailure && !status.startFailure && vmi?.status?.phase !== "Running") status.startFailure = startFailure;
  status.conditions = instancetypeConditions(status.conditions, sync, now.toISOString());
  const refs = sync?.ok ? { instancetypeRef: sync.instancetypeRef, preferenceRef: sync.preferenceRef } : { instancetypeRef: vm.status?.instancetypeRef, preferenceRef: vm.status?.preferenceRef };
  Object.assign(status, JSON.parse(JSON.stringify(refs)));
  // The first queued start/stop request leaves once done; the next is acted on in the next pass.
  if (requests && firstRequestDone({ ...vm, status: { ...vm.status, stateChangeRequests: requests } }, vmi)) requests = requests.slice(1);
  const current = (vm.status ?? {}) as Record<string, unknown>;
  const managed = Object.fromEntries(MANAGED_STATUS.map((k) => [k, current[k]]));
  const requestsChanged = !jsonEqual(requests ?? null, vm.status?.stateChangeRequests ?? null);
  if (jsonEqual(status, managed) && !requestsChanged) return;
  const others = Object.fromEntries(Object.entries(current).filter(([k]) => !MANAGED_STATUS.includes(k) && k !== "stateChangeRequests"));
  const queued = requests && requests.length > 0 ? { stateChangeRequests: requests } : {};
  await replaceStatus(RESOURCES.vm, vm, { ...others, ...queued, ...status });
}
