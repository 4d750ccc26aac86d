import { isPlainObject } from "../schema";
import { API_VERSION, GROUP, LEGACY_VERSION } from "../kinds";

type Json = Record<string, unknown>;

/** The VM spec fields of v1; every other field at the top of a legacy spec belongs to the VMI. */
const VM_SPEC_FIELDS = new Set(["running", "runStrategy", "template"]);

export interface RequestKind {
  group?: string;
  version?: string;
  kind?: string;
}

/**
 * Whether a VirtualMachine arrived in the v1alpha1 shape. With conversion `None` the API server
 * relabels a v1alpha1 object as v1 before the webhook sees it, so the apiVersion proves nothing:
 * the request's kind says which version the user sent, and the shape (a domain at the top of
 * the spec) tells it when there is no request.
 */
export function isLegacyVirtualMachine(object: unknown, requestKind?: RequestKind): boolean {
  if (!isPlainObject(object) || object.kind !== "VirtualMachine") return false;
  if (requestKind?.group === GROUP && requestKind.version === LEGACY_VERSION) return true;
  if (object.apiVersion === `${GROUP}/${LEGACY_VERSION}`) return true;
  const spec = object.spec;
  return isPlainObject(spec) && ("domain" in spec || "volumes" in spec);
}

/**
 * Rewrites a v1alpha1 VirtualMachine into today's shape: a v1 VirtualMachine (runStrategy Always
 * unless it says otherwise) whose template holds the old top-level VMI spec; disks take the name
 * of the volume they point at; registryDisk volumes become containerDisks. Pure: returns a copy.
 */
export function convertLegacyVirtualMachine(legacy: Json): Json {
  const spec = isPlainObject(legacy.spec) ? legacy.spec : {};
  const vmSpec: Json = {};
  const vmiSpec: Json = {};
  for (const [key, value] of Object.entries(spec)) (VM_SPEC_FIELDS.has(key) ? vmSpec : vmiSpec)[key] = value;

  const template = isPlainObject(vmSpec.template) ? structuredClone(vmSpec.template) : {};
  if (Object.keys(vmiSpec).length > 0) {
    const templateSpec = isPlainObject(template.spec) ? template.spec : {};
    template.spec = { ...templateSpec, ...convertVmiSpec(structuredClone(vmiSpec)) };
  }
  if (vmSpec.running === undefined && vmSpec.runStrategy === undefined) vmSpec.runStrategy = "Always";
  return { ...structuredClone(legacy), apiVersion: API_VERSION, spec: { ...vmSpec, template } };
}

function convertVmiSpec(spec: Json): Json {
  const devices = isPlainObject(spec.domain) && isPlainObject(spec.domain.devices) ? spec.domain.devices : undefined;
  if (devices && Array.isArray(devices.disks)) devices.disks = devices.disks.map(renameDiskToVolume);
  if (Array.isArray(spec.volumes)) spec.volumes = spec.volumes.map(convertRegistryDisk);
  return spec;
}

function renameDiskToVolume(disk: unknown): unknown {
  if (!isPlainObject(disk) || typeof disk.volumeName !== "string") return disk;
  const { volumeName, ...rest } = disk;
  return { ...rest, name: volumeName };
}

function convertRegistryDisk(volume: unknown): unknown {
  if (!isPlainObject(volume) || !isPlainObject(volume.registryDisk)) return volume;
  const { registryDisk, ...rest } = volume;
  return { ...rest, containerDisk: registryDisk };
}
