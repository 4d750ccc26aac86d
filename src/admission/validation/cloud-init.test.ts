import test from "ava";
import { newCirrosVmi, newVmi, withCloudInitConfigDrive, withCloudInitNoCloud, withContainerDisk, withMemory, withPodNetwork } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { atMostOneCloudInitVolume, cloudInitData, CLOUD_INIT_MAX_BYTES, decodedLength } from "./cloud-init";

const b64 = (s: string): string => Buffer.from(s).toString("base64");
/** Like newCirrosVmi but with the cloud-init volume the test gives. */
const vmiWith = (...options: Parameters<typeof newVmi>) => newVmi(withMemory("128Mi"), withContainerDisk("containerdisk", "img:v1"), withPodNetwork(), ...options);
const FIELD = "spec.volumes[1].cloudInitNoCloud";

ruleTable("cloud-init data", cloudInitData, [
  { name: "base64 user data", vmi: vmiWith(withCloudInitNoCloud({ userDataBase64: b64("#cloud-config\n") })) },
  { name: "user data from a Secret", vmi: vmiWith(withCloudInitNoCloud({ secretRef: { name: "my-user-data" } })) },
  { name: "network data alone", vmi: vmiWith(withCloudInitNoCloud({ networkData: "version: 2\n" })) },
  { name: "config drive", vmi: vmiWith(withCloudInitConfigDrive({ userData: "#cloud-config\n" })) },
  { name: "two user data sources", vmi: vmiWith(withCloudInitNoCloud({ userData: "#cloud-config\n", secretRef: { name: "s" } })), denied: { field: FIELD, message: "sets user data more than once (secretRef, userData)" } },
  { name: "two network data sources", vmi: vmiWith(withCloudInitNoCloud({ networkData: "a", networkDataBase64: b64("b") })), denied: { field: FIELD, message: "sets network data more than once" } },
  { name: "invalid base64", vmi: vmiWith(withCloudInitNoCloud({ userDataBase64: "not base64!" })), denied: { field: `${FIELD}.userDataBase64`, message: "is not valid base64" } },
  { name: "invalid network base64", vmi: vmiWith(withCloudInitNoCloud({ networkDataBase64: "%%%" })), denied: { field: `${FIELD}.networkDataBase64`, message: "is not valid base64" } },
  { name: "user data over the limit", vmi: vmiWith(withCloudInitNoCloud({ userData: "x".repeat(CLOUD_INIT_MAX_BYTES + 1) })), denied: { field: FIELD, message: "2049 bytes, over the 2048-byte limit" } },
  { name: "decoded user data over the limit", vmi: vmiWith(withCloudInitNoCloud({ userDataBase64: b64("x".repeat(3000)) })), denied: { field: FIELD, message: "reference it with secretRef" } },
  { name: "network data over the limit", vmi: vmiWith(withCloudInitNoCloud({ networkData: "x".repeat(CLOUD_INIT_MAX_BYTES + 1) })), denied: { field: FIELD, message: "networkDataSecretRef" } },
  { name: "no data", vmi: vmiWith(withCloudInitNoCloud({})), denied: { field: FIELD, message: "has no data" } },
  { name: "config drive without data", vmi: vmiWith(withCloudInitConfigDrive({ secretRef: { name: "" } })), denied: { field: "spec.volumes[1].cloudInitConfigDrive", message: "has no data" } },
]);

ruleTable("at most one cloud-init volume", atMostOneCloudInitVolume, [
  { name: "NoCloud and ConfigDrive", vmi: newCirrosVmi(withCloudInitConfigDrive({ userData: "#cloud-config\n" }, "configdrive")), denied: { field: "spec.volumes[2]", message: "second cloud-init volume" } },
]);

test("user data of exactly 2048 bytes is accepted", t => {
  t.deepEqual(cloudInitData(vmiWith(withCloudInitNoCloud({ userData: "é".repeat(CLOUD_INIT_MAX_BYTES / 2) })).spec, "spec", { featureGates: new Set() }), []);
});

test("base64 decoding follows Go's standard encoding", t => {
  t.is(decodedLength("aGVsbG8="), 5);
  t.is(decodedLength("aGVs\nbG8="), 5, "line breaks are ignored");
  t.is(decodedLength("aGVsbG8"), undefined, "padding is required");
  t.is(decodedLength("aGV-bG8="), undefined, "URL alphabet is not standard");
});
