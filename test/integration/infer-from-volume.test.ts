/**
 * inferFromVolume on the real API server: the module's mutating webhook reads the volume's PVC and
 * writes the matchers its labels name, as KubeVirt's VM mutator; failures are denied with
 * KubeVirt's messages at the matcher's field. The manifests of upstream virtctl's `create vm
 * --volume-pvc` (Ignore policy) are admitted as KubeVirt admits them. VMs are Halted: no guest.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "./kube";

const virtctlBin = join(resolve(__dirname, "../.."), ".local/bin/virtctl");

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-infer");
  await kubectlOk(["create", "-n", ns, "-f", "-"], [pvc("labelled", { "instancetype.kubevirt.io/default-instancetype": "u1.small", "instancetype.kubevirt.io/default-preference": "fedora" }), pvc("bare", {})].join("\n---\n"));
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

function pvc(name: string, labels: Record<string, string>): string {
  return JSON.stringify({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, labels }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Mi" } } } });
}

const vm = (name: string, claimName: string, matchers: string): string => `
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: ${name}}
spec:
  runStrategy: Halted
${matchers}
  template:
    spec:
      domain: {devices: {}}
      volumes:
      - {name: root, persistentVolumeClaim: {claimName: ${claimName}}}
`;
const inferBoth = "  instancetype: {inferFromVolume: root}\n  preference: {inferFromVolume: root}";

test("a PVC that does not exist is refused with KubeVirt's message and the field", async (t) => {
  const r = await kubectl(["create", "-n", ns, "-f", "-"], vm("nopvc", "nope", inferBoth));
  t.not(r.code, 0);
  t.regex(r.stderr, /spec\.instancetype\.inferFromVolume: persistentvolumeclaims "nope" not found/);
});

test("the PVC's labels become the VM's instancetype and preference, with their default kinds", async (t) => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], vm("inferred", "labelled", inferBoth));
  const spec = JSON.parse(await kubectlOk(["get", "vm", "inferred", "-n", ns, "-o", "jsonpath={.spec}"])) as Record<string, unknown>;
  t.deepEqual(spec.instancetype, { name: "u1.small", kind: "virtualmachineclusterinstancetype" });
  t.deepEqual(spec.preference, { name: "fedora", kind: "virtualmachineclusterpreference" });
  const r = await kubectl(["create", "-n", ns, "-f", "-"], vm("unlabelled", "bare", inferBoth));
  t.regex(r.stderr, /spec\.instancetype\.inferFromVolume: unable to find required instancetype\.kubevirt\.io\/default-instancetype label on the volume/);
});

test("upstream virtctl's create vm --volume-pvc: Ignore takes the labels and drops its memory, or drops the matchers when the PVC has none", async (t) => {
  if (!existsSync(virtctlBin)) return t.fail(`${virtctlBin} is missing: npm test's pretest builds it (bash hack/virtctl/build.sh)`);
  const create = (name: string, claim: string): Promise<string> =>
    new Promise((res, rej) => execFile(virtctlBin, ["create", "vm", `--name=${name}`, "--run-strategy=Halted", `--volume-pvc=src:${claim}`], { timeout: 30_000 }, (e, out, err) => (e ? rej(new Error(`virtctl create vm: ${err}`)) : res(out))));
  await kubectlOk(["create", "-n", ns, "-f", "-"], await create("fromlabels", "labelled"));
  const labelled = JSON.parse(await kubectlOk(["get", "vm", "fromlabels", "-n", ns, "-o", "jsonpath={.spec}"])) as { instancetype?: unknown; template: { spec: { domain: { memory?: unknown } } } };
  t.deepEqual(labelled.instancetype, { name: "u1.small", kind: "virtualmachineclusterinstancetype" });
  t.is(labelled.template.spec.domain.memory, undefined, "virtctl's fallback memory is dropped");
  await kubectlOk(["create", "-n", ns, "-f", "-"], await create("frombare", "bare"));
  const bare = JSON.parse(await kubectlOk(["get", "vm", "frombare", "-n", ns, "-o", "jsonpath={.spec}"])) as { instancetype?: unknown; preference?: unknown; template: { spec: { domain: { memory?: { guest?: string } } } } };
  t.is(bare.instancetype, undefined);
  t.is(bare.preference, undefined);
  t.truthy(bare.template.spec.domain.memory?.guest, "the memory virtctl wrote stays");
});
