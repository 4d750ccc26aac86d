import { Disk, VirtualMachineInstanceSpec } from "../../api";

/** KubeVirt's default bus on amd64 for disks and CD-ROMs; LUNs default to scsi. */
export const DEFAULT_DISK_BUS = "sata";
export const DEFAULT_LUN_BUS = "scsi";

/** Every volume gets a disk: a volume listed without a disk is attached as a plain disk. */
export function defaultDiskPerVolume(spec: VirtualMachineInstanceSpec): void {
  const devices = spec.domain.devices;
  const disks = (devices.disks ??= []);
  const named = new Set(disks.map(d => d.name));
  for (const volume of spec.volumes ?? []) {
    if (!named.has(volume.name)) disks.push({ name: volume.name });
  }
  if (disks.length === 0) delete devices.disks;
}

/** A disk with no target type is a plain disk; empty buses get the default; CD-ROMs are read-only with the tray closed. */
export function defaultDiskTargets(spec: VirtualMachineInstanceSpec): void {
  for (const disk of spec.domain.devices.disks ?? []) defaultDisk(disk);
}

function defaultDisk(disk: Disk): void {
  if (!disk.disk && !disk.lun && !disk.cdrom) disk.disk = {};
  if (disk.disk) disk.disk.bus ||= DEFAULT_DISK_BUS;
  if (disk.lun) disk.lun.bus ||= DEFAULT_LUN_BUS;
  if (disk.cdrom) {
    disk.cdrom.bus ||= DEFAULT_DISK_BUS;
    disk.cdrom.readonly ??= true;
    disk.cdrom.tray ||= "closed";
  }
}
