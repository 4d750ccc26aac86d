/**
 * virt-controller on the real API server, without running guests: launcher pods are kept off the
 * node by a node selector no node has, so every step up to Scheduling is observed as KubeVirt shapes it.
 */
import test from "ava";
import { deleteNamespace, fixture, freshNamespace, kubectl, kubectlOk, neverScheduled, requireCluster } from "./kube";
import { waitFor, type List, type Obj } from "./wait";

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-controller");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const vm = (name: string, runStrategy: string): string =>
  neverScheduled(fixture("vm-valid.yaml").replace(/vm-valid/g, name).replace("runStrategy: Halted", `runStrategy: ${runStrategy}`));
const launcherPods = (vmiUid: string) => ["get", "pods", "-n", ns, "-l", `kubevirt.io=virt-launcher,kubevirt.io/created-by=${vmiUid}`];

test("a VM that no node can take: VMI Scheduling with PodScheduled False, the VM ErrorUnschedulable in kubectl get", async (t) => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], vm("unschedulable", "Always"));
  const vmi = await waitFor<Obj>(["get", "vmi", "unschedulable", "-n", ns], (v) => v?.status?.phase === "Scheduling", "VMI Scheduling");
  t.true(vmi!.metadata.ownerReferences?.some((o) => o.kind === "VirtualMachine" && o.name === "unschedulable"));
  await waitFor<Obj>(["get", "vm", "unschedulable", "-n", ns], (v) => v?.status?.printableStatus === "ErrorUnschedulable", "VM ErrorUnschedulable");
  const row = await kubectlOk(["get", "vm", "unschedulable", "-n", ns, "--no-headers"]);
  t.regex(row, /^unschedulable\s+\S+\s+ErrorUnschedulable\s+False\s*$/);
  const vmiRow = await kubectlOk(["get", "vmi", "unschedulable", "-n", ns, "--no-headers"]);
  t.regex(vmiRow, /^unschedulable\s+\S+\s+Scheduling\s+False\s*$/);
});

test("the launcher pod is shaped as KubeVirt's: name, labels, owner, containers, memory with overhead", async (t) => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], vm("shaped", "Always"));
  const vmi = await waitFor<Obj>(["get", "vmi", "shaped", "-n", ns], (v) => v?.status?.phase === "Scheduling", "VMI Scheduling");
  const pods = (await waitFor<List>(launcherPods(vmi!.metadata.uid), (l) => (l?.items.length ?? 0) > 0, "launcher pod"))!.items;
  t.is(pods.length, 1);
  const pod = pods[0]!;
  t.regex(pod.metadata.name, /^virt-launcher-shaped-[a-z0-9]{5}$/);
  t.like(pod.metadata.labels, { "kubevirt.io": "virt-launcher", "kubevirt.io/created-by": vmi!.metadata.uid, "kubevirt.io/vm": "shaped" });
  t.like(pod.metadata.ownerReferences?.[0], { kind: "VirtualMachineInstance", name: "shaped", uid: vmi!.metadata.uid });
  const containers = (pod.spec!.containers as Array<{ name: string; resources: { requests: Record<string, string> } }>).map((c) => c.name);
  t.deepEqual(containers, ["compute", "guest-console-log", "volumerootdisk"]);
  const compute = (pod.spec!.containers as Array<{ name: string; resources: { requests: Record<string, string> } }>)[0]!;
  const mi = Number(/^(\d+)Mi$/.exec(compute.resources.requests.memory!)?.[1]);
  t.true(mi > 64 + 200 && mi < 64 + 600, `memory request ${compute.resources.requests.memory} = 64Mi guest + overhead`);
  t.is(pod.spec!.shareProcessNamespace, true);
  t.true(((await kubectlOk(["get", "vmi", "shaped", "-n", ns, "-o", "jsonpath={.metadata.finalizers}"])) as string).includes("foregroundDeleteVirtualMachine"));
});

