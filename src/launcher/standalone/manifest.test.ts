import test from "ava";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readManifest } from "./manifest";
import { imageRoots } from "./volume-sources";
import { tempDir } from "../../testing/temp-dir";

const write = (text: string): string => {
  const file = join(tempDir("manifest-"), "vm.yaml");
  writeFileSync(file, text);
  return file;
};

test("the seed's v1alpha1 VirtualMachine becomes a VMI with a containerDisk and header-less user data", async (t) => {
  const { vmi } = await readManifest(join(__dirname, "../../../test/fixtures/seed/example-vm.yaml"));
  t.is(vmi.metadata?.name, "myvm");
  t.is(vmi.metadata?.namespace, "default");
  t.is(vmi.spec.terminationGracePeriodSeconds, 5);
  t.deepEqual(vmi.spec.domain.devices.disks?.map((d) => d.name), ["registryvolume", "cloudinitvolume"]);
  t.is(vmi.spec.volumes?.[0]?.containerDisk?.image, "kubevirt/cirros-registry-disk-demo:devel");
  t.regex(vmi.spec.volumes?.[1]?.cloudInitNoCloud?.userData ?? "", /^ssh-authorized-keys:/);
});

test("a v1 VirtualMachine's template, with Secrets and ConfigMaps from the same file", async (t) => {
  const file = write(`apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: ns1}
spec:
  template:
    spec:
      domain: {devices: {}}
---
apiVersion: v1
kind: Secret
metadata: {name: s1}
data: {userdata: ${Buffer.from("#cloud-config\n").toString("base64")}}
stringData: {extra: plain}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c1}
data: {k: v}
`);
  const m = await readManifest(file);
  t.like(m.vmi, { kind: "VirtualMachineInstance", metadata: { name: "vm1", namespace: "ns1" } });
  t.deepEqual(m.secrets.s1, { userdata: "#cloud-config\n", extra: "plain" });
  t.deepEqual(m.configMaps.c1, { k: "v" });
});

test("a file with no VM is an error", async (t) => {
  await t.throwsAsync(readManifest(write("kind: ConfigMap\nmetadata: {name: x}\n")), { message: /no VirtualMachineInstance/ });
});

test("image references resolve to the full reference, the repository name, then the image dir itself", (t) => {
  t.deepEqual(imageRoots("/img", "quay.io/kubevirt/cirros:v1"), ["/img/quay.io_kubevirt_cirros_v1", "/img/cirros", "/img"]);
});
