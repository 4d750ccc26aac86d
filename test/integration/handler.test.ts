/**
 * virt-handler on the real node, with the controller making launcher pods: a VMI is started through
 * its launcher's command socket and reported Running and Ready; a handler restart leaves the VM's
 * QEMU untouched and the new handler carries on; a QEMU crash ends the VMI Failed (QEMUCrashed); a
 * deleted VMI gets an ACPI shutdown and, ignoring it, is destroyed after its grace period.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "./kube";
import { HANDLER_NS, vmiManifest, waitHandlerReady } from "./handler-fixtures";
import { waitFor, type List, type Obj } from "./wait";

let ns = "";
test.before(async () => {
  await requireCluster();
  await waitHandlerReady();
  ns = await freshNamespace("it-handler");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

/**
 * The end of a deleted VMI whose guest ignores ACPI: the handler's ShuttingDown, then a destroy at
 * the grace deadline, by the handler (Killed) or by the launcher's own deadline on its pod's SIGTERM
 * (the handler then reports Stopped), whichever comes first.
 */
function deletedAsContracted(t: { true: (v: boolean, m?: string) => void }, reasons: string[]): void {
  t.true(reasons.includes("ShuttingDown"), reasons.join(","));
  t.true(reasons.includes("Killed") || reasons.includes("Stopped"), reasons.join(","));
}

const ready = (v: Obj | undefined): string | undefined => (v?.status?.conditions as Array<{ type: string; status: string }> | undefined)?.find((c) => c.type === "Ready")?.status;

async function runningVmi(name: string, grace: number): Promise<Obj> {
  await kubectlOk(["create", "-n", ns, "-f", "-"], vmiManifest(name, grace));
  return (await waitFor<Obj>(["get", "vmi", name, "-n", ns], (v) => v?.status?.phase === "Running" && ready(v) === "True", `VMI ${name} Running and Ready`, 180_000))!;
}

async function launcherPod(vmi: Obj): Promise<string> {
  const list = await waitFor<List>(["get", "pods", "-n", ns, "-l", `kubevirt.io=virt-launcher,kubevirt.io/created-by=${vmi.metadata.uid}`], (l) => (l?.items.length ?? 0) > 0, "launcher pod");
  return list!.items[0]!.metadata.name;
}

/** The pid of the launcher's QEMU, as seen in the pod's shared PID namespace. */
async function qemuPid(pod: string): Promise<string> {
  return (await kubectlOk(["exec", "-n", ns, pod, "-c", "compute", "--", "pgrep", "-f", "qemu-system"])).trim();
}

async function eventReasons(name: string): Promise<string[]> {
  const out = await kubectlOk(["get", "events", "-n", ns, "--field-selector", `involvedObject.kind=VirtualMachineInstance,involvedObject.name=${name},source=virt-handler`, "-o", "jsonpath={.items[*].reason}"]);
  return out.split(/\s+/).filter(Boolean);
}

/** Whether the VMI gets an Event with this reason within 20 s (it is recorded just after the status it reports). */
async function eventRecorded(name: string, reason: string): Promise<boolean> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    if ((await eventReasons(name)).includes(reason)) return true;
  }
  return false;
}

test.serial("a VMI on the node: synced, Running and Ready, Started recorded", async (t) => {
  const vmi = await runningVmi("started", 3);
  t.is(vmi.status?.nodeName, "kubevirt-ts-node");
  const pod = await launcherPod(vmi);
  t.regex(await qemuPid(pod), /^\d+$/);
  t.true(await eventRecorded("started", "Started"));
  const row = await kubectlOk(["get", "vmi", "started", "-n", ns, "--no-headers"]);
  t.regex(row, /^started\s+\S+\s+Running\s+.*kubevirt-ts-node\s+True\s*$/);
});

test.serial("a handler restart never stops a VM: same QEMU, and the new handler drives it", async (t) => {
  const vmi = await runningVmi("readopted", 3);
  const pod = await launcherPod(vmi);
  const before = await qemuPid(pod);
  const handlerPods = (await kubectlOk(["get", "pods", "-n", HANDLER_NS, "-l", "kubevirt.io=virt-handler", "-o", "jsonpath={.items[*].metadata.name}"])).split(/\s+/).filter(Boolean);
  await kubectlOk(["delete", "pod", "-n", HANDLER_NS, ...handlerPods, "--wait=true", "--timeout=60s"]);
  const isReady = (p: Obj): boolean => (p.status?.conditions as Array<{ type: string; status: string }> | undefined)?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
  await waitFor<List>(["get", "pods", "-n", HANDLER_NS, "-l", "kubevirt.io=virt-handler"], (l) => (l?.items ?? []).some((p) => !handlerPods.includes(p.metadata.name) && isReady(p)), "a new virt-handler pod ready", 180_000);
  t.is(await qemuPid(pod), before, "QEMU kept running across the handler restart");
  const after = await waitFor<Obj>(["get", "vmi", "readopted", "-n", ns], (v) => v?.status?.phase === "Running", "VMI still Running");
  t.is(ready(after), "True");
  // The new handler re-adopted the launcher: it follows the deletion to the domain's end. Whether it
  // or the launcher (SIGTERM of the pod the controller deletes at once, as KubeVirt's does) starts
  // the ACPI shutdown is a race a freshly restarted handler may lose, so ShuttingDown is optional here.
  await kubectlOk(["delete", "vmi", "readopted", "-n", ns, "--wait=false"]);
  await waitFor<Obj>(["get", "vmi", "readopted", "-n", ns], (v) => v === undefined, "VMI gone", 120_000);
  const ended = (await eventRecorded("readopted", "Stopped")) || (await eventRecorded("readopted", "Killed"));
  t.true(ended, (await eventReasons("readopted")).join(","));
});

test.serial("QEMU crashing: the VMI Failed with reason QEMUCrashed", async (t) => {
  const vmi = await runningVmi("crashing", 3);
  const pod = await launcherPod(vmi);
  await kubectlOk(["exec", "-n", ns, pod, "-c", "compute", "--", "pkill", "-KILL", "-f", "qemu-system"]);
  const failed = await waitFor<Obj>(["get", "vmi", "crashing", "-n", ns], (v) => v?.status?.phase === "Failed", "VMI Failed");
  t.is(failed!.status?.reason, "QEMUCrashed");
  t.is(ready(failed), "False");
  t.true(await eventRecorded("crashing", "QEMUCrashed"));
});

test.serial("deleting a VMI: ACPI shutdown, destroy after the grace period, then the VMI and its pod are gone", async (t) => {
  const vmi = await runningVmi("deleted", 2);
  const pod = await launcherPod(vmi);
  await kubectlOk(["delete", "vmi", "deleted", "-n", ns, "--wait=false"]);
  await waitFor<Obj>(["get", "vmi", "deleted", "-n", ns], (v) => v === undefined, "VMI gone", 120_000);
  await waitFor<Obj>(["get", "pod", pod, "-n", ns], (p) => p === undefined, "launcher pod gone", 120_000);
  deletedAsContracted(t, await eventReasons("deleted"));
  t.is((await kubectl(["get", "vmi", "-n", ns, "-o", "name"])).stdout.includes("vmi/deleted"), false);
});
