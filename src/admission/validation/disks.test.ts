import { newCirrosVmi, withContainerDisk, withDisk, withEmptyDisk, withPvc } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as disks from "./disks";

const IMG = "img:v1";

ruleTable("disk names are DNS labels", disks.diskNamesAreDnsLabels, [
  { name: "valid", vmi: newCirrosVmi() },
  { name: "upper case", vmi: newCirrosVmi(withContainerDisk("Data", IMG)), denied: { field: "spec.domain.devices.disks[2].name", message: "not a valid DNS label" } },
  { name: "64 characters", vmi: newCirrosVmi(withContainerDisk("a".repeat(64), IMG)), denied: { field: "spec.domain.devices.disks[2].name", message: "no more than 63" } },
]);

ruleTable("disk names are unique", disks.diskNamesAreUnique, [
  { name: "two disks for one volume", vmi: newCirrosVmi(withDisk({ name: "containerdisk", cdrom: {} })), denied: { field: "spec.domain.devices.disks[2].name", message: "already used by spec.domain.devices.disks[0]" } },
]);

ruleTable("one target type per disk", disks.diskHasOneTarget, [
  { name: "disk only", vmi: newCirrosVmi(withEmptyDisk("scratch", "1Gi", { disk: { bus: "virtio" } })) },
  { name: "disk and cdrom", vmi: newCirrosVmi(withEmptyDisk("scratch", "1Gi", { disk: {}, cdrom: {} })), denied: { field: "spec.domain.devices.disks[2]", message: "single target type" } },
]);

ruleTable("bus fits the target", disks.diskBusFitsTarget, [
  { name: "cdrom on sata", vmi: newCirrosVmi(withContainerDisk("iso", IMG, { disk: undefined, cdrom: { bus: "sata" } })) },
  { name: "usb disk", vmi: newCirrosVmi(withContainerDisk("stick", IMG, { disk: { bus: "usb" } })) },
  { name: "cdrom on virtio", vmi: newCirrosVmi(withContainerDisk("iso", IMG, { disk: undefined, cdrom: { bus: "virtio" } })), denied: { field: "spec.domain.devices.disks[2].cdrom.bus", message: "use one of: sata, scsi" } },
  { name: "usb cdrom", vmi: newCirrosVmi(withContainerDisk("iso", IMG, { disk: undefined, cdrom: { bus: "usb" } })), denied: { field: "spec.domain.devices.disks[2].cdrom.bus", message: "only supported for disk targets" } },
  { name: "usb lun", vmi: newCirrosVmi(withPvc("lun0", "claim", { disk: undefined, lun: { bus: "usb" } })), denied: { field: "spec.domain.devices.disks[2].lun.bus", message: "only supported for disk targets" } },
  { name: "ide", vmi: newCirrosVmi(withContainerDisk("old", IMG, { disk: { bus: "ide" } })), denied: { field: "spec.domain.devices.disks[2].disk.bus", message: "unsupported bus 'ide'" } },
]);

ruleTable("sata disks are not read-only", disks.sataDiskIsNotReadonly, [
  { name: "read-only virtio disk", vmi: newCirrosVmi(withContainerDisk("ro", IMG, { disk: { bus: "virtio", readonly: true } })) },
  { name: "read-only sata cdrom", vmi: newCirrosVmi(withContainerDisk("ro", IMG, { disk: undefined, cdrom: { bus: "sata", readonly: true } })) },
  { name: "read-only sata disk", vmi: newCirrosVmi(withContainerDisk("ro", IMG, { disk: { bus: "sata", readonly: true } })), denied: { field: "spec.domain.devices.disks[2].disk.bus", message: "do not support read-only" } },
  { name: "read-only disk with the default (sata) bus", vmi: newCirrosVmi(withContainerDisk("ro", IMG, { disk: { readonly: true } })), denied: { field: "spec.domain.devices.disks[2].disk.bus", message: "do not support read-only" } },
]);
