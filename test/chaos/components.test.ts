/**
 * Chaos: the platform's own components killed while VMs start and stop. After each kill the
 * cluster must converge by itself: every VM in the state its runStrategy asks, one VMI and one
 * launcher pod per running VM, one QEMU per VMI, none left for a stopped VM. Run on its own
 * (`npm run test:chaos`, after the main suite in `npm test`): the kills would slow other tests.
 */
import test, { type ExecutionContext } from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { deleteNamespace, fixture, freshNamespace, kubectlOk, requireCluster } from "../integration/kube";
import { waitFor, type List, type Obj } from "../integration/wait";

const exec = promisify(execFile);
const seed = fixture("seed-example-vm.yaml");
const CONVERGE_MS = 300_000; // generous: a loaded 2-core machine, TCG guests, a component restarting

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("chaos");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

interface Component {
  name: string;
  namespace: string;
  selector: string;
}
const HANDLER: Component = { name: "virt-handler", namespace: "kubevirt", selector: "kubevirt.io=virt-handler" };
const CONTROLLER: Component = { name: "virt-controller", namespace: "pepr-system", selector: "pepr.dev/controller=watcher" };

/** Kills the component's pods at once (no grace): its DaemonSet or Deployment starts a new one. */
async function kill(c: Component): Promise<void> {
  await kubectlOk(["delete", "pod", "-n", c.namespace, "-l", c.selector, "--grace-period=0", "--force", "--wait=false"]);
}

const vmManifest = (name: string): string => seed.replace(/name: myvm/, `name: ${name}`);
const running = (v: Obj | undefined): boolean => v?.status?.printableStatus === "Running" && v.status.ready === true;

async function qemuOf(vmi: string): Promise<string[]> {
  const { stdout } = await exec("ps", ["-eo", "pid,args"]);
  return stdout.split("\n").filter((l) => /qemu-system/.test(l) && l.includes(`guest=${ns}_${vmi}`));
}

async function launcherPods(vmiUid: string): Promise<Obj[]> {
  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${vmiUid}`, "-o", "json"])) as List;
  return pods.items.filter((p) => p.metadata.deletionTimestamp === undefined && !["Succeeded", "Failed"].includes(p.status?.phase));
}

/** Waits for a VM Running and ready, then checks nothing runs twice; returns its VMI's uid. */
async function convergedRunning(t: ExecutionContext, vm: string): Promise<string> {
  await waitFor<Obj>(["get", "vm", vm, "-n", ns], running, `VM ${vm} Running and ready`, CONVERGE_MS);
  const vmi = (await waitFor<Obj>(["get", "vmi", vm, "-n", ns], (v) => v?.status?.phase === "Running", `VMI ${vm} Running`))!;
  t.is((await launcherPods(vmi.metadata.uid)).length, 1, `one live launcher pod for ${vm}`);
  t.is((await qemuOf(vm)).length, 1, `one QEMU for ${vm}`);
  return vmi.metadata.uid;
}

/** Waits for a VM Stopped with no VMI, pod or QEMU left. */
async function convergedStopped(t: ExecutionContext, vm: string): Promise<void> {
  await waitFor<Obj>(["get", "vm", vm, "-n", ns], (v) => v?.status?.printableStatus === "Stopped", `VM ${vm} Stopped`, CONVERGE_MS);
  await waitFor<Obj>(["get", "vmi", vm, "-n", ns], (v) => v === undefined, `VMI ${vm} gone`, CONVERGE_MS);
  await waitFor<List>(["get", "pods", "-n", ns, "-l", `vm.kubevirt.io/name=${vm}`], (l) => l?.items.length === 0, `launcher pods of ${vm} gone`, CONVERGE_MS);
  for (let i = 0; i < 60 && (await qemuOf(vm)).length > 0; i++) await new Promise((r) => setTimeout(r, 1000));
  t.deepEqual(await qemuOf(vm), [], `no QEMU left for ${vm}`);
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(0)} s`;

for (const component of [HANDLER, CONTROLLER]) {
  test.serial(`${component.name} killed while VMs start, stop and are deleted: everything converges`, async (t) => {
    const [a, b] = [`${component.name}-a`, `${component.name}-b`];
    await kubectlOk(["apply", "-n", ns, "-f", "-"], vmManifest(a));
    await kubectlOk(["apply", "-n", ns, "-f", "-"], vmManifest(b));
    let since = Date.now();
    await kill(component);
    await convergedRunning(t, a);
    const bUid = await convergedRunning(t, b);
    t.log(`killed during start: both VMs Running after ${seconds(since)}`);

    await kubectlOk(["patch", "vm", a, "-n", ns, "--type", "merge", "-p", '{"spec":{"runStrategy":"Halted"}}']);
    since = Date.now();
    await kill(component);
    await convergedStopped(t, a);
    t.log(`killed during stop: ${a} Stopped after ${seconds(since)}`);
    const bNow = await convergedRunning(t, b);
    t.is(bNow, bUid, `${b} kept its VMI: never restarted nor doubled`);

    await kubectlOk(["delete", "vm", b, "-n", ns, "--wait=false"]);
    since = Date.now();
    await kill(component);
    await waitFor<Obj>(["get", "vmi", b, "-n", ns], (v) => v === undefined, `VMI ${b} gone`, CONVERGE_MS);
    await waitFor<List>(["get", "pods", "-n", ns, "-l", `vm.kubevirt.io/name=${b}`], (l) => l?.items.length === 0, `launcher pods of ${b} gone`, CONVERGE_MS);
    for (let i = 0; i < 60 && (await qemuOf(b)).length > 0; i++) await new Promise((r) => setTimeout(r, 1000));
    t.deepEqual(await qemuOf(b), [], `no QEMU left for ${b}`);
    t.log(`killed during delete: ${b} gone after ${seconds(since)}`);
    await kubectlOk(["delete", "vm", a, "-n", ns, "--wait=false"]);
  });
}
