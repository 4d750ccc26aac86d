import { KindName, VirtualMachineInstanceSpec } from "../api";
import { isPlainObject } from "../api/schema";
import { DefaultsContext, defaultVmiSpec } from "./defaults";
import { defaultFirmwareUuid } from "./defaults/lifecycle";
import { defaultMatcherKind } from "../instancetype/matcher";

type Json = Record<string, unknown>;

/** The VMI spec inside an object of each kind, and whether that kind pins a firmware UUID. */
interface KindDefaults {
  readonly specOf: (object: Json) => VirtualMachineInstanceSpec | undefined;
  readonly withSpec: (object: Json, spec: VirtualMachineInstanceSpec) => Json;
  /** VMIRS templates get none: each replica needs its own UUID, given when its VMI is created. */
  readonly assignFirmwareUuid: boolean;
}

const templateSpec = (object: Json): VirtualMachineInstanceSpec | undefined => {
  const spec = object.spec;
  if (!isPlainObject(spec) || !isPlainObject(spec.template) || !isPlainObject(spec.template.spec)) return undefined;
  return spec.template.spec as unknown as VirtualMachineInstanceSpec;
};

const withTemplateSpec = (object: Json, vmiSpec: VirtualMachineInstanceSpec): Json => {
  const spec = object.spec as Json;
  return { ...object, spec: { ...spec, template: { ...(spec.template as Json), spec: vmiSpec } } };
};

export const KIND_DEFAULTS: Record<KindName, KindDefaults> = {
  VirtualMachineInstance: {
    specOf: o => (isPlainObject(o.spec) ? (o.spec as unknown as VirtualMachineInstanceSpec) : undefined),
    withSpec: (o, spec) => ({ ...o, spec }),
    assignFirmwareUuid: true,
  },
  VirtualMachine: { specOf: templateSpec, withSpec: withTemplateSpec, assignFirmwareUuid: true },
  VirtualMachineInstanceReplicaSet: { specOf: templateSpec, withSpec: withTemplateSpec, assignFirmwareUuid: false },
};

/** Applies the VMI defaults wherever the kind keeps its VMI spec; VMIRS replicas default to 1. */
export function defaultObject(kind: KindName, object: Json, ctx: Omit<DefaultsContext, "assignFirmwareUuid">): Json {
  const kindDefaults = KIND_DEFAULTS[kind];
  const spec = kindDefaults.specOf(object);
  if (!spec) return object;
  if (kind === "VirtualMachine" && usesInstancetype(object)) return defaultInstancetypeVm(object, spec, ctx);
  const defaulted = kindDefaults.withSpec(object, defaultVmiSpec(spec, { ...ctx, assignFirmwareUuid: kindDefaults.assignFirmwareUuid }));
  if (kind === "VirtualMachineInstanceReplicaSet") {
    const rsSpec = defaulted.spec as Json;
    if (rsSpec.replicas === undefined) defaulted.spec = { ...rsSpec, replicas: 1 };
  }
  return defaulted;
}

/**
 * On update a VM keeps the firmware UUID it was given at creation, even when the new manifest
 * does not carry it (a re-applied manifest would otherwise give the guest a new identity).
 */
export function keepFirmwareUuid(kind: KindName, object: Json, oldObject: unknown): Json {
  if (kind !== "VirtualMachine" || !isPlainObject(oldObject)) return object;
  const oldUuid = templateSpec(oldObject)?.domain?.firmware?.uuid;
  const spec = templateSpec(object);
  if (!oldUuid || !spec?.domain || spec.domain.firmware?.uuid) return object;
  return withTemplateSpec(object, { ...spec, domain: { ...spec.domain, firmware: { ...spec.domain.firmware, uuid: oldUuid } } });
}

const usesInstancetype = (vm: Json): boolean => isPlainObject(vm.spec) && (vm.spec.instancetype !== undefined || vm.spec.preference !== undefined);

/**
 * A VM with an instancetype or preference keeps its template as written (the VMI made from it is
 * defaulted after the instancetype and preference are applied, as in KubeVirt, so a default here
 * would conflict with the instancetype or hide a preferred value); its matchers get their kinds.
 */
function defaultInstancetypeVm(vm: Json, spec: VirtualMachineInstanceSpec, ctx: Omit<DefaultsContext, "assignFirmwareUuid">): Json {
  const draft = structuredClone(spec);
  draft.domain ??= { devices: {} };
  defaultFirmwareUuid(draft, { ...ctx, assignFirmwareUuid: true });
  const vmSpec = { ...(vm.spec as Json) };
  for (const m of ["instancetype", "preference"] as const) {
    const matcher = vmSpec[m];
    // A matcher still inferring from a volume failed to: it keeps no kind, so the denial is KubeVirt's.
    if (isPlainObject(matcher) && !matcher.kind && !matcher.inferFromVolume) vmSpec[m] = { ...matcher, kind: defaultMatcherKind(m) };
  }
  return KIND_DEFAULTS.VirtualMachine.withSpec({ ...vm, spec: vmSpec }, draft);
}
