/**
 * A bare VMI created while virt-handler restarts: its launcher pod asks for devices.kubevirt.io/tun,
 * which the kubelet refuses (UnexpectedAdmissionError) until the new handler has registered its
 * device plugins again. The VMI must still run: the controller makes another pod after a back-off
 * (src/controller/vmi/kubelet-refusal.ts). Whether the window is hit depends on timing, so the test
 * asserts the outcome and logs how many refusals it saw.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectlOk, requireCluster } from "../integration/kube";
import { waitFor, type List, type Obj } from "../integration/wait";

const BOOT_MS = 300_000; // a TCG guest on a loaded 2-core machine, behind a handler restart and back-offs

const vmi = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: refused
spec:
  terminationGracePeriodSeconds: 5
  domain:
    resources: {requests: {memory: 64M}}
    devices:
      disks: [{name: containerdisk, disk: {bus: virtio}}]
  volumes:
  - name: containerdisk
    containerDisk: {image: kubevirt/cirros-registry-disk-demo:devel}
`;

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("refusal");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const handlerReady = (ds: Obj | undefined): boolean => {
  const s = ds?.status ?? {};
  return s.desiredNumberScheduled > 0 && s.numberReady === s.desiredNumberScheduled && s.updatedNumberScheduled === s.desiredNumberScheduled;
};

test("a VMI created while virt-handler restarts runs: a pod the kubelet refused is replaced", async (t) => {
  await waitFor<Obj>(["get", "ds", "virt-handler", "-n", "kubevirt"], handlerReady, "virt-handler ready before the test");
  await kubectlOk(["delete", "pod", "-n", "kubevirt", "-l", "kubevirt.io=virt-handler", "--grace-period=0", "--force", "--wait=false"]);
  await kubectlOk(["apply", "-n", ns, "-f", "-"], vmi);

  const end = (await waitFor<Obj>(["get", "vmi", "refused", "-n", ns], (v) => ["Running", "Failed", "Succeeded"].includes(v?.status?.phase), "VMI refused Running", BOOT_MS))!;
  const events = JSON.parse(await kubectlOk(["get", "events", "-n", ns, "-o", "json"])) as { items: Array<{ reason?: string; message?: string }> };
  const refusals = events.items.filter((e) => e.reason === "UnexpectedAdmissionError" || /^OutOf/.test(e.reason ?? ""));
  t.log(`refusals seen: ${refusals.length}${refusals[0] ? ` (${refusals[0].message})` : ""}`);
  t.is(end.status?.phase, "Running", `the VMI ran (reason: ${end.status?.reason ?? "-"})`);

  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-o", "json"])) as List;
  t.is(pods.items.filter((p) => p.status?.phase === "Running").length, 1, "one running launcher pod");
  await waitFor<Obj>(["get", "ds", "virt-handler", "-n", "kubevirt"], handlerReady, "virt-handler ready again");
});
