import type { VirtualMachine } from "../../api";
import { KubeError } from "../../kube/client";
import { createObject, getObject, type KubeObject } from "../../kube/objects";
import { RESOURCES } from "../../kube/resources";
import { applyToTemplate, type Resolved } from "../../instancetype/apply";
import { matcherResource, notFoundMessage, type Matcher, type MatcherKind } from "../../instancetype/matcher";
import { controllerRevisionFor, specFromRevision, syncStatusRef, type StatusRef, type StoredObject } from "../../instancetype/revision";
import type { InstancetypeSpec } from "../../instancetype/types";

type Vm = VirtualMachine & KubeObject;

export type SyncFailureReason = "FailedFindInstancetype" | "FailedFindPreference" | "FailedCreateVirtualMachine" | "FailedCreateDataVolume";
export type InstancetypeSync =
  | { ok: true; resolved: Resolved; instancetypeRef?: StatusRef; preferenceRef?: StatusRef }
  | { ok: false; reason: SyncFailureReason; message: string };

class SyncFailure extends Error {
  constructor(readonly reason: SyncFailureReason, message: string) {
    super(message);
  }
}

const FIND_REASON: Record<MatcherKind, SyncFailureReason> = { instancetype: "FailedFindInstancetype", preference: "FailedFindPreference" };

/** The revision the status names, as a spec; a missing revision is a find failure, as in KubeVirt. */
async function fromRevision<T>(vm: Vm, m: MatcherKind, matcher: Matcher, revision: string): Promise<T | undefined> {
  const cr = await getObject<KubeObject>(RESOURCES.controllerRevision, vm.metadata.namespace, revision);
  if (!cr) throw new SyncFailure(FIND_REASON[m], `controllerrevisions.apps "${revision}" not found`);
  return specFromRevision<T>(cr as { data?: unknown }, matcher.name);
}

/** Freezes the live object in a ControllerRevision owned by the VM; an existing one of that name is the same freeze. */
async function freeze(vm: Vm, m: MatcherKind, matcher: Matcher): Promise<{ spec: unknown; revision: string }> {
  const r = matcherResource(m, matcher.kind);
  if (!r) throw new SyncFailure(FIND_REASON[m], `got unexpected kind in ${m === "instancetype" ? "InstancetypeMatcher" : "PreferenceMatcher"}: ${matcher.kind}`);
  const obj = await getObject<StoredObject & KubeObject>(r, r.namespaced ? vm.metadata.namespace : undefined, matcher.name ?? "");
  if (!obj) throw new SyncFailure(FIND_REASON[m], notFoundMessage(r, matcher.name ?? ""));
  if (m === "instancetype") {
    const applied = applyToTemplate({ instancetype: obj.spec as InstancetypeSpec }, vm.spec.template as never);
    if (applied.conflicts.length > 0) throw new SyncFailure("FailedCreateVirtualMachine", `VM field(s) ${applied.conflicts.map((c) => c.field).join(", ")} conflicts with selected instance type`);
  }
  const body = controllerRevisionFor(vm, obj);
  const name = (body.metadata as { name: string }).name;
  try {
    await createObject(RESOURCES.controllerRevision, vm.metadata.namespace, body);
  } catch (err) {
    if (!(err instanceof KubeError && err.conflict)) throw err;
  }
  return { spec: obj.spec, revision: name };
}

async function syncOne(vm: Vm, m: MatcherKind, matcher: Matcher | undefined, current: StatusRef | undefined): Promise<{ spec?: unknown; ref?: StatusRef }> {
  if (!matcher) return {};
  const { ref, needsRevision } = syncStatusRef(matcher, current);
  if (!needsRevision) {
    const spec = await fromRevision(vm, m, matcher, ref.controllerRevisionRef!.name!);
    if (spec !== undefined) return { spec, ref };
    delete ref.controllerRevisionRef; // a revision of another object: freeze the named one
  }
  const frozen = await freeze(vm, m, matcher);
  return { spec: frozen.spec, ref: { ...ref, controllerRevisionRef: { name: frozen.revision } } };
}

/**
 * Resolves a VM's instancetype and preference the way KubeVirt v1.6's controller does: the
 * ControllerRevision recorded in status.instancetypeRef / status.preferenceRef when there is one
 * (so a later edit of the object does not reach the VM), else the live object, frozen now in a
 * new revision. A failure carries the reason KubeVirt's Failure condition shows.
 */
export async function syncInstancetypes(vm: Vm): Promise<InstancetypeSync> {
  const spec = vm.spec as { instancetype?: Matcher; preference?: Matcher };
  try {
    const it = await syncOne(vm, "instancetype", spec.instancetype, vm.status?.instancetypeRef as StatusRef | undefined);
    const pref = await syncOne(vm, "preference", spec.preference, vm.status?.preferenceRef as StatusRef | undefined);
    return {
      ok: true,
      resolved: { instancetype: it.spec as Resolved["instancetype"], preference: pref.spec as Resolved["preference"] },
      ...(it.ref ? { instancetypeRef: it.ref } : {}),
      ...(pref.ref ? { preferenceRef: pref.ref } : {}),
    };
  } catch (err) {
    if (err instanceof SyncFailure) return { ok: false, reason: err.reason, message: err.message };
    throw err;
  }
}
