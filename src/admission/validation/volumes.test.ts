import { newCirrosVmi, withContainerDisk, withDiskAndVolume, withEmptyDisk, withPvc, withSpec } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as volumes from "./volumes";

ruleTable("volume names are DNS labels", volumes.volumeNamesAreDnsLabels, [
  { name: "underscore", vmi: newCirrosVmi(withSpec(s => void (s.volumes![0].name = "root_disk"))), denied: { field: "spec.volumes[0].name", message: "not a valid DNS label" } },
]);

ruleTable("volume names are unique", volumes.volumeNamesAreUnique, [
  { name: "same name twice", vmi: newCirrosVmi(withSpec(s => void s.volumes!.push({ name: "containerdisk", emptyDisk: { capacity: "1Gi" } }))),
    denied: { field: "spec.volumes[2].name", message: "already used by spec.volumes[0]" } },
]);

ruleTable("one source per volume", volumes.volumeHasOneSource, [
  { name: "two sources", vmi: newCirrosVmi(withSpec(s => void (s.volumes![0].emptyDisk = { capacity: "1Gi" }))), denied: { field: "spec.volumes[0]", message: "sets 2 sources (containerDisk, emptyDisk)" } },
  { name: "no source", vmi: newCirrosVmi(withDiskAndVolume({ name: "nothing" })), denied: { field: "spec.volumes[2]", message: "sets no source" } },
]);

ruleTable("container disk", volumes.containerDiskSource, [
  { name: "absolute path", vmi: newCirrosVmi(withSpec(s => void (s.volumes![0].containerDisk!.path = "/custom/disk.qcow2"))) },
  { name: "empty image", vmi: newCirrosVmi(withContainerDisk("data", "")), denied: { field: "spec.volumes[2].containerDisk.image", message: "is required" } },
  { name: "relative path", vmi: newCirrosVmi(withSpec(s => void (s.volumes![0].containerDisk!.path = "disk/disk.img"))), denied: { field: "spec.volumes[0].containerDisk.path", message: "absolute path" } },
  { name: "path with ..", vmi: newCirrosVmi(withSpec(s => void (s.volumes![0].containerDisk!.path = "/disk/../etc/shadow"))), denied: { field: "spec.volumes[0].containerDisk.path", message: "relative components" } },
  { name: "root", vmi: newCirrosVmi(withSpec(s => void (s.volumes![0].containerDisk!.path = "/"))), denied: { field: "spec.volumes[0].containerDisk.path", message: "root directory" } },
]);

ruleTable("claim name", volumes.claimNameRequired, [
  { name: "claim", vmi: newCirrosVmi(withPvc("data", "my-claim")) },
  { name: "empty claim name", vmi: newCirrosVmi(withPvc("data", "")), denied: { field: "spec.volumes[2].persistentVolumeClaim.claimName", message: "is required" } },
  { name: "empty ephemeral claim name", vmi: newCirrosVmi(withDiskAndVolume({ name: "eph", ephemeral: { persistentVolumeClaim: { claimName: "" } } })),
    denied: { field: "spec.volumes[2].ephemeral.persistentVolumeClaim.claimName", message: "is required" } },
]);

ruleTable("empty disk capacity", volumes.emptyDiskCapacity, [
  { name: "1Gi", vmi: newCirrosVmi(withEmptyDisk("scratch", "1Gi")) },
  { name: "zero", vmi: newCirrosVmi(withEmptyDisk("scratch", "0")), denied: { field: "spec.volumes[2].emptyDisk.capacity", message: "greater than zero" } },
  { name: "negative", vmi: newCirrosVmi(withEmptyDisk("scratch", "-1Gi")), denied: { field: "spec.volumes[2].emptyDisk.capacity", message: "greater than zero" } },
]);

ruleTable("referenced objects are named", volumes.referencedObjectNamed, [
  { name: "named secret", vmi: newCirrosVmi(withDiskAndVolume({ name: "creds", secret: { secretName: "creds" } })) },
  { name: "unnamed configMap", vmi: newCirrosVmi(withDiskAndVolume({ name: "cfg", configMap: {} })), denied: { field: "spec.volumes[2].configMap.name", message: "is required" } },
  { name: "unnamed secret", vmi: newCirrosVmi(withDiskAndVolume({ name: "creds", secret: {} })), denied: { field: "spec.volumes[2].secret.secretName", message: "is required" } },
  { name: "unnamed service account", vmi: newCirrosVmi(withDiskAndVolume({ name: "sa", serviceAccount: {} })), denied: { field: "spec.volumes[2].serviceAccount.serviceAccountName", message: "is required" } },
]);

ruleTable("at most one service account volume", volumes.atMostOneServiceAccount, [
  { name: "two", vmi: newCirrosVmi(
    withDiskAndVolume({ name: "sa1", serviceAccount: { serviceAccountName: "a" } }),
    withDiskAndVolume({ name: "sa2", serviceAccount: { serviceAccountName: "b" } })),
    denied: { field: "spec.volumes", message: "at most one is allowed" } },
]);
