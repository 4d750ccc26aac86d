import { randomUUID } from "node:crypto";
import { Cause, isKindName, KINDS, KindName } from "../api";
import { isPlainObject, validateStructure } from "../api/schema";
import { convertLegacyVirtualMachine, isLegacyVirtualMachine, LegacyVirtualMachine, RequestKind } from "../api/v1alpha1";
import { otherGroupKindOf } from "../api/crd/other-group-kind-of";
import { defaultObject, keepFirmwareUuid } from "./kinds";
import { vmiSpecUnchanged } from "./validation/vmi-update";
import { reservedVmiLabelsOnCreate, reservedVmiLabelsUnchanged } from "./validation/reserved-labels";
import { validateReplicaSet, validateVirtualMachine, validateVirtualMachineInstance, ValidationContext } from "./validation";

type Json = Record<string, unknown>;

export interface AdmissionInput {
  readonly object: unknown;
  readonly operation: "CREATE" | "UPDATE";
  /** The kind and version the user sent (AdmissionRequest.requestKind). */
  readonly requestKind?: RequestKind;
  readonly oldObject?: unknown;
}

export interface AdmissionPolicy extends ValidationContext {
  readonly newUuid: () => string;
}

export const DEFAULT_POLICY: AdmissionPolicy = { featureGates: new Set(), newUuid: randomUUID };

export type AdmissionResult = { allowed: true; object: Json } | { allowed: false; causes: Cause[] };

/**
 * The mutating half: the seed's v1alpha1 shape becomes v1, then KubeVirt's defaults apply. An
 * object that fails the structural check is returned converted but not defaulted; the validating
 * half then denies it with field paths.
 */
export function mutate(input: AdmissionInput, policy: AdmissionPolicy = DEFAULT_POLICY): Json | undefined {
  if (!isPlainObject(input.object) || !isKindName(input.object.kind)) return undefined;
  const kind = input.object.kind;
  let object = input.object;
  if (isLegacyVirtualMachine(object, input.requestKind)) {
    if (validateStructure(LegacyVirtualMachine, object).length > 0) return object;
    object = convertLegacyVirtualMachine(object);
  }
  if (validateStructure(KINDS[kind].type, object).length > 0) return object;
  if (input.operation === "UPDATE") object = keepFirmwareUuid(kind, object, input.oldObject);
  return defaultObject(kind, object, policy);
}

const RULES: Record<KindName, (object: never, ctx: ValidationContext) => Cause[]> = {
  VirtualMachineInstance: validateVirtualMachineInstance,
  VirtualMachine: validateVirtualMachine,
  VirtualMachineInstanceReplicaSet: validateReplicaSet,
};

/**
 * The validating half: the schema of the API classes, then KubeVirt's admission rules. It runs
 * after the mutating half, so a legacy shape here means the conversion did not happen; the
 * request's kind still names v1alpha1 after a successful conversion, so only the shape counts.
 */
export function validate(object: unknown, policy: ValidationContext = DEFAULT_POLICY): Cause[] {
  if (!isPlainObject(object)) return [{ field: "<root>", message: "must be a Kubernetes object (a YAML or JSON map)" }];
  // Instancetypes, preferences and pools: their schema is their whole validation here.
  const other = otherGroupKindOf(object);
  if (other) return validateStructure(other.type, object);
  if (!isKindName(object.kind)) {
    return [{ field: "kind", message: `must be one of ${Object.keys(KINDS).join(", ")}; got ${JSON.stringify(object.kind)}` }];
  }
  const legacy = isLegacyVirtualMachine(object);
  const structure = validateStructure(legacy ? LegacyVirtualMachine : KINDS[object.kind].type, object);
  if (structure.length > 0 || legacy) return structure.length ? structure : [legacyNotConverted()];
  return RULES[object.kind](object as never, policy);
}

function legacyNotConverted(): Cause {
  return { field: "apiVersion", message: "a kubevirt.io/v1alpha1 VirtualMachine must be converted to v1 by the mutating webhook first; is the module's mutating webhook registered?" };
}

/**
 * Rules that compare an update with the stored object: a VMI's spec is immutable except to the
 * platform's own service accounts (`username` is the request's userInfo.username).
 */
export function validateUpdate(object: unknown, oldObject: unknown, username: string | undefined, policy: AdmissionPolicy = DEFAULT_POLICY): Cause[] {
  if (!isPlainObject(object) || object.kind !== "VirtualMachineInstance") return [];
  // The stored object is defaulted the way the update was, so a default added by a newer module
  // (on the update, not on the stored object) does not count as the user's change.
  const before = mutate({ object: oldObject, operation: "UPDATE", oldObject }, policy) ?? oldObject;
  return [...vmiSpecUnchanged(before, object, username), ...reservedVmiLabelsUnchanged(oldObject, object, username)];
}

/** Rules that depend on who creates the object: a VMI's reserved labels are the platform's to set. */
export function validateCreate(object: unknown, username: string | undefined): Cause[] {
  return reservedVmiLabelsOnCreate(object, username);
}

/** Both halves, as the API server runs them: what `kubectl-virt validate` runs offline. */
export function admit(input: AdmissionInput, policy: AdmissionPolicy = DEFAULT_POLICY): AdmissionResult {
  const mutated = mutate(input, policy) ?? input.object;
  const causes = validate(mutated, policy);
  return causes.length ? { allowed: false, causes } : { allowed: true, object: mutated as Json };
}
