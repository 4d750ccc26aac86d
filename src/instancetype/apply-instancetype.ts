import type { Cause } from "../api/cause";
import { parseQuantity } from "../api/schema/quantity";
import { childPath, conflictAt } from "./conflict";
import { guestTopology } from "./topology";
import type { InstancetypeSpec, PreferenceSpec, TemplateMeta, VmiSpec } from "./types";

type Domain = VmiSpec["domain"];

/** CPU: the template may set none of what the instancetype provides; then the vCPUs become a topology. */
function applyCpu(base: string, it: InstancetypeSpec, pref: PreferenceSpec | undefined, domain: Domain): Cause[] {
  const cpu = (domain.cpu ??= {});
  const at = (...names: string[]): Cause => conflictAt(childPath(base, "domain", ...names));
  const conflicts: Cause[] = [];
  if (domain.resources?.requests?.cpu !== undefined) conflicts.push(at("resources", "requests", "cpu"));
  if (domain.resources?.limits?.cpu !== undefined) conflicts.push(at("resources", "limits", "cpu"));
  for (const f of ["sockets", "cores", "threads"] as const) if (cpu[f]) conflicts.push(at("cpu", f));
  if (cpu.model && it.cpu.model !== undefined) conflicts.push(at("cpu", "model"));
  if (cpu.dedicatedCpuPlacement && it.cpu.dedicatedCPUPlacement !== undefined) conflicts.push(at("cpu", "dedicatedCPUPlacement"));
  if (cpu.isolateEmulatorThread && it.cpu.isolateEmulatorThread !== undefined) conflicts.push(at("cpu", "isolateEmulatorThread"));
  if (cpu.numa && it.cpu.numa) conflicts.push(at("cpu", "numa"));
  if (cpu.realtime && it.cpu.realtime) conflicts.push(at("cpu", "realtime"));
  if (conflicts.length > 0) return conflicts;
  if (!cpu.model && it.cpu.model !== undefined) cpu.model = it.cpu.model;
  if (it.cpu.dedicatedCPUPlacement !== undefined) cpu.dedicatedCpuPlacement = it.cpu.dedicatedCPUPlacement;
  if (it.cpu.isolateEmulatorThread !== undefined) cpu.isolateEmulatorThread = it.cpu.isolateEmulatorThread;
  if (!cpu.numa && it.cpu.numa) cpu.numa = structuredClone(it.cpu.numa);
  if (!cpu.realtime && it.cpu.realtime) cpu.realtime = structuredClone(it.cpu.realtime);
  if (it.cpu.maxSockets !== undefined) cpu.maxSockets = it.cpu.maxSockets;
  Object.assign(cpu, guestTopology(it.cpu.guest, pref));
  return [];
}

/** A byte count as Kubernetes prints a binary quantity: the largest exact binary suffix, else bytes. */
export function formatBinary(bytes: number): string {
  for (const [suffix, size] of [["Gi", 2 ** 30], ["Mi", 2 ** 20], ["Ki", 2 ** 10]] as const) {
    if (bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}

/** Memory: the guest gets the instancetype's; overcommit lowers the pod's request by that percentage. */
function applyMemory(base: string, it: InstancetypeSpec, domain: Domain): Cause[] {
  if (domain.memory) return [conflictAt(childPath(base, "domain", "memory"))];
  if (domain.resources?.requests?.memory !== undefined) return [conflictAt(childPath(base, "domain", "resources", "requests", "memory"))];
  if (domain.resources?.limits?.memory !== undefined) return [conflictAt(childPath(base, "domain", "resources", "limits", "memory"))];
  domain.memory = { guest: it.memory.guest };
  const overcommit = it.memory.overcommitPercent ?? 0;
  if (overcommit > 0) {
    const guest = parseQuantity(it.memory.guest) ?? 0;
    const resources = (domain.resources ??= {});
    resources.requests = { ...(resources.requests ?? {}), memory: formatBinary(Math.floor(guest * (1 - overcommit / 100))) };
  }
  if (it.memory.hugepages) domain.memory.hugepages = structuredClone(it.memory.hugepages);
  if (it.memory.maxGuest !== undefined) domain.memory.maxGuest = it.memory.maxGuest;
  return [];
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** A field the instancetype sets whole: taken when the template leaves it empty, a conflict at `path` otherwise. */
function take(given: unknown, current: unknown, path: string, set: () => void): Cause[] {
  if (isEmpty(given)) return [];
  if (!isEmpty(current)) return [conflictAt(path)];
  set();
  return [];
}

function applyPlacement(base: string, it: InstancetypeSpec, spec: VmiSpec): Cause[] {
  return [
    ...take(it.nodeSelector, spec.nodeSelector, childPath(base, "nodeSelector"), () => (spec.nodeSelector = { ...it.nodeSelector })),
    ...take(it.schedulerName, spec.schedulerName, childPath(base, "schedulerName"), () => (spec.schedulerName = it.schedulerName)),
  ];
}

function applyDevices(base: string, it: InstancetypeSpec, domain: Domain): Cause[] {
  const devices = (domain.devices ??= {});
  const at = (...names: string[]): string => childPath(base, "domain", ...names);
  return [
    ...take(it.ioThreadsPolicy, domain.ioThreadsPolicy, at("ioThreadsPolicy"), () => (domain.ioThreadsPolicy = it.ioThreadsPolicy)),
    ...take(it.launchSecurity, domain.launchSecurity, at("launchSecurity"), () => (domain.launchSecurity = structuredClone(it.launchSecurity))),
    ...take(it.gpus, devices.gpus, at("devices", "gpus"), () => (devices.gpus = structuredClone(it.gpus))),
    ...take(it.hostDevices, devices.hostDevices, at("devices", "hostDevices"), () => (devices.hostDevices = structuredClone(it.hostDevices))),
  ];
}

/** The instancetype's annotations join the template's; a different value already there is a conflict. */
function applyAnnotations(annotations: Record<string, string> | undefined, meta: TemplateMeta): Cause[] {
  const conflicts: Cause[] = [];
  for (const [k, v] of Object.entries(annotations ?? {})) {
    const current = meta.annotations?.[k];
    if (current === undefined) meta.annotations = { ...(meta.annotations ?? {}), [k]: v };
    else if (current !== v) conflicts.push(conflictAt(`annotations.${k}`));
  }
  return conflicts;
}

/**
 * Applies an instancetype to a VMI spec in place (KubeVirt's order: node selector, scheduler, CPU,
 * memory, I/O threads, launch security, GPUs, host devices, annotations). Returns the conflicts:
 * fields under `base` (the spec's path in the VM) the template sets and the instancetype provides.
 */
export function applyInstancetype(base: string, it: InstancetypeSpec, pref: PreferenceSpec | undefined, spec: VmiSpec, meta: TemplateMeta): Cause[] {
  return [
    ...applyPlacement(base, it, spec),
    ...applyCpu(base, it, pref, spec.domain),
    ...applyMemory(base, it, spec.domain),
    ...applyDevices(base, it, spec.domain),
    ...applyAnnotations(it.annotations, meta),
  ];
}
