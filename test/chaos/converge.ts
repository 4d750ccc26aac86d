/**
 * What "converged" means after a fault, for every chaos test: each VM of the namespace in the state
 * its runStrategy asks (Always: Running and ready with one VMI, one live launcher pod and one QEMU;
 * Halted: Stopped with no VMI and no pod), and no QEMU or libvirtd of the namespace's pods without a
 * live VMI. Observed only through kubectl and the machine's /proc, as a user would.
 */
import { readdir, readFile } from "node:fs/promises";
import { kubectl } from "../integration/kube";
import type { List, Obj } from "../integration/wait";

/** Generous: a loaded 2-core machine, TCG guests, a component restarting. Figures come from t.log, never asserted. */
export const CONVERGE_MS = 300_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A VM process on this machine: libvirtd or QEMU, with the pod its cgroup names. */
export interface VmProcess {
  pid: number;
  comm: string;
  args: string;
  podUid: string;
  /** containerd's id of its container (the last 64-hex part of its cgroup path). */
  containerId?: string;
}

const isVmProcess = (comm: string): boolean => comm === "libvirtd" || comm.startsWith("qemu-system");

/** The pod UID and container id a process's cgroup path names (cgroupfs or systemd driver). */
export function podOfCgroup(cgroup: string): { podUid?: string; containerId?: string } {
  const pod = /pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})/.exec(cgroup)?.[1]?.replace(/_/g, "-");
  const container = /([0-9a-f]{64})(?:\.scope)?\s*$/m.exec(cgroup)?.[1];
  return { podUid: pod, containerId: container };
}

/**
 * The cgroup root of this checkout's cluster (hack/node/env.sh: /$NETNS): several clusters share the
 * machine, and a process is only ever this cluster's when its cgroup is under that root.
 */
export function instanceCgroupRoot(instance = process.env.KVTS_INSTANCE ?? "0"): string {
  return `/kubevirt-ts${instance === "0" || instance === "" ? "" : instance}/`;
}

