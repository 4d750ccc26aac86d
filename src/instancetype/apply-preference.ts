import { applyDevicePreferences } from "./apply-preference-devices";
import type { PreferenceSpec, TemplateMeta, VmiSpec } from "./types";

type Domain = VmiSpec["domain"];
type Json = Record<string, unknown>;

/** Preferred CPU flags join the template's; a flag the template names already stays as it is. */
function applyCpu(pref: PreferenceSpec, domain: Domain): void {
  const wanted = pref.cpu?.preferredCPUFeatures ?? [];
  if (wanted.length === 0) return;
  const cpu = (domain.cpu ??= {});
  const named = new Set((cpu.features ?? []).map((f) => f.name));
  cpu.features = [...(cpu.features ?? []), ...wanted.filter((f) => !named.has(f.name))];
}

/** Each preferred Hyper-V enlightenment fills its own unset field. */
function applyHyperv(preferred: Json, features: Json): void {
  const hyperv = ((features.hyperv as Json | undefined) ??= {});
  for (const [k, v] of Object.entries(preferred)) if (hyperv[k] === undefined) hyperv[k] = structuredClone(v);
}

/** ACPI is taken as preferred even when set (as KubeVirt); the others only when unset. */
function applyFeatures(pref: PreferenceSpec, domain: Domain): void {
  const p = pref.features;
  if (!p) return;
  const features = (domain.features ??= {}) as Json;
  if (p.preferredAcpi) features.acpi = structuredClone(p.preferredAcpi);
  const fill: Array<[string, unknown]> = [["apic", p.preferredApic], ["kvm", p.preferredKvm], ["pvspinlock", p.preferredPvspinlock], ["smm", p.preferredSmm]];
  for (const [k, v] of fill) if (v !== undefined && features[k] === undefined) features[k] = structuredClone(v);
  if (p.preferredHyperv) applyHyperv(p.preferredHyperv as Json, features);
}

/** BIOS or EFI when the template picks neither; the deprecated useEfi/useSecureBoot still work. */
function applyFirmware(pref: PreferenceSpec, domain: Domain): void {
  const p = pref.firmware;
  if (!p) return;
  const firmware = (domain.firmware ??= {});
  const boot = (firmware.bootloader ??= {});
  if (p.preferredUseBios && !boot.bios && !boot.efi) boot.bios = {};
  if (p.preferredUseBiosSerial !== undefined && boot.bios && boot.bios.useSerial === undefined) boot.bios.useSerial = p.preferredUseBiosSerial;
  if (!boot.efi && !boot.bios && p.preferredEfi) {
    boot.efi = structuredClone(p.preferredEfi);
    return;
  }
  if (p.preferredUseEfi && !boot.efi && !boot.bios) boot.efi = {};
  if (p.preferredUseSecureBoot !== undefined && boot.efi && boot.efi.secureBoot === undefined) boot.efi.secureBoot = p.preferredUseSecureBoot;
}

function applyClock(pref: PreferenceSpec, domain: Domain): void {
  const p = pref.clock;
  if (!p) return;
  const clock = (domain.clock ??= {});
  if (p.preferredClockOffset && clock.utc === undefined && clock.timezone === undefined) Object.assign(clock, structuredClone(p.preferredClockOffset));
  if (p.preferredTimer && clock.timer === undefined) clock.timer = structuredClone(p.preferredTimer);
}

function applyMachine(pref: PreferenceSpec, domain: Domain): void {
  const type = pref.machine?.preferredMachineType;
  if (!type) return;
  const machine = (domain.machine ??= {});
  machine.type ||= type;
}

/**
 * Applies a preference to a VMI spec in place: every preferred value fills only what the template
 * left unset (KubeVirt's order: CPU flags, devices, features, firmware, machine, clock, subdomain,
 * grace period, annotations). A preference never conflicts.
 */
export function applyPreference(pref: PreferenceSpec, spec: VmiSpec, meta: TemplateMeta): void {
  applyCpu(pref, spec.domain);
  applyDevicePreferences(pref, spec);
  applyFeatures(pref, spec.domain);
  applyFirmware(pref, spec.domain);
  applyMachine(pref, spec.domain);
  applyClock(pref, spec.domain);
  if (!spec.subdomain && pref.preferredSubdomain) spec.subdomain = pref.preferredSubdomain;
  if (spec.terminationGracePeriodSeconds === undefined && pref.preferredTerminationGracePeriodSeconds !== undefined) {
    spec.terminationGracePeriodSeconds = pref.preferredTerminationGracePeriodSeconds;
  }
  for (const [k, v] of Object.entries(pref.annotations ?? {})) {
    if (meta.annotations?.[k] === undefined) meta.annotations = { ...(meta.annotations ?? {}), [k]: v };
  }
}
