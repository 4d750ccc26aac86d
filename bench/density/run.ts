/**
 * npm run bench:density [-- --count N --interval-ms MS --timeout-s S]
 * Creates N VMIs (default 30) of the seed's size (64M, 50m CPU requested) 100 ms apart on the local cluster, waits until all
 * run, and prints create→Running p50/p95 (from each VMI's own phase transition timestamps) and the
 * memory (RSS) of virt-controller, virt-handler and every launcher pod's processes, next to
 * KubeVirt's published figures. Also prints the same p50/p95 as the controller's
 * kubevirt_vmi_phase_transition_time_from_creation_seconds histogram gives them (what KubeVirt's
 * dashboards show), where each VMI's start went step by step, and the load average during the run.
 * Asserts nothing; cleans up its namespace.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { processTree, processesInCgroup, rssMiB } from "../launcher-procs";
import { createToRunningSeconds, quantile } from "./stats";
import { histogramQuantile, readHistogram } from "./histogram";
import { START_STEPS, startBreakdown, type StartPod } from "./breakdown";
import { loadavg } from "node:os";

const root = resolve(__dirname, "../..");
process.env.KUBECONFIG ??= join(root, ".local/kubeconfig");
// Imported after KUBECONFIG is set: the client reads it on each request.
const kube = import("../../src/kube/objects");

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number`);
  return v;
};
const count = arg("count", 30);
const intervalMs = arg("interval-ms", 100);
const timeoutS = arg("timeout-s", 1800);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ns = `bench-density-${Date.now().toString(36)}`;
const VMI = { group: "kubevirt.io", version: "v1", plural: "virtualmachineinstances", namespaced: true } as const;
const POD = { group: "", version: "v1", plural: "pods", namespaced: true } as const;
const NAMESPACE = { group: "", version: "v1", plural: "namespaces", namespaced: false } as const;

const vmi = (i: number) => ({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name: `density-${i}`, labels: { bench: "density" } },
  spec: {
    terminationGracePeriodSeconds: 0,
    // 45m of CPU each (KubeVirt's default request is 100m): 30 launcher pods, with their sidecars'
    // 6m each and the module's two 200m pods, fit the 2-core node (at 50m, 2 of 30 stayed
    // Pending with "Insufficient cpu").
    domain: { resources: { requests: { memory: "64M", cpu: "45m" } }, devices: { disks: [{ name: "root", disk: { bus: "virtio" } }] } },
    volumes: [{ name: "root", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } }],
  },
});

type Vmi = { metadata: { name: string; uid?: string; creationTimestamp?: string }; status?: { phase?: string; phaseTransitionTimestamps?: Array<{ phase?: string; phaseTransitionTimestamp?: string }> } };
type Pod = { status?: StartPod["status"]; metadata: { name: string; uid?: string; creationTimestamp?: string; labels?: Record<string, string>; ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string }> } };

/** The controller's phase-transition histogram for Running, read through the API server's proxy to the leader's metrics port. */
async function controllerHistogram(request: (method: string, path: string) => Promise<unknown>): Promise<string> {
  const lease = (await request("GET", "/apis/coordination.k8s.io/v1/namespaces/kubevirt/leases/virt-controller")) as { spec?: { holderIdentity?: string } };
  const pod = (lease.spec?.holderIdentity ?? "").replace(/-\d+$/, "");
  return String(await request("GET", `/api/v1/namespaces/pepr-system/pods/https:${pod}:8443/proxy/metrics`));
}

