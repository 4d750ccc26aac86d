/** Status is a subresource: users cannot write it through the main resource. */
import test from "ava";
import { deleteNamespace, fixture, freshNamespace, kubectl, kubectlOk, neverScheduled, requireCluster } from "./kube";

let ns = "";

test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-status");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

interface Vmi {
  status?: { phase?: string };
}

test("a status written through the main resource is ignored; /status serves it", async t => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], neverScheduled(fixture("vmi-valid.yaml")));
  const patch = JSON.stringify({ status: { phase: "Succeeded", nodeName: "forged-node" } });
  await kubectlOk(["patch", "vmi", "vmi-valid", "-n", ns, "--type", "merge", "-p", patch]);
  const vmi = JSON.parse(await kubectlOk(["get", "vmi", "vmi-valid", "-n", ns, "-o", "json"])) as Vmi;
  t.not(vmi.status?.phase, "Succeeded");
  const path = `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances/vmi-valid/status`;
  const r = await kubectl(["get", "--raw", path]);
  t.is(r.code, 0, r.stderr);
});

test("the status subresource is declared for every kind", async t => {
  for (const crd of ["virtualmachines", "virtualmachineinstances", "virtualmachineinstancereplicasets"]) {
    const out = await kubectlOk(["get", "crd", `${crd}.kubevirt.io`, "-o", "jsonpath={.spec.versions[*].subresources}"]);
    t.regex(out, /"status":\{\}/, crd);
  }
});
