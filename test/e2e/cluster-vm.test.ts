/**
 * The seed article on the local cluster, end to end: real launcher pods, libvirt and QEMU guests,
 * driven by virt-controller and virt-handler, observed only through kubectl and the machine's processes.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { deleteNamespace, fixture, freshNamespace, kubectl, kubectlOk, requireCluster } from "../integration/kube";
import { waitFor, type List, type Obj } from "../integration/wait";

const exec = promisify(execFile);
const seed = fixture("seed-example-vm.yaml"); // the seed article's manifest, unmodified (a copy kept with the tests)

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("e2e-vm");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

/** QEMU processes on this machine running a domain of this namespace (libvirt names them <ns>_<vmi>). */
async function qemuOf(vmi: string): Promise<string[]> {
  const { stdout } = await exec("ps", ["-eo", "pid,args"]);
  return stdout.split("\n").filter((l) => /qemu-system/.test(l) && l.includes(`guest=${ns}_${vmi}`));
}

async function consoleLog(vmiUid: string): Promise<string> {
  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${vmiUid}`, "-o", "json"])) as List;
  const pod = pods.items[0];
  if (!pod) return "";
  const r = await kubectl(["logs", "-n", ns, pod.metadata.name, "-c", "guest-console-log"]);
  return r.stdout;
}

const ready = (v: Obj | undefined): boolean => v?.status?.printableStatus === "Running" && v.status.ready === true;

test.serial("the seed's VM, unmodified: Running and READY, its console says myvm; Halted and Always stop and start it; deleting it leaves nothing", async (t) => {
  await kubectlOk(["apply", "-n", ns, "-f", "-"], seed);
  await waitFor<Obj>(["get", "vm", "myvm", "-n", ns], ready, "the seed VM Running and ready", 180_000);
  const vmi = (await waitFor<Obj>(["get", "vmi", "myvm", "-n", ns], (v) => v?.status?.phase === "Running", "VMI Running"))!;
  t.truthy(vmi.status?.nodeName);
  t.is(vmi.metadata.labels?.["kubevirt.io/nodeName"], vmi.status?.nodeName);
  t.regex(await kubectlOk(["get", "vm", "myvm", "-n", ns, "--no-headers"]), /^myvm\s+\S+\s+Running\s+True\s*$/);
  let log = "";
  for (let i = 0; i < 120 && !/myvm/.test(log); i++) {
    log = await consoleLog(vmi.metadata.uid);
    if (!/myvm/.test(log)) await new Promise((r) => setTimeout(r, 1000));
  }
  t.regex(log, /myvm/, "the guest's console (kubectl logs -c guest-console-log) shows its hostname");
  t.is((await qemuOf("myvm")).length, 1, "one QEMU runs the VM");

  await kubectlOk(["patch", "vm", "myvm", "-n", ns, "--type", "merge", "-p", '{"spec":{"runStrategy":"Halted"}}']);
  await waitFor<Obj>(["get", "vm", "myvm", "-n", ns], (v) => v?.status?.printableStatus === "Stopped", "VM Stopped after Halted", 120_000);
  t.deepEqual(await qemuOf("myvm"), []);
  await kubectlOk(["patch", "vm", "myvm", "-n", ns, "--type", "merge", "-p", '{"spec":{"runStrategy":"Always"}}']);
  await waitFor<Obj>(["get", "vm", "myvm", "-n", ns], ready, "VM Running again after Always", 180_000);

  await kubectlOk(["delete", "vm", "myvm", "-n", ns, "--wait=false"]);
  await waitFor<Obj>(["get", "vmi", "myvm", "-n", ns], (v) => v === undefined, "VMI gone", 120_000);
  await waitFor<List>(["get", "pods", "-n", ns, "-l", "kubevirt.io=virt-launcher"], (l) => l?.items.length === 0, "launcher pod gone", 120_000);
  t.deepEqual(await qemuOf("myvm"), [], "no QEMU left");
  const libvirtds = (await exec("ps", ["-eo", "args"])).stdout.split("\n").filter((l) => l.startsWith("libvirtd") || l.includes("/libvirtd "));
  t.true(libvirtds.every((l) => !l.includes(ns)), "no libvirtd of the VM left");
});

test.serial("a VMI replica set of real guests follows kubectl scale 0 → 3 → 1", async (t) => {
  const rs = fixture("vmirs-valid.yaml").replace(/image: .*/, "image: kubevirt/cirros-registry-disk-demo:devel");
  await kubectlOk(["create", "-n", ns, "-f", "-"], rs);
  await kubectlOk(["scale", "vmirs", "vmirs-valid", "-n", ns, "--replicas=3"]);
  await waitFor<Obj>(["get", "vmirs", "vmirs-valid", "-n", ns], (r) => r?.status?.readyReplicas === 3, "3 ready replicas", 300_000);
  await kubectlOk(["scale", "vmirs", "vmirs-valid", "-n", ns, "--replicas=1"]);
  await waitFor<List>(["get", "vmi", "-n", ns, "-l", "app=vmirs-valid"], (l) => l?.items.length === 1, "one VMI left", 180_000);
  const r = await waitFor<Obj>(["get", "vmirs", "vmirs-valid", "-n", ns], (x) => x?.status?.replicas === 1 && x.status.readyReplicas === 1, "status 1/1");
  t.is(r!.status?.readyReplicas, 1);
  await kubectlOk(["scale", "vmirs", "vmirs-valid", "-n", ns, "--replicas=0"]);
  await waitFor<List>(["get", "pods", "-n", ns, "-l", "kubevirt.io=virt-launcher"], (l) => l?.items.length === 0, "all launcher pods gone", 180_000);
});
