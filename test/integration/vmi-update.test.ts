/**
 * A VMI's spec is immutable after creation (as in KubeVirt), through the real API server and the
 * module's webhook: a user's spec change is refused naming the field; metadata changes pass, and
 * so do the controller's own writes (its finalizer lands on the VMI).
 */
import test from "ava";
import { parse, stringify } from "yaml";
import { deleteNamespace, fixture, freshNamespace, kubectl, kubectlOk, requireCluster, neverScheduled } from "./kube";

let ns = "";

test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-vmi-update");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test("a user's spec change is refused; labels and the controller's finalizer pass", async (t) => {
  const vmi = parse(neverScheduled(fixture("vmi-valid.yaml"))) as Record<string, unknown>;
  await kubectlOk(["create", "-n", ns, "-f", "-"], stringify(vmi));
  let finalizers = "";
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && !finalizers.includes("foregroundDeleteVirtualMachine"); await sleep(1000)) {
    finalizers = (await kubectl(["get", "vmi", "vmi-valid", "-n", ns, "-o", "jsonpath={.metadata.finalizers}"])).stdout;
  }
  t.regex(finalizers, /foregroundDeleteVirtualMachine/, "the controller's metadata patch was admitted");
  const label = await kubectl(["label", "vmi", "vmi-valid", "-n", ns, "purpose=update-test"]);
  t.is(label.code, 0, label.stderr);
  const patch = await kubectl(["patch", "vmi", "vmi-valid", "-n", ns, "--type", "merge", "-p", JSON.stringify({ spec: { domain: { resources: { requests: { memory: "128Mi" } } } } })]);
  t.not(patch.code, 0, patch.stdout);
  t.regex(patch.stderr, /spec\.domain: a VirtualMachineInstance's spec cannot change after creation/);
});

test("a user may neither set nor change the platform's reserved kubevirt.io/ labels on a VMI", async (t) => {
  const vmi = parse(neverScheduled(fixture("vmi-valid.yaml"))) as { metadata: { name: string; labels?: Record<string, string> } };
  vmi.metadata.name = "reserved-labels";
  const pinned = { ...vmi, metadata: { ...vmi.metadata, labels: { ...vmi.metadata.labels, "kubevirt.io/nodeName": "some-node" } } };
  const create = await kubectl(["create", "-n", ns, "-f", "-"], stringify(pinned));
  t.not(create.code, 0, create.stdout);
  t.regex(create.stderr, /metadata\.labels\[kubevirt\.io\/nodeName\]: creation of the following reserved kubevirt\.io\/ labels on a VMI object is prohibited/);
  await kubectlOk(["create", "-n", ns, "-f", "-"], stringify(vmi));
  const relabel = await kubectl(["label", "vmi", "reserved-labels", "-n", ns, "kubevirt.io/nodeName=elsewhere"]);
  t.not(relabel.code, 0, relabel.stdout);
  t.regex(relabel.stderr, /modification of the following reserved kubevirt\.io\/ labels on a VMI object is prohibited: kubevirt\.io\/nodeName/);
});
