import { newCirrosVmi, withDiskAndVolume, withPvc, withSpec } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { referencedNamesAreObjectNames } from "./referenced-names";

const cloudInit = (source: "cloudInitNoCloud" | "cloudInitConfigDrive", ref: "secretRef" | "networkDataSecretRef", name: string) =>
  withSpec(s => void (s.volumes![1] = { name: "cloudinitdisk", [source]: { [ref]: { name } } }));

ruleTable("referenced object names", referencedNamesAreObjectNames, [
  { name: "claim", vmi: newCirrosVmi(withPvc("data", "my-claim.v2")) },
  { name: "claim climbing out", vmi: newCirrosVmi(withPvc("data", "../../etc")), denied: { field: "spec.volumes[2].persistentVolumeClaim.claimName", message: "'../../etc' is not a valid PersistentVolumeClaim name" } },
  { name: "claim with upper case", vmi: newCirrosVmi(withPvc("data", "Data")), denied: { field: "spec.volumes[2].persistentVolumeClaim.claimName", message: "lower case alphanumeric" } },
  { name: "claim too long", vmi: newCirrosVmi(withPvc("data", "a".repeat(254))), denied: { field: "spec.volumes[2].persistentVolumeClaim.claimName", message: "no more than 253 characters" } },
  { name: "ephemeral claim with a slash", vmi: newCirrosVmi(withDiskAndVolume({ name: "eph", ephemeral: { persistentVolumeClaim: { claimName: "a/b" } } })),
    denied: { field: "spec.volumes[2].ephemeral.persistentVolumeClaim.claimName", message: "not a valid PersistentVolumeClaim name" } },
  { name: "secret", vmi: newCirrosVmi(withDiskAndVolume({ name: "creds", secret: { secretName: "app-creds" } })) },
  { name: "secret with a slash", vmi: newCirrosVmi(withDiskAndVolume({ name: "creds", secret: { secretName: "x/../../root" } })),
    denied: { field: "spec.volumes[2].secret.secretName", message: "not a valid Secret name" } },
  { name: "configMap named '..'", vmi: newCirrosVmi(withDiskAndVolume({ name: "cfg", configMap: { name: ".." } })),
    denied: { field: "spec.volumes[2].configMap.name", message: "not a valid ConfigMap name" } },
  { name: "service account with a slash", vmi: newCirrosVmi(withDiskAndVolume({ name: "sa", serviceAccount: { serviceAccountName: "default/x" } })),
    denied: { field: "spec.volumes[2].serviceAccount.serviceAccountName", message: "not a valid ServiceAccount name" } },
  { name: "NoCloud secretRef", vmi: newCirrosVmi(cloudInit("cloudInitNoCloud", "secretRef", "user-data")) },
  { name: "NoCloud secretRef with a slash", vmi: newCirrosVmi(cloudInit("cloudInitNoCloud", "secretRef", "a/b")),
    denied: { field: "spec.volumes[1].cloudInitNoCloud.secretRef.name", message: "not a valid Secret name" } },
  { name: "NoCloud networkDataSecretRef '..'", vmi: newCirrosVmi(cloudInit("cloudInitNoCloud", "networkDataSecretRef", "..")),
    denied: { field: "spec.volumes[1].cloudInitNoCloud.networkDataSecretRef.name", message: "not a valid Secret name" } },
  { name: "ConfigDrive secretRef with a space", vmi: newCirrosVmi(cloudInit("cloudInitConfigDrive", "secretRef", "my secret")),
    denied: { field: "spec.volumes[1].cloudInitConfigDrive.secretRef.name", message: "not a valid Secret name" } },
  { name: "ConfigDrive networkDataSecretRef absolute", vmi: newCirrosVmi(cloudInit("cloudInitConfigDrive", "networkDataSecretRef", "/etc")),
    denied: { field: "spec.volumes[1].cloudInitConfigDrive.networkDataSecretRef.name", message: "e.g. 'example.com'" } },
]);
