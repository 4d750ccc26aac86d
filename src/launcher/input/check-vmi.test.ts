import test from "ava";
import { newCirrosVmi, withHostDisk, withPvc, withDiskAndVolume } from "../../../test/fixtures/vmi-builder";
import { checkVmiInput, vmiInputCauses } from "./check-vmi";

const none = new Set<string>();
const fields = (vmi: unknown, gates = none): string[] => vmiInputCauses(vmi, gates).map(c => c.field);

test("a valid VMI passes, with its status and server metadata ignored", t => {
  const vmi = { ...newCirrosVmi(), status: { phase: "Scheduled", unknownField: 1 } };
  (vmi.metadata as Record<string, unknown>).managedFields = [{ manager: "x" }];
  t.deepEqual(vmiInputCauses(vmi, none), []);
});

test("the attacks of issue 11 are refused with field paths", t => {
  t.deepEqual(fields(newCirrosVmi(withPvc("data", "../../etc"))), ["spec.volumes[2].persistentVolumeClaim.claimName"]);
  t.deepEqual(fields(newCirrosVmi(withDiskAndVolume({ name: "creds", secret: { secretName: "a/b" } }))), ["spec.volumes[2].secret.secretName"]);
  t.deepEqual(fields(newCirrosVmi(withHostDisk("host", { path: "/var/../etc/shadow", type: "Disk" })), new Set(["HostDisk"])), ["spec.volumes[2].hostDisk.path"]);
});

test("identity: name and namespace must be Kubernetes names", t => {
  const named = (metadata: Record<string, unknown>) => ({ ...newCirrosVmi(), metadata });
  t.deepEqual(fields(named({ name: "../x" })), ["metadata.name"]);
  t.deepEqual(fields(named({ name: "ok", namespace: "a/b" })), ["metadata.namespace"]);
  t.deepEqual(fields(named({})), ["metadata.name"]);
  t.deepEqual(fields("not an object"), ["<root>"]);
  t.deepEqual(fields({ ...newCirrosVmi(), kind: "Pod" }), ["kind"]);
});

test("checkVmiInput throws a bad-request-coded error listing every cause", t => {
  const error = t.throws(() => checkVmiInput(newCirrosVmi(withPvc("data", "../../etc")), none));
  t.is((error as { code?: string }).code, "invalid-vmi");
  t.regex(error!.message, /spec\.volumes\[2\]\.persistentVolumeClaim\.claimName: '\.\.\/\.\.\/etc' is not a valid PersistentVolumeClaim name/);
});
