import { disksOf, duplicateNames, isRecord, text } from "./access";
import { BUSES_BY_TARGET, effectiveBus, targetOf, targetsOf } from "./disk-bus";
import { dnsLabelErrors } from "./names";
import { at, cause, quote, SpecRule } from "./rule";

const disksPath = (path: string, index: number, ...rest: string[]): string =>
  at(path, "domain", "devices", "disks", index, ...rest);

/** Disk names become container and file names in the launcher pod, so they must be DNS labels. */
export const diskNamesAreDnsLabels: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    const name = text(disk.name);
    if (name === undefined) return [cause(disksPath(path, i, "name"), "is required: name the volume this disk attaches")];
    const errors = dnsLabelErrors(name);
    return errors.length ? [cause(disksPath(path, i, "name"), `disk name ${quote(name)} is not a valid DNS label: ${errors.join("; ")}`)] : [];
  });

export const diskNamesAreUnique: SpecRule = (spec, path) =>
  duplicateNames(disksOf(spec)).map(d =>
    cause(disksPath(path, d.index, "name"), `disk name ${quote(d.name)} is already used by ${disksPath(path, d.first)}; every disk needs its own name`),
  );

export const diskHasOneTarget: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    const targets = targetsOf(disk);
    return targets.length > 1
      ? [cause(disksPath(path, i), `sets ${targets.join(" and ")}; a disk has a single target type: keep one of disk, lun or cdrom`)]
      : [];
  });

export const diskBusFitsTarget: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    const target = targetOf(disk);
    const bus = effectiveBus(disk);
    const field = disksPath(path, i, target, "bus");
    const allowed = BUSES_BY_TARGET[target];
    if (allowed.includes(bus)) return [];
    if (target === "cdrom" && bus === "virtio") return [cause(field, "bus virtio is not supported for a CD-ROM on q35 machines; use one of: sata, scsi")];
    if (bus === "usb") return [cause(field, `bus usb is only supported for disk targets, not ${target}; use one of ${allowed.join(", ")}`)];
    return [cause(field, `unsupported bus ${quote(bus)} for a ${target}; use one of ${allowed.join(", ")}`)];
  });

/** QEMU's emulated SATA hard disk has no read-only mode (SATA CD-ROMs are read-only by nature). */
export const sataDiskIsNotReadonly: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    if (!isRecord(disk.disk) || disk.disk.readonly !== true || effectiveBus(disk) !== "sata") return [];
    return [cause(disksPath(path, i, "disk", "bus"), "sata hard disks do not support read-only; use bus virtio or scsi, or attach the volume as a cdrom")];
  });

export const DISK_RULES: readonly SpecRule[] = [
  diskNamesAreDnsLabels,
  diskNamesAreUnique,
  diskHasOneTarget,
  diskBusFitsTarget,
  sataDiskIsNotReadonly,
];
