import { FEATURE_GATES } from "./context";
import { newCirrosVmi, withContainerDisk, withDisk, withVolume } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { disksHaveVolumes, lunNeedsClaim, volumesHaveDisks } from "./volume-references";

ruleTable("every disk has a volume", disksHaveVolumes, [
  { name: "matching", vmi: newCirrosVmi() },
  { name: "disk without volume", vmi: newCirrosVmi(withDisk({ name: "foo", disk: { bus: "virtio" } })),
    denied: { field: "spec.domain.devices.disks[2].name", message: "disk 'foo' has no matching volume; add a volume named 'foo' to spec.volumes or rename the disk" } },
  { name: "empty CD-ROM without the gate", vmi: newCirrosVmi(withDisk({ name: "media", cdrom: { bus: "sata" } })),
    denied: { field: "spec.domain.devices.disks[2].name", message: FEATURE_GATES.declarativeHotplugVolumes } },
  { name: "empty CD-ROM with the gate", vmi: newCirrosVmi(withDisk({ name: "media", cdrom: { bus: "sata" } })), gates: [FEATURE_GATES.declarativeHotplugVolumes] },
]);

ruleTable("every volume has a disk", volumesHaveDisks, [
  { name: "volume without disk", vmi: newCirrosVmi(withVolume({ name: "orphan", emptyDisk: { capacity: "1Gi" } })),
    denied: { field: "spec.volumes[2].name", message: "volume 'orphan' is not used by any disk" } },
]);

ruleTable("a LUN needs a claim", lunNeedsClaim, [
  { name: "LUN on a container disk", vmi: newCirrosVmi(withContainerDisk("lun0", "img:v1", { disk: undefined, lun: { bus: "scsi" } })),
    denied: { field: "spec.domain.devices.disks[2].lun", message: "persistentVolumeClaim" } },
]);
