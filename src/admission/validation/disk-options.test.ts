import { newCirrosVmi, withContainerDisk, withSpec } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as disks from "./disk-options";

const IMG = "img:v1";

ruleTable("PCI address of a disk", disks.diskPciAddress, [
  { name: "virtio with address", vmi: newCirrosVmi(withContainerDisk("d", IMG, { disk: { bus: "virtio", pciAddress: "0000:81:01.1" } })) },
  { name: "sata with address", vmi: newCirrosVmi(withContainerDisk("d", IMG, { disk: { bus: "sata", pciAddress: "0000:81:01.1" } })), denied: { field: "spec.domain.devices.disks[2].disk.pciAddress", message: "bus virtio" } },
  { name: "malformed", vmi: newCirrosVmi(withContainerDisk("d", IMG, { disk: { bus: "virtio", pciAddress: "81:01.1" } })), denied: { field: "spec.domain.devices.disks[2].disk.pciAddress", message: "malformed PCI address" } },
]);

ruleTable("disk serial", disks.diskSerial, [
  { name: "valid serial", vmi: newCirrosVmi(withContainerDisk("d", IMG, { serial: "SN-1234_a.b+c" })) },
  { name: "space", vmi: newCirrosVmi(withContainerDisk("d", IMG, { serial: "SN 1" })), denied: { field: "spec.domain.devices.disks[2].serial", message: "may only contain" } },
  { name: "too long", vmi: newCirrosVmi(withContainerDisk("d", IMG, { serial: "x".repeat(disks.SERIAL_MAX + 1) })), denied: { field: "spec.domain.devices.disks[2].serial", message: "at most 256" } },
]);

ruleTable("cache and io modes", disks.diskCacheAndIoModes, [
  { name: "native io with cache none", vmi: newCirrosVmi(withContainerDisk("d", IMG, { cache: "none", io: "native" })) },
  { name: "unknown cache (raw spec)", vmi: newCirrosVmi(withSpec(s => void (s.domain.devices.disks![0].cache = "unsafe"))), denied: { field: "spec.domain.devices.disks[0].cache", message: "unsupported cache mode" } },
  { name: "unknown io (raw spec)", vmi: newCirrosVmi(withSpec(s => void (s.domain.devices.disks![0].io = "io_uring"))), denied: { field: "spec.domain.devices.disks[0].io", message: "unsupported IO mode" } },
]);

ruleTable("dedicated IO thread needs virtio", disks.dedicatedIoThreadNeedsVirtio, [
  { name: "virtio", vmi: newCirrosVmi(withContainerDisk("d", IMG, { dedicatedIOThread: true })) },
  { name: "scsi", vmi: newCirrosVmi(withContainerDisk("d", IMG, { disk: { bus: "scsi" }, dedicatedIOThread: true })), denied: { field: "spec.domain.devices.disks[2].dedicatedIOThread", message: "virtio bus, not scsi" } },
]);
