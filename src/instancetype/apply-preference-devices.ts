import type { PreferenceSpec, VmiSpec } from "./types";

type Devices = NonNullable<VmiSpec["domain"]["devices"]>;
type Prefs = NonNullable<PreferenceSpec["devices"]>;
type Json = Record<string, unknown>;

/** Preferred device switches and the VMI field each fills when unset. */
const SWITCHES: Array<[keyof Prefs, string]> = [
  ["preferredAutoattachGraphicsDevice", "autoattachGraphicsDevice"],
  ["preferredAutoattachMemBalloon", "autoattachMemBalloon"],
  ["preferredAutoattachPodInterface", "autoattachPodInterface"],
  ["preferredAutoattachSerialConsole", "autoattachSerialConsole"],
  ["preferredUseVirtioTransitional", "useVirtioTransitional"],
  ["preferredBlockMultiQueue", "blockMultiQueue"],
  ["preferredNetworkInterfaceMultiQueue", "networkInterfaceMultiqueue"],
  ["preferredAutoattachInputDevice", "autoattachInputDevice"],
];

function applyDisks(p: Prefs, devices: Devices): void {
  for (const disk of devices.disks ?? []) {
    if (!disk.disk && !disk.cdrom && !disk.lun) disk.disk = {};
    if (disk.disk) {
      if (p.preferredDiskBus && !disk.disk.bus) disk.disk.bus = p.preferredDiskBus;
      if (p.preferredDiskBlockSize && !disk.blockSize) disk.blockSize = structuredClone(p.preferredDiskBlockSize);
      if (p.preferredDiskCache && !disk.cache) disk.cache = p.preferredDiskCache;
      if (p.preferredDiskIO && !disk.io) disk.io = p.preferredDiskIO;
      if (p.preferredDiskDedicatedIoThread !== undefined && disk.dedicatedIOThread === undefined && disk.disk.bus === "virtio") {
        disk.dedicatedIOThread = p.preferredDiskDedicatedIoThread;
      }
    } else if (disk.cdrom) {
      if (p.preferredCdromBus && !disk.cdrom.bus) disk.cdrom.bus = p.preferredCdromBus;
    } else if (disk.lun && p.preferredLunBus && !disk.lun.bus) {
      disk.lun.bus = p.preferredLunBus;
    }
  }
}

const BINDINGS = ["bridge", "slirp", "masquerade", "sriov", "macvtap", "passt", "binding"];

/** The model fills unset models; masquerade only binds interfaces on the pod network that have no binding. */
function applyInterfaces(p: Prefs, spec: VmiSpec, devices: Devices): void {
  const podNetworks = new Set((spec.networks ?? []).filter((n) => n.pod !== undefined).map((n) => n.name));
  for (const iface of devices.interfaces ?? []) {
    if (p.preferredInterfaceModel && !iface.model) iface.model = p.preferredInterfaceModel;
    const unbound = BINDINGS.every((b) => (iface as unknown as Json)[b] === undefined);
    if (p.preferredInterfaceMasquerade && unbound && podNetworks.has(iface.name)) iface.masquerade = structuredClone(p.preferredInterfaceMasquerade);
  }
}

/** Device preferences: switches, sound, RNG, TPM, disk/interface/input/panic defaults, each where unset. */
export function applyDevicePreferences(pref: PreferenceSpec, spec: VmiSpec): void {
  const p = pref.devices;
  if (!p) return;
  const devices = (spec.domain.devices ??= {}) as Devices & Json;
  for (const [from, to] of SWITCHES) if (p[from] !== undefined && devices[to] === undefined) devices[to] = p[from];
  if (p.preferredDisableHotplug !== undefined) devices.disableHotplug = p.preferredDisableHotplug;
  if (p.preferredSoundModel && devices.sound && !devices.sound.model) devices.sound.model = p.preferredSoundModel;
  if (p.preferredRng && devices.rng === undefined) devices.rng = structuredClone(p.preferredRng);
  if (p.preferredTPM && devices.tpm === undefined) devices.tpm = structuredClone(p.preferredTPM);
  applyDisks(p, devices);
  applyInterfaces(p, spec, devices);
  for (const input of devices.inputs ?? []) {
    if (p.preferredInputBus && !input.bus) input.bus = p.preferredInputBus;
    if (p.preferredInputType && !input.type) input.type = p.preferredInputType;
  }
  if (p.preferredPanicDeviceModel) for (const panic of devices.panicDevices ?? []) panic.model ??= p.preferredPanicDeviceModel;
}
