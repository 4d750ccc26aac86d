import test from "ava";
import { newCirrosVmi, withHostDisk } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { FEATURE_GATES } from "./context";
import { hostDiskPathIsNormalised, nodeFilePathError } from "./host-disk-path";

const gates = [FEATURE_GATES.hostDisk];
const withPath = (path: string) => newCirrosVmi(withHostDisk("host", { path, type: "Disk" }));
const field = "spec.volumes[2].hostDisk.path";

ruleTable("hostDisk path", hostDiskPathIsNormalised, [
  { name: "absolute and normalised", gates, vmi: withPath("/var/lib/vm-disks/disk.img") },
  { name: "climbs with ..", gates, vmi: withPath("/var/../etc/shadow"), denied: { field, message: "without '.' or '..' segments" } },
  { name: "relative", gates, vmi: withPath("disk.img"), denied: { field, message: "absolute path" } },
  { name: "double slash", gates, vmi: withPath("/var//disk.img"), denied: { field, message: "empty segments" } },
  { name: "a dot segment", gates, vmi: withPath("/var/./disk.img"), denied: { field, message: "'..' segments" } },
  { name: "a directory", gates, vmi: withPath("/var/lib/"), denied: { field, message: "not a directory" } },
  { name: "root", gates, vmi: withPath("/"), denied: { field, message: "not a directory" } },
]);

test("nodeFilePathError: a NUL byte is refused", t => {
  t.regex(nodeFilePathError("/var/disk\0.img") ?? "", /NUL/);
  t.is(nodeFilePathError("/a..b/c.img"), undefined, "dots inside a segment are a plain name");
});