test("runStrategy Halted → Always → Halted by kubectl patch starts and stops the VMI, with Events", async (t) => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], vm("toggle", "Halted"));
  await waitFor<Obj>(["get", "vm", "toggle", "-n", ns], (v) => v?.status?.printableStatus === "Stopped", "VM Stopped");
  t.is((await kubectl(["get", "vmi", "toggle", "-n", ns])).code, 1, "a Halted VM has no VMI");
  await kubectlOk(["patch", "vm", "toggle", "-n", ns, "--type", "merge", "-p", '{"spec":{"runStrategy":"Always"}}']);
  const vmi = await waitFor<Obj>(["get", "vmi", "toggle", "-n", ns], (v) => v?.status?.phase === "Scheduling", "VMI after Always");
  await waitFor<Obj>(["get", "vm", "toggle", "-n", ns], (v) => v?.status?.created === true && v.status.printableStatus === "ErrorUnschedulable", "VM created");
  await kubectlOk(["patch", "vm", "toggle", "-n", ns, "--type", "merge", "-p", '{"spec":{"runStrategy":"Halted"}}']);
  await waitFor<Obj>(["get", "vmi", "toggle", "-n", ns], (v) => v === undefined, "VMI gone after Halted");
  await waitFor<List>(launcherPods(vmi!.metadata.uid), (l) => l?.items.length === 0, "launcher pod gone");
  await waitFor<Obj>(["get", "vm", "toggle", "-n", ns], (v) => v?.status?.printableStatus === "Stopped" && v.status.created === undefined, "VM Stopped again");
  const events = await kubectlOk(["get", "events", "-n", ns, "--field-selector", "involvedObject.name=toggle", "-o", "jsonpath={range .items[*]}{.reason}{\"\\n\"}{end}"]);
  for (const reason of ["SuccessfulCreate", "SuccessfulDelete"]) t.regex(events, new RegExp(`^${reason}$`, "m"));
});

test("the launcher pod deleted: the VMI fails; Always makes a new one, Once does not", async (t) => {
  for (const [name, strategy] of [["always", "Always"], ["once", "Once"]] as const) {
    await kubectlOk(["create", "-n", ns, "-f", "-"], vm(name, strategy));
  }
  for (const [name, restarts] of [["always", true], ["once", false]] as const) {
    const first = await waitFor<Obj>(["get", "vmi", name, "-n", ns], (v) => v?.status?.phase === "Scheduling", `${name}: VMI Scheduling`);
    const pods = (await waitFor<List>(launcherPods(first!.metadata.uid), (l) => (l?.items.length ?? 0) > 0, "launcher pod"))!.items;
    await kubectlOk(["delete", "pod", "-n", ns, pods[0]!.metadata.name, "--wait=false"]);
    if (restarts) {
      const next = await waitFor<Obj>(["get", "vmi", name, "-n", ns], (v) => v !== undefined && v.metadata.uid !== first!.metadata.uid, `${name}: a new VMI`, 120_000);
      t.not(next!.metadata.uid, first!.metadata.uid);
    } else {
      const failed = await waitFor<Obj>(["get", "vmi", name, "-n", ns], (v) => v?.status?.phase === "Failed", `${name}: VMI Failed`);
      t.is(failed!.metadata.uid, first!.metadata.uid);
      t.is(failed!.status?.reason, "PodDeleted");
      await waitFor<Obj>(["get", "vm", name, "-n", ns], (v) => v?.status?.printableStatus === "Stopped", `${name}: VM Stopped`);
    }
  }
});

test("VMI replica set: kubectl scale 0 → 3 → 1 is followed, with replicas in status", async (t) => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], neverScheduled(fixture("vmirs-valid.yaml")));
  const owned = async (): Promise<Obj[]> => ((JSON.parse(await kubectlOk(["get", "vmi", "-n", ns, "-l", "app=vmirs-valid", "-o", "json"])) as List).items).filter((v) => !v.metadata.deletionTimestamp);
  await kubectlOk(["scale", "vmirs", "vmirs-valid", "-n", ns, "--replicas=3"]);
  await waitFor<Obj>(["get", "vmirs", "vmirs-valid", "-n", ns], (r) => r?.status?.replicas === 3, "3 replicas");
  t.is((await owned()).length, 3);
  await kubectlOk(["scale", "vmirs", "vmirs-valid", "-n", ns, "--replicas=1"]);
  await waitFor<Obj>(["get", "vmirs", "vmirs-valid", "-n", ns], (r) => r?.status?.replicas === 1, "1 replica");
  await waitFor<List>(["get", "vmi", "-n", ns, "-l", "app=vmirs-valid"], (l) => l?.items.length === 1, "2 VMIs gone", 120_000);
  const row = await kubectlOk(["get", "vmirs", "vmirs-valid", "-n", ns, "--no-headers"]);
  t.regex(row, /^vmirs-valid\s+1\s+1\s+0\s+/);
});
