import type { Disk } from "../../api";
import type { DiskDevice } from "../domain/model";
import type { Configurator } from "./configurator";
import { ConversionError } from "./context";

type Bus = DiskDevice["target"]["bus"];
const BUSES: readonly Bus[] = ["virtio", "sata", "scsi", "usb"];

/** Disk kind and bus with KubeVirt's defaults: disk → virtio, cdrom → sata (read-only), lun → scsi. */
function kindAndBus(disk: Disk, field: string): { device: DiskDevice["device"]; bus: Bus; readonly: boolean } {
  const [device, target, fallback] = disk.cdrom
    ? (["cdrom", disk.cdrom, "sata"] as const)
    : disk.lun
      ? (["lun", disk.lun, "scsi"] as const)
      : (["disk", disk.disk, "virtio"] as const);
  const bus = (target?.bus ?? fallback) as Bus;
  if (!BUSES.includes(bus)) throw new ConversionError(`${field}.bus`, `unsupported bus ${bus}, use one of ${BUSES.join(", ")}`);
  return { device, bus, readonly: device === "cdrom" ? target?.readonly !== false : target?.readonly === true };
}

/** vda, vdb, … for virtio; sda, sdb, … shared by sata, scsi and usb (they are all SCSI disks in the guest). */
export function targetName(prefix: "vd" | "sd", index: number): string {
  let name = "";
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) name = String.fromCharCode(97 + (n % 26)) + name;
  return prefix + name;
}

const CACHES = ["none", "writethrough", "writeback"] as const;
const IOS = ["native", "threads"] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, field: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new ConversionError(field, `must be one of ${allowed.join(", ")}, got ${value}`);
  return value as T;
}

/** spec.domain.devices.disks → <disk> devices, each backed by its prepared volume. */
export const configureDisks: Configurator = (vmi, domain, ctx) => {
  const counters = { vd: 0, sd: 0 };
  (vmi.spec.domain.devices.disks ?? []).forEach((disk, i) => {
    const field = `spec.domain.devices.disks[${i}]`;
    const source = ctx.volumes[disk.name];
    if (source === undefined) throw new ConversionError(`${field}.name`, `no volume named ${disk.name}`);
    const { device, bus, readonly } = kindAndBus(disk, field);
    const prefix = bus === "virtio" ? "vd" : "sd";
    domain.devices.disks.push({
      device: device === "lun" && source.type !== "block" ? "disk" : device,
      source: { type: source.type, path: source.path },
      format: source.format,
      target: { dev: targetName(prefix, counters[prefix]++), bus },
      readonly: readonly || source.readonly,
      bootOrder: disk.bootOrder,
      serial: disk.serial,
      cache: oneOf(CACHES, disk.cache, `${field}.cache`),
      io: oneOf(IOS, disk.io, `${field}.io`),
      alias: disk.name,
    });
  });
};
