import { Cause, DISK_CACHE_MODES, DISK_IO_MODES } from "../../api";
import { disksOf, firstIndexByKey, isRecord, text } from "./access";
import { BUSES_BY_TARGET, effectiveBus, targetOf, targetsOf } from "./disk-bus";
import { dnsLabelErrors } from "./names";
import { at, cause, quote, SpecRule } from "./rule";

/** Serial numbers reach QEMU's command line: a safe character set and KubeVirt's length cap. */
const SERIAL_CHARS = /^[A-Za-z0-9_.+-]+$/;
export const SERIAL_MAX = 256;
/** PCI address as domain:bus:slot.function, e.g. 0000:81:01.1. */
const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;

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

export const diskNamesAreUnique: SpecRule = (spec, path) => {
  const disks = disksOf(spec);
  const first = firstIndexByKey(disks, d => text(d.name));
  return disks.flatMap(([disk, i]) => {
    const name = text(disk.name);
    const j = name === undefined ? undefined : first.get(name);
    return j !== undefined && j !== i
      ? [cause(disksPath(path, i, "name"), `disk name ${quote(disk.name)} is already used by ${disksPath(path, j)}; every disk needs its own name`)]
      : [];
  });
};

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

export const diskPciAddress: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    const address = isRecord(disk.disk) ? text(disk.disk.pciAddress) : undefined;
    if (!address) return [];
    const field = disksPath(path, i, "disk", "pciAddress");
    const causes: Cause[] = [];
    if (effectiveBus(disk) !== "virtio") causes.push(cause(field, "a PCI address can only be set on a disk with bus virtio; set disk.bus to virtio or remove pciAddress"));
    if (!PCI_ADDRESS.test(address)) causes.push(cause(field, `malformed PCI address ${quote(address)}; use domain:bus:slot.function, for example 0000:81:01.1`));
    return causes;
  });

export const diskSerial: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    const serial = text(disk.serial);
    if (!serial) return [];
    const field = disksPath(path, i, "serial");
    const causes: Cause[] = [];
    if (!SERIAL_CHARS.test(serial)) causes.push(cause(field, "may only contain letters, digits and the characters _ . + -"));
    if ([...serial].length > SERIAL_MAX) causes.push(cause(field, `must be at most ${SERIAL_MAX} characters long`));
    return causes;
  });

export const diskCacheAndIoModes: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    const causes: Cause[] = [];
    const cache = disk.cache;
    if (cache !== undefined && cache !== "" && !(DISK_CACHE_MODES as readonly unknown[]).includes(cache)) {
      causes.push(cause(disksPath(path, i, "cache"), `unsupported cache mode ${quote(cache)}; use one of ${DISK_CACHE_MODES.join(", ")}`));
    }
    const io = disk.io;
    if (io !== undefined && io !== "" && !(DISK_IO_MODES as readonly unknown[]).includes(io)) {
      causes.push(cause(disksPath(path, i, "io"), `unsupported IO mode ${quote(io)}; use one of ${DISK_IO_MODES.join(", ")}`));
    }
    return causes;
  });

/** libvirt only gives virtio-blk disks their own I/O thread. */
export const dedicatedIoThreadNeedsVirtio: SpecRule = (spec, path) =>
  disksOf(spec).flatMap(([disk, i]) => {
    if (disk.dedicatedIOThread !== true) return [];
    const bus = effectiveBus(disk);
    return bus === "virtio" ? [] : [cause(disksPath(path, i, "dedicatedIOThread"), `dedicated IO threads are only supported for disks on the virtio bus, not ${bus}; set the bus to virtio or drop dedicatedIOThread`)];
  });

export const DISK_RULES: readonly SpecRule[] = [
  diskNamesAreDnsLabels,
  diskNamesAreUnique,
  diskHasOneTarget,
  diskBusFitsTarget,
  sataDiskIsNotReadonly,
  diskPciAddress,
  diskSerial,
  diskCacheAndIoModes,
  dedicatedIoThreadNeedsVirtio,
];
