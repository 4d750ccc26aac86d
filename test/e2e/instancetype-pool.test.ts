/**
 * Instancetypes, preferences and pools on the local cluster (issue 13): a VM sized by u1.small with
 * the cirros preference boots with that CPU and memory; its ControllerRevision holds after the
 * instancetype is edited; conflicts are denied at admission with the field path; a missing
 * instancetype is a Failure condition and no VMI; GPUs leave the VM unschedulable; a pool of 3
 * scales to 1. Everything is observed through kubectl and the machine's processes.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { stringify } from "yaml";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "../integration/kube";
import { waitFor, type List, type Obj } from "../integration/wait";

const exec = promisify(execFile);
const DISK = "kubevirt/cirros-registry-disk-demo:devel";
const NEVER_SCHEDULED = { "kubevirt-ts.io/test-never-scheduled": "true" };

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("e2e-inst");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const vmManifest = (name: string, spec: Record<string, unknown>, template: Record<string, unknown> = {}): string =>
  stringify({
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachine",
    metadata: { name },
    spec: {
      runStrategy: "Always",
      ...spec,
      template: { spec: { domain: { devices: {} }, volumes: [{ name: "root", containerDisk: { image: DISK } }], ...template } },
    },
  });

/** The QEMU process of a VMI of this namespace (libvirt names the domain <ns>_<vmi>). */
async function qemuArgs(vmi: string): Promise<string | undefined> {
  const { stdout } = await exec("ps", ["-eo", "args"], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split("\n").find((l) => /qemu-system/.test(l) && l.includes(`guest=${ns}_${vmi}`));
}

test.serial("a VM with instancetype u1.small and preference cirros boots with 1 vCPU and 2Gi; its revisions are in status", async (t) => {
  await kubectlOk(["apply", "-n", ns, "-f", "-"], vmManifest("sized", { instancetype: { name: "u1.small" }, preference: { name: "cirros" } }));
  const vmi = (await waitFor<Obj>(["get", "vmi", "sized", "-n", ns], (v) => v?.status?.phase === "Running", "the u1.small VMI Running", 300_000))!;
  t.like(vmi.spec!.domain.cpu, { sockets: 1, cores: 1, threads: 1 });
  t.is(vmi.spec!.domain.memory.guest, "2Gi");
  t.is(vmi.spec!.domain.devices.disks[0].disk.bus, "virtio", "the cirros preference's disk bus");
  const vm = (await waitFor<Obj>(["get", "vm", "sized", "-n", ns], (v) => v?.status?.preferenceRef?.controllerRevisionRef?.name !== undefined, "revisions recorded"))!;
  t.is(vm.spec!.instancetype.kind, "virtualmachineclusterinstancetype", "the matcher's kind defaulted at admission");
  t.is(vm.spec!.instancetype.revisionName, undefined, "the revision is recorded in status, not spec (KubeVirt v1.6)");
  const revision = vm.status!.instancetypeRef.controllerRevisionRef.name as string;
  const cr = JSON.parse(await kubectlOk(["get", "controllerrevision", revision, "-n", ns, "-o", "json"])) as { data: { spec: unknown } };
  t.deepEqual(cr.data.spec, { cpu: { guest: 1 }, memory: { guest: "2Gi" } });
  const args = await waitForValue(() => qemuArgs("sized"), "the VM's QEMU process");
  t.regex(args, /-m (size=2097152k|2048)\b/, "QEMU gets 2Gi");
  t.regex(args, /-smp 1[,\s]/, "QEMU gets 1 vCPU");
  const log = await waitForValue(async () => {
    const pod = (JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${vmi.metadata.uid}`, "-o", "json"])) as List).items[0];
    const out = pod ? (await kubectl(["logs", "-n", ns, pod.metadata.name, "-c", "guest-console-log"])).stdout : "";
    return /sized/.test(out) ? out : undefined;
  }, "the guest's console to show its hostname", 300_000);
  t.regex(log, /sized/, "the guest booted");
  await kubectlOk(["delete", "vm", "sized", "-n", ns, "--wait=false"]);
});

test.serial("an instancetype edited after the first start does not change the restarted VM", async (t) => {
  const it = (memory: string): string =>
    stringify({ apiVersion: "instancetype.kubevirt.io/v1beta1", kind: "VirtualMachineInstancetype", metadata: { name: "tiny" }, spec: { cpu: { guest: 2 }, memory: { guest: memory } } });
  await kubectlOk(["apply", "-n", ns, "-f", "-"], it("128Mi"));
  // Never scheduled: only the VMI spec matters here, no guest needs to boot.
  await kubectlOk(["apply", "-n", ns, "-f", "-"], vmManifest("pinned", { instancetype: { name: "tiny", kind: "VirtualMachineInstancetype" } }, { nodeSelector: NEVER_SCHEDULED }));
  const first = (await waitFor<Obj>(["get", "vmi", "pinned", "-n", ns], (v) => v !== undefined, "the first VMI"))!;
  t.is(first.spec!.domain.memory.guest, "128Mi");
  t.like(first.spec!.domain.cpu, { sockets: 2, cores: 1, threads: 1 });
  await kubectlOk(["apply", "-n", ns, "-f", "-"], it("256Mi"));
  await kubectlOk(["patch", "vm", "pinned", "-n", ns, "--type", "merge", "-p", '{"spec":{"runStrategy":"Halted"}}']);
  await waitFor<Obj>(["get", "vmi", "pinned", "-n", ns], (v) => v === undefined, "the VMI gone after Halted", 180_000);
  await kubectlOk(["patch", "vm", "pinned", "-n", ns, "--type", "merge", "-p", '{"spec":{"runStrategy":"Always"}}']);
  const second = (await waitFor<Obj>(["get", "vmi", "pinned", "-n", ns], (v) => v !== undefined && v.metadata.uid !== first.metadata.uid, "the restarted VMI"))!;
  t.is(second.spec!.domain.memory.guest, "128Mi", "the revision holds");
  await kubectlOk(["delete", "vm", "pinned", "-n", ns, "--wait=false"]);
});

test.serial("CPU and memory the instancetype provides are denied at admission with the field path", async (t) => {
  const r = await kubectl(["apply", "-n", ns, "--dry-run=server", "-f", "-"], vmManifest("clash", { instancetype: { name: "u1.small" } }, { domain: { devices: {}, cpu: { sockets: 2 }, memory: { guest: "1Gi" } } }));
  t.not(r.code, 0);
  t.regex(r.stderr, /spec\.template\.spec\.domain\.cpu\.sockets: VM field\(s\) spec\.template\.spec\.domain\.cpu\.sockets conflicts with selected instance type/);
  t.regex(r.stderr, /spec\.template\.spec\.domain\.memory: VM field\(s\) spec\.template\.spec\.domain\.memory conflicts with selected instance type/);
  const pref = stringify({ apiVersion: "instancetype.kubevirt.io/v1beta1", kind: "VirtualMachinePreference", metadata: { name: "odd" }, spec: { cpu: { preferredCPUTopology: "hexagons" } } });
  const p = await kubectl(["apply", "-n", ns, "--dry-run=server", "-f", "-"], pref);
  t.regex(p.stderr, /spec\.cpu\.preferredCPUTopology: unknown preferredCPUTopology hexagons/);
});

test.serial("a missing instancetype: Failure condition FailedFindInstancetype and no VMI", async (t) => {
  await kubectlOk(["apply", "-n", ns, "-f", "-"], vmManifest("orphan", { instancetype: { name: "no-such-size" } }));
  const failure = await failureWithoutVmi("orphan");
  t.like(failure, { status: "True", reason: "FailedFindInstancetype", message: 'virtualmachineclusterinstancetypes.instancetype.kubevirt.io "no-such-size" not found' });
});

test.serial("dataVolumeTemplates without CDI: Failure condition FailedCreateDataVolume naming CDI, and no VMI", async (t) => {
  const vm = stringify({
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachine",
    metadata: { name: "dv" },
    spec: {
      runStrategy: "Always",
      dataVolumeTemplates: [{ metadata: { name: "dv-root" }, spec: { storage: { resources: { requests: { storage: "1Gi" } } }, source: { blank: {} } } }],
      template: { spec: { domain: { devices: {}, resources: { requests: { memory: "128Mi" } } }, volumes: [{ name: "root", dataVolume: { name: "dv-root" } }] } },
    },
  });
  await kubectlOk(["apply", "-n", ns, "-f", "-"], vm);
  const failure = await failureWithoutVmi("dv");
  t.is(failure.reason, "FailedCreateDataVolume");
  t.regex(failure.message ?? "", /dv-root: CDI \(cdi\.kubevirt\.io\/v1beta1\) is not installed/);
});

test.serial("a GPU no node has leaves the VM ErrorUnschedulable, naming the missing resource", async (t) => {
  await kubectlOk(["apply", "-n", ns, "-f", "-"], vmManifest("gpu", {}, { domain: { devices: { gpus: [{ name: "gpu1", deviceName: "nvidia.com/GP102GL_Tesla_P40" }] }, resources: { requests: { memory: "128Mi" } } } }));
  await waitFor<Obj>(["get", "vm", "gpu", "-n", ns], (v) => v?.status?.printableStatus === "ErrorUnschedulable", "ErrorUnschedulable", 120_000);
  const vmi = (await waitFor<Obj>(["get", "vmi", "gpu", "-n", ns], (v) => v !== undefined, "the VMI"))!;
  const scheduled = (vmi.status?.conditions ?? []).find((c: { type: string }) => c.type === "PodScheduled");
  t.regex(scheduled?.message ?? "", /Insufficient nvidia\.com\/GP102GL_Tesla_P40/);
  await kubectlOk(["delete", "vm", "gpu", "-n", ns, "--wait=false"]);
});

test.serial("a pool of 3 runs web-0, web-1, web-2 and follows kubectl scale to 1", async (t) => {
  const pool = stringify({
    apiVersion: "pool.kubevirt.io/v1alpha1",
    kind: "VirtualMachinePool",
    metadata: { name: "web" },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      virtualMachineTemplate: {
        metadata: { labels: { app: "web" } },
        spec: {
          runStrategy: "Always",
          template: { metadata: { labels: { app: "web" } }, spec: { domain: { devices: {}, resources: { requests: { memory: "128Mi" } } }, volumes: [{ name: "root", containerDisk: { image: DISK } }] } },
        },
      },
    },
  });
  await kubectlOk(["apply", "-n", ns, "-f", "-"], pool);
  await waitFor<Obj>(["get", "vmpool", "web", "-n", ns], (p) => p?.status?.readyReplicas === 3, "3 ready VMs", 600_000);
  const names = (JSON.parse(await kubectlOk(["get", "vm", "-n", ns, "-l", "app=web", "-o", "json"])) as List).items.map((v) => v.metadata.name).sort();
  t.deepEqual(names, ["web-0", "web-1", "web-2"]);
  await kubectlOk(["scale", "vmpool", "web", "-n", ns, "--replicas=1"]);
  await waitFor<List>(["get", "vm", "-n", ns, "-l", "app=web"], (l) => l?.items.length === 1 && l.items[0]!.metadata.name === "web-0", "only web-0 left", 300_000);
  await waitFor<Obj>(["get", "vmpool", "web", "-n", ns], (p) => p?.status?.replicas === 1, "status.replicas 1", 120_000);
  await kubectlOk(["delete", "vmpool", "web", "-n", ns, "--wait=false"]);
});

/** The VM's Failure condition once it appears; then no VMI may exist, and the VM is deleted. */
async function failureWithoutVmi(name: string): Promise<{ status?: string; reason?: string; message?: string }> {
  const isFailure = (c: { type: string }): boolean => c.type === "Failure";
  const vm = (await waitFor<Obj>(["get", "vm", name, "-n", ns], (v) => (v?.status?.conditions ?? []).some(isFailure), `the Failure condition of ${name}`, 120_000))!;
  const vmi = await kubectl(["get", "vmi", name, "-n", ns]);
  if (!/NotFound|not found/.test(vmi.stderr)) throw new Error(`VM ${name} failed but has a VMI: ${vmi.stdout}`);
  await kubectlOk(["delete", "vm", name, "-n", ns, "--wait=false"]);
  return vm.status!.conditions.find(isFailure);
}

/** Polls until `get` gives a value (a process appearing); bounded, no fixed sleep of the test itself. */
async function waitForValue<T>(get: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
