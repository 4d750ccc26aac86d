/**
 * Chaos: the cluster's own processes killed (SIGKILL) in turn: kube-apiserver, etcd, the kubelet and
 * admission (the admission pods, and `pepr dev` unless KVTS_PEPR=deploy), each while one
 * VM runs, one starts and one stops; then `npm start` restarts what is not running, as a user
 * would. The running VM keeps its VMI, the starting and the stopping one converge, nothing strays,
 * the PVC disk keeps what its guest wrote. Every test restores the cluster (npm start, which waits
 * for readiness) before it ends, even when it fails: the next test files need it.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { join, resolve } from "node:path";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "../integration/kube";
import { Namespace, platformHealthy, secondsSince } from "./converge";
import { createPvcVm, markerWritten, type PvcVm } from "./pvc-vm";

const root = resolve(__dirname, "../..");
const run = join(root, ".local/run");
const exec = promisify(execFile);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let ns: Namespace | undefined;
let steady: PvcVm | undefined;
let marker = "";
// Two VMs that swap roles at every fault: one stops while the other starts.
const toggles = ["toggle-a", "toggle-b"];
const seedVm = (name: string, runStrategy: string): string => JSON.stringify({
  apiVersion: "kubevirt.io/v1", kind: "VirtualMachine", metadata: { name },
  spec: {
    runStrategy,
    template: {
      spec: {
        terminationGracePeriodSeconds: 5,
        domain: { resources: { requests: { memory: "64M" } }, devices: { disks: [{ name: "root", disk: { bus: "virtio" } }] } },
        volumes: [{ name: "root", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } }],
      },
    },
  },
});

test.before(async (t) => {
  await requireCluster();
  ns = new Namespace(await freshNamespace("chaos-cp"));
  steady = await createPvcVm(ns.name, "steady");
  await kubectlOk(["apply", "-n", ns.name, "-f", "-"], steady.manifest("Always"));
  await kubectlOk(["apply", "-n", ns.name, "-f", "-"], seedVm(toggles[0]!, "Always"));
  await kubectlOk(["apply", "-n", ns.name, "-f", "-"], seedVm(toggles[1]!, "Halted"));
  const s = await ns.converge(t, "set-up", Date.now());
  marker = await markerWritten(ns.name, ns.vmiUid(s, steady.name));
});
test.after.always(async () => {
  if (!ns) return;
  await kubectl(["delete", "vm", "--all", "-n", ns.name, "--wait=false"]);
  await ns.converge({ log: () => undefined }, "clean-up", Date.now()).catch(() => undefined);
  await steady?.cleanup();
  await deleteNamespace(ns.name);
});

/** `npm start` once: idempotent, starts what is not running and returns once the cluster is ready. */
function npmStartOnce(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile("npm", ["start"], { cwd: root, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`npm start failed: ${err.message}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
      else resolvePromise();
    });
  });
}

/**
 * `npm start`, and once more if it gave up: a restarted `pepr dev` type-checks and builds the whole
 * module first, which on a loaded 2-core machine can outlast start.sh's 180 s wait (seen: ready at
 * ~5 min with load 24) while it is still coming up; the second run finds it running and waits for
 * its webhooks to answer, as a user would run `npm start` again.
 */
async function npmStart(log: (m: string) => void): Promise<void> {
  try {
    await npmStartOnce();
  } catch (err) {
    log(`npm start gave up, running it again: ${(err as Error).message.split("\n").find((l) => l.includes("ERROR")) ?? (err as Error).message.slice(0, 200)}`);
    await npmStartOnce();
  }
}

const pidOf = (name: string): number => Number(readFileSync(join(run, `${name}.pid`), "utf8").trim());
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGKILL to a component npm start launched (its process group: setsid made it a group leader, and
 * a child left behind, e.g. pepr dev's module server, would keep its port). Returns once it is dead.
 */
async function killLaunched(name: string): Promise<void> {
  const pid = pidOf(name);
  if (!alive(pid)) throw new Error(`${name} (pid ${pid}) is not running before the kill`);
  // The cluster npm start will restore is the one of KVTS_INSTANCE: the victim must be in its namespace.
  const netns = `kubevirt-ts${process.env.KVTS_INSTANCE && process.env.KVTS_INSTANCE !== "0" ? process.env.KVTS_INSTANCE : ""}`;
  const { stdout } = await exec("ip", ["netns", "identify", String(pid)]);
  if (stdout.trim() !== netns) throw new Error(`${name} (pid ${pid}) runs in netns '${stdout.trim()}', not ${netns}: is KVTS_INSTANCE set as for npm start?`);
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    process.kill(pid, "SIGKILL");
  }
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
}

/**
 * Admission: the module's admission pods (they serve the webhooks with KVTS_PEPR=deploy; their
 * Deployment replaces them) and, in the default mode, `pepr dev`, which serves the webhooks then.
 */
async function killAdmission(): Promise<void> {
  await kubectlOk(["delete", "pod", "-n", "pepr-system", "-l", "pepr.dev/controller=admission", "--grace-period=0", "--force", "--wait=false"]);
  if ((process.env.KVTS_PEPR ?? "dev") !== "deploy") await killLaunched("pepr");
}

const FAULTS: Array<{ what: string; kill: () => Promise<void> }> = [
  { what: "kube-apiserver", kill: () => killLaunched("kube-apiserver") },
  { what: "etcd", kill: () => killLaunched("etcd") },
  { what: "the kubelet", kill: () => killLaunched("kubelet") },
  { what: "admission", kill: killAdmission },
];

FAULTS.forEach((fault, i) => {
  test.serial(`${fault.what} killed while a VM runs, one starts and one stops; npm start: everything converges`, async (t) => {
    const space = ns!;
    const before = await space.converge(t, `before killing ${fault.what}`, Date.now());
    const steadyVmi = space.vmiUid(before, steady!.name);
    const [stopping, starting] = i % 2 === 0 ? toggles : [...toggles].reverse();
    await kubectlOk(["patch", "vm", stopping!, "-n", space.name, "--type", "merge", "-p", '{"spec":{"runStrategy":"Halted"}}']);
    await kubectlOk(["patch", "vm", starting!, "-n", space.name, "--type", "merge", "-p", '{"spec":{"runStrategy":"Always"}}']);
    const since = Date.now();
    let restartedAfter = -1;
    try {
      await fault.kill();
      await sleep(5000); // down long enough for the VMs' controllers and agents to notice
    } finally {
      await npmStart((m) => t.log(m)); // restore the cluster whatever happened
      restartedAfter = secondsSince(since);
    }
    t.log(`${fault.what}: npm start returned ${restartedAfter} s after the kill`);
    await platformHealthy(t, fault.what, since);
    const after = await space.converge(t, `${fault.what} killed (${starting} Running, ${stopping} Stopped)`, since);
    t.is(space.vmiUid(after, steady!.name), steadyVmi, "the running VM kept its VMI");
    t.true((await steady!.hostText()).includes(`marker ${marker}`), "the PVC disk keeps the guest's marker");
  });
});