async function main(): Promise<void> {
  const k = await kube;
  const client = await import("../../src/kube/client");
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0]!), 5000);
  await k.createObject(NAMESPACE, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  console.log(`density: creating ${count} VMIs ${intervalMs} ms apart in namespace ${ns}`);
  try {
    for (let i = 0; i < count; i++) {
      await k.createObject(VMI, ns, vmi(i));
      await sleep(intervalMs);
    }
    const start = Date.now();
    let vmis: Vmi[] = [];
    for (;;) {
      vmis = await k.listObjects<Vmi & { metadata: { name: string } }>(VMI, ns);
      const phases = new Map<string, number>();
      for (const v of vmis) phases.set(v.status?.phase ?? "-", (phases.get(v.status?.phase ?? "-") ?? 0) + 1);
      const running = phases.get("Running") ?? 0;
      console.log(`density: ${Math.round((Date.now() - start) / 1000)}s: ${[...phases].map(([p, n]) => `${p} ${n}`).join(", ")}`);
      if (running === count) break;
      if ((phases.get("Failed") ?? 0) > 0) throw new Error(`a VMI failed: kubectl get vmi -n ${ns}; kubectl describe vmi -n ${ns}`);
      if (Date.now() - start > timeoutS * 1000) throw new Error(`not all VMIs Running within ${timeoutS}s`);
      await sleep(5000);
    }
    await sleep(5000); // let every guest settle before reading memory
    const seconds = vmis.map(createToRunningSeconds).filter((s): s is number => s !== undefined);
    const pods = await k.listObjects<Pod & { metadata: { name: string } }>(POD, ns, "kubevirt.io=virt-launcher");
    const launcherRss = pods.map((p) => rssMiB(processesInCgroup(`pod${p.metadata.uid}`)));
    const handlerPods = await k.listObjects<Pod & { metadata: { name: string } }>(POD, "kubevirt", "kubevirt.io=virt-handler");
    const handlerRss = handlerPods.map((p) => rssMiB(processesInCgroup(`pod${p.metadata.uid}`)));
    const watcherPods = await k.listObjects<Pod & { metadata: { name: string } }>(POD, "pepr-system", "pepr.dev/controller=watcher").catch(() => []);
    const peprPid = join(root, ".local/run/pepr.pid");
    const controllerRss = watcherPods.length > 0
      ? rssMiB(processesInCgroup(`pod${watcherPods[0]!.metadata.uid}`))
      : existsSync(peprPid) ? rssMiB(processTree(Number(readFileSync(peprPid, "utf8")))) : NaN;
    const f = (n: number): string => n.toFixed(1);
    console.log("");
    console.log(`density: ${count} VMIs, ${intervalMs} ms apart`);
    console.log(`  create→Running  p50 ${f(quantile(seconds, 0.5))} s   p95 ${f(quantile(seconds, 0.95))} s   max ${f(Math.max(...seconds))} s`);
    console.log(`  KubeVirt's CI (100 VMIs, KVM): p50 17–19 s, p95 27–30 s`);
    const histogram = await controllerHistogram((m, path) => client.request(m as "GET", path)).catch((err: unknown) => `unreadable: ${String(err)}`);
    const running = readHistogram(histogram, "kubevirt_vmi_phase_transition_time_from_creation_seconds", { phase: "Running" });
    console.log(running.length > 0
      ? `  controller's histogram (all VMIs since it started): p50 ${f(histogramQuantile(running, 0.5))} s   p95 ${f(histogramQuantile(running, 0.95))} s   (${running.at(-1)!.count} VMIs)`
      : `  controller's histogram: not read (${histogram.slice(0, 120)})`);
    const podOf = new Map(pods.map((p) => [p.metadata.ownerReferences?.find((o) => o.kind === "VirtualMachineInstance")?.name, p]));
    const steps = vmis.map((v) => startBreakdown(v, podOf.get(v.metadata.name)));
    console.log(`  by step, p50 / p95 s: ${START_STEPS.map((s) => { const xs = steps.map((b) => b[s]).filter((x): x is number => x !== undefined); return `${s} ${f(quantile(xs, 0.5))} / ${f(quantile(xs, 0.95))}`; }).join("; ")}`);
    console.log(`  load average (1 min) during the run: min ${f(Math.min(...loads))}, max ${f(Math.max(...loads))} on ${(await import("node:os")).cpus().length} cores`);
    console.log(`  RSS virt-controller ${f(controllerRss)} MiB (${watcherPods.length > 0 ? "watcher pod" : "pepr dev process tree"}), virt-handler ${handlerRss.map(f).join(", ")} MiB`);
    console.log(`  RSS per launcher pod: p50 ${f(quantile(launcherRss, 0.5))} MiB, max ${f(Math.max(...launcherRss))} MiB (${launcherRss.length} pods; guest RAM 64M included as far as touched)`);
  } finally {
    clearInterval(sampler);
    console.log(`density: deleting namespace ${ns}`);
    await k.deleteObject(NAMESPACE, undefined, ns);
  }
}

main().catch((err) => {
  console.error(`density: ${(err as Error).message}`);
  process.exit(1);
});
