/** The CRDs as the real API server serves them: established, explained, printed. */
import test from "ava";
import { deleteNamespace, fixture, freshNamespace, kubectl, kubectlOk, neverScheduled, requireCluster } from "./kube";

const CRDS = [
  "virtualmachines.kubevirt.io",
  "virtualmachineinstances.kubevirt.io",
  "virtualmachineinstancereplicasets.kubevirt.io",
];
let ns = "";

test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-crds");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

for (const crd of CRDS) {
  test(`CRD ${crd} is established`, async t => {
    const obj = JSON.parse(await kubectlOk(["get", "crd", crd, "-o", "json"])) as {
      status?: { conditions?: { type: string; status: string }[] };
    };
    const established = obj.status?.conditions?.find(c => c.type === "Established");
    t.is(established?.status, "True");
  });
}

test("kubectl explain vmi.spec.domain.devices.disks works", async t => {
  const r = await kubectl(["explain", "vmi.spec.domain.devices.disks"]);
  t.is(r.code, 0, r.stderr);
  t.regex(r.stdout, /KIND:\s+VirtualMachineInstance/);
  t.regex(r.stdout, /FIELD:\s+disks/);
});

test("kubectl get vm,vmi,vmirs shows the printer columns", async t => {
  for (const file of ["vm-valid.yaml", "vmi-valid.yaml", "vmirs-valid.yaml"]) {
    await kubectlOk(["create", "-n", ns, "-f", "-"], neverScheduled(fixture(file)));
  }
  const out = await kubectlOk(["get", "vm,vmi,vmirs", "-n", ns]);
  const headers = out.split("\n").filter(l => l.startsWith("NAME")).map(l => l.trim().split(/\s+/));
  t.deepEqual(headers, [
    ["NAME", "AGE", "STATUS", "READY"],
    ["NAME", "AGE", "PHASE", "IP", "NODENAME", "READY"],
    ["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
  ], out);
  t.regex(out, /virtualmachine\.kubevirt\.io\/vm-valid/);
  t.regex(out, /virtualmachineinstance\.kubevirt\.io\/vmi-valid/);
  t.regex(out, /virtualmachineinstancereplicaset\.kubevirt\.io\/vmirs-valid/);
});
