import { Disk } from "../../api";
import { DEFAULT_DISK_BUS, DEFAULT_LUN_BUS } from "../defaults/disks";
import { isRecord, text } from "./access";

export type DiskTargetName = "disk" | "lun" | "cdrom";

/** Which buses each target type can sit on (q35 has no IDE; CD-ROMs need an emulated controller). */
export const BUSES_BY_TARGET: Record<DiskTargetName, readonly string[]> = {
  disk: ["virtio", "sata", "scsi", "usb"],
  lun: ["virtio", "sata", "scsi"],
  cdrom: ["sata", "scsi"],
};

/** The target types a disk sets; a disk with none is a plain disk once defaulted. */
export function targetsOf(disk: Disk): DiskTargetName[] {
  return (["disk", "lun", "cdrom"] as const).filter(name => isRecord(disk[name]));
}

/** The target that decides the disk's bus: the first one set, or `disk` when none is. */
export function targetOf(disk: Disk): DiskTargetName {
  return targetsOf(disk)[0] ?? "disk";
}

/** The bus the disk will use: the one given, else the default the mutating webhook applies. */
export function effectiveBus(disk: Disk): string {
  const target = targetOf(disk);
  const given = text(isRecord(disk[target]) ? (disk[target] as { bus?: unknown }).bus : undefined);
  if (given) return given;
  return target === "lun" ? DEFAULT_LUN_BUS : DEFAULT_DISK_BUS;
}