/** Every process of this cluster's pods (libvirtd, QEMU, the launcher's node...), with `filter` on its comm. */
export async function podProcesses(filter: (comm: string) => boolean): Promise<VmProcess[]> {
  const out: VmProcess[] = [];
  const root = instanceCgroupRoot();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = (await readFile(`/proc/${entry}/comm`, "utf8")).trim();
      if (!filter(comm)) continue;
      const cgroup = await readFile(`/proc/${entry}/cgroup`, "utf8");
      if (!cgroup.split("\n").some((line) => line.split(":")[2]?.startsWith(root))) continue; // another cluster's
      const { podUid, containerId } = podOfCgroup(cgroup);
      if (podUid === undefined) continue;
      const args = (await readFile(`/proc/${entry}/cmdline`, "utf8")).replace(/\0/g, " ").trim();
      out.push({ pid: Number(entry), comm, args, podUid, containerId });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

async function getJson<T>(args: string[]): Promise<T | undefined> {
  const r = await kubectl([...args, "-o", "json"]);
  return r.code === 0 ? (JSON.parse(r.stdout) as T) : undefined;
}

const live = (p: Obj): boolean => p.metadata.deletionTimestamp === undefined && !["Succeeded", "Failed"].includes(p.status?.phase);
const finalPhase = (phase: string | undefined): boolean => phase === "Succeeded" || phase === "Failed";

/** One look at the namespace: VMs, VMIs, launcher pods and the VM processes of its pods. */
export interface Snapshot {
  vms: Obj[];
  vmis: Obj[];
  pods: Obj[];
  processes: VmProcess[];
}

/**
 * Watches one namespace. It remembers every launcher pod UID it has seen, so a QEMU or libvirtd
 * whose pod has since gone from the API is still known to be this namespace's (other clusters'
 * and other namespaces' VMs share the machine).
 */
export class Namespace {
  private readonly seenPods = new Set<string>();
  constructor(readonly name: string) {}

  async snapshot(): Promise<Snapshot | undefined> {
    const [vms, vmis, pods] = await Promise.all([
      getJson<List>(["get", "vm", "-n", this.name]),
      getJson<List>(["get", "vmi", "-n", this.name]),
      getJson<List>(["get", "pods", "-n", this.name, "-l", "kubevirt.io=virt-launcher"]),
    ]);
    if (!vms || !vmis || !pods) return undefined; // the API server is not answering (yet)
    for (const p of pods.items) this.seenPods.add(p.metadata.uid);
    const processes = (await podProcesses(isVmProcess)).filter((p) => this.seenPods.has(p.podUid));
    return { vms: vms.items, vmis: vmis.items, pods: pods.items, processes };
  }

  /** QEMU processes of this VMI's pods. */
  qemuOf(s: Snapshot, vmiUid: string): VmProcess[] {
    const pods = new Set(s.pods.filter((p) => p.metadata.labels?.["kubevirt.io/created-by"] === vmiUid).map((p) => p.metadata.uid));
    return s.processes.filter((p) => p.comm.startsWith("qemu-system") && pods.has(p.podUid));
  }

  /** Why the namespace has not converged, or undefined when it has. */
  notConverged(s: Snapshot): string | undefined {
    // A VM being deleted asks for nothing: its VMI and pods must go, as those of a deleted one.
    const vms = s.vms.filter((v) => v.metadata.deletionTimestamp === undefined);
    for (const vm of vms) {
      const why = this.vmNotConverged(s, vm);
      if (why) return why;
    }
    const names = new Set(vms.map((v) => v.metadata.name));
    const orphan = s.vmis.find((v) => !names.has(v.metadata.name)) ?? s.pods.find((p) => !names.has(p.metadata.labels?.["vm.kubevirt.io/name"] ?? ""));
    if (orphan) return `${orphan.metadata.name}: its VM is gone, it is still there`;
    return this.strays(s)[0];
  }

  private vmNotConverged(s: Snapshot, vm: Obj): string | undefined {
    const name = vm.metadata.name;
    const strategy = vm.spec?.runStrategy ?? (vm.spec?.running ? "Always" : "Halted");
    const vmis = s.vmis.filter((v) => v.metadata.name === name);
    const pods = s.pods.filter((p) => p.metadata.labels?.["vm.kubevirt.io/name"] === name);
    if (strategy === "Halted") {
      if (vm.status?.printableStatus !== "Stopped") return `VM ${name}: ${vm.status?.printableStatus}, not Stopped`;
      if (vmis.length > 0) return `VM ${name}: Stopped but its VMI is there`;
      if (pods.length > 0) return `VM ${name}: Stopped but ${pods.length} launcher pod(s) are left`;
      return undefined;
    }
    if (vm.status?.printableStatus !== "Running" || vm.status?.ready !== true) return `VM ${name}: ${vm.status?.printableStatus}, not Running and ready`;
    const vmi = vmis[0];
    if (vmi?.status?.phase !== "Running") return `VMI ${name}: ${vmi?.status?.phase ?? "missing"}, not Running`;
    const livePods = pods.filter(live).filter((p) => p.metadata.labels?.["kubevirt.io/created-by"] === vmi.metadata.uid);
    if (livePods.length !== 1) return `VMI ${name}: ${livePods.length} live launcher pods, not 1`;
    const qemus = this.qemuOf(s, vmi.metadata.uid);
    if (qemus.length !== 1) return `VMI ${name}: ${qemus.length} QEMU processes, not 1`;
    return undefined;
  }

  /** QEMU or libvirtd processes of this namespace's pods whose pod is gone or whose VMI is not live. */
  strays(s: Snapshot): string[] {
    const liveVmis = new Set(s.vmis.filter((v) => !finalPhase(v.status?.phase) && v.metadata.deletionTimestamp === undefined).map((v) => v.metadata.uid));
    const podsByUid = new Map(s.pods.map((p) => [p.metadata.uid, p]));
    return s.processes.flatMap((proc) => {
      const pod = podsByUid.get(proc.podUid);
      if (!pod) return [`${proc.comm} ${proc.pid}: its pod ${proc.podUid} is gone`];
      const vmi = pod.metadata.labels?.["kubevirt.io/created-by"] ?? "";
      return liveVmis.has(vmi) ? [] : [`${proc.comm} ${proc.pid}: pod ${pod.metadata.name}'s VMI is gone or final`];
    });
  }

  /**
   * Polls until every VM is in the state its runStrategy asks, nothing strays and `also` (a test's own
   * condition) holds; logs the seconds since `since` (the fault). Fails with the last reason past the deadline.
   */
  async converge(t: { log: (message: string) => void }, what: string, since: number, also?: (s: Snapshot) => string | undefined): Promise<Snapshot> {
    const deadline = Date.now() + CONVERGE_MS;
    let why = "no answer from the API server";
    for (;;) {
      const s = await this.snapshot();
      why = s ? this.notConverged(s) ?? also?.(s) ?? "" : "no answer from the API server";
      if (s && why === "") {
        t.log(`${what}: converged in ${((Date.now() - since) / 1000).toFixed(0)} s`);
        return s;
      }
      if (Date.now() > deadline) throw new Error(`${what}: not converged after ${CONVERGE_MS / 1000} s: ${why}`);
      await sleep(1000);
    }
  }

  /** A condition for converge(): the VM runs a VMI other than this one. */
  newVmi(vm: string, oldUid: string): (s: Snapshot) => string | undefined {
    return (s) => (s.vmis.find((v) => v.metadata.name === vm)?.metadata.uid === oldUid ? `VM ${vm} still runs its old VMI` : undefined);
  }

  /** The uid of the VMI of a running VM, from a converged snapshot. */
  vmiUid(s: Snapshot, vm: string): string {
    const vmi = s.vmis.find((v) => v.metadata.name === vm);
    if (!vmi) throw new Error(`VM ${vm} has no VMI`);
    return vmi.metadata.uid;
  }
}

/** The seconds since a fault, for a figure logged beside the test. */
export const secondsSince = (since: number): number => Math.round((Date.now() - since) / 1000);

/**
 * Waits until the platform runs as `npm start` left it: every Deployment and DaemonSet of the
 * platform's namespaces fully available (a later test, and the user, need them). Logs how long.
 */
export async function platformHealthy(t: { log: (message: string) => void }, what: string, since = Date.now()): Promise<void> {
  const deadline = Date.now() + CONVERGE_MS;
  let why = "";
  for (;;) {
    why = "";
    for (const ns of ["kube-system", "kubevirt", "pepr-system"]) {
      const list = await getJson<List>(["get", "deployments,daemonsets", "-n", ns]);
      if (!list) {
        why = "no answer from the API server";
        break;
      }
      for (const w of list.items as Array<Obj & { kind?: string }>) {
        const s = w.status ?? {};
        const daemonSet = w.kind === "DaemonSet";
        const want = daemonSet ? s.desiredNumberScheduled : w.spec?.replicas ?? 1;
        const have = daemonSet ? s.numberAvailable : s.availableReplicas;
        const updated = daemonSet ? s.updatedNumberScheduled : s.updatedReplicas;
        if (!(want > 0) || have !== want || updated !== want) why ||= `${ns}/${w.metadata.name}: ${have ?? 0}/${want} available`;
      }
    }
    if (why === "") {
      t.log(`${what}: platform healthy after ${secondsSince(since)} s`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`${what}: platform not healthy after ${CONVERGE_MS / 1000} s: ${why}`);
    await sleep(2000);
  }
}
