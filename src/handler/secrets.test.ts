import test from "ava";
import { newVmi, withDisk } from "../launcher/testing/vmi-builder";
import { secretNames, secretText } from "./secrets";

test("every Secret the volumes name, once", (t) => {
  const vmi = newVmi(
    "vm",
    withDisk({ name: "ci" }, { cloudInitNoCloud: { secretRef: { name: "ud" }, networkDataSecretRef: { name: "nd" } } }),
    withDisk({ name: "cd" }, { cloudInitConfigDrive: { secretRef: { name: "ud" } } }),
    withDisk({ name: "s" }, { secret: { secretName: "certs" } }),
    withDisk({ name: "inline" }, { cloudInitNoCloud: { userData: "#cloud-config" } }),
  );
  t.deepEqual(secretNames(vmi), ["ud", "nd", "certs"]);
});

test("a VMI without Secret references needs none", (t) => {
  t.deepEqual(secretNames(newVmi("vm")), []);
});

test("Secret data is decoded from base64", (t) => {
  t.deepEqual(secretText({ data: { userdata: Buffer.from("#cloud-config\n").toString("base64") } }), { userdata: "#cloud-config\n" });
});
