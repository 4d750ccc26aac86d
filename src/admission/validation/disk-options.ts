import { Cause, DISK_CACHE_MODES, DISK_IO_MODES } from "../../api";
import { disksOf, isRecord, text } from "./access";
import { effectiveBus } from "./disk-bus";
import { at, cause, quote, SpecRule } from "./rule";

/* Per-disk options beyond name, target and bus: PCI address, serial, cache/IO modes, IO threads. */

/** Serial numbers reach QEMU's command line: a safe character set and KubeVirt's length cap. */
const SERIAL_CHARS = /^[A-Za-z0-9_.+-]+$/;
export const SERIAL_MAX = 256;
/** PCI address as domain:bus:slot.function, e.g. 0000:81:01.1. */
const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;

const disksPath = (path: string, index: number, ...rest: string[]): string =>
  at(path, "domain", "devices", "disks", index, ...rest);

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

export const DISK_OPTION_RULES: readonly SpecRule[] = [diskPciAddress, diskSerial, diskCacheAndIoModes, dedicatedIoThreadNeedsVirtio];
