import { FEATURE_GATES } from "./context";
import { newCirrosVmi, withHostDisk } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { hostDiskVolumes } from "./host-disk";

const gate = [FEATURE_GATES.hostDisk];

ruleTable("host disks", hostDiskVolumes, [
  { name: "existing image with the gate", gates: gate, vmi: newCirrosVmi(withHostDisk("host", { path: "/data/disk.img", type: "Disk" })) },
  { name: "created image with capacity", gates: gate, vmi: newCirrosVmi(withHostDisk("host", { path: "/data/disk.img", type: "DiskOrCreate", capacity: "1Gi" })) },
  { name: "without the gate", vmi: newCirrosVmi(withHostDisk("host", { path: "/data/disk.img", type: "Disk" })), denied: { field: "spec.volumes[2]", message: "HostDisk feature gate" } },
  { name: "no path", gates: gate, vmi: newCirrosVmi(withHostDisk("host", { path: "", type: "Disk" })), denied: { field: "spec.volumes[2].hostDisk.path", message: "is required" } },
  { name: "unknown type (raw spec)", gates: gate, vmi: newCirrosVmi(withHostDisk("host", { path: "/d.img", type: "File" })), denied: { field: "spec.volumes[2].hostDisk.type", message: "unsupported type 'File'" } },
  { name: "capacity with type Disk", gates: gate, vmi: newCirrosVmi(withHostDisk("host", { path: "/d.img", type: "Disk", capacity: "1Gi" })), denied: { field: "spec.volumes[2].hostDisk.capacity", message: "only allowed with type DiskOrCreate" } },
  { name: "DiskOrCreate without capacity", gates: gate, vmi: newCirrosVmi(withHostDisk("host", { path: "/d.img", type: "DiskOrCreate" })), denied: { field: "spec.volumes[2].hostDisk.capacity", message: "needs a capacity" } },
]);
