import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import { qemuUsageByPod, type QemuUsage } from "./qemu-usage";

interface LauncherPod {
  metadata?: { uid?: string; namespace?: string; labels?: Record<string, string>; ownerReferences?: Array<{ kind: string; name: string }> };
}

type Vmi = { namespace: string; name: string };

/**
 * virt-handler's per-VMI metrics under KubeVirt's names: each running VMI's QEMU memory and CPU
 * and each vCPU's time, read from /proc at scrape time for the launcher pods this node's handler
 * watches. KubeVirt reads the same figures through libvirt's domain stats.
 */
export class HandlerMetrics {
  readonly registry = new Registry();
  private readonly pods = new Map<string, Vmi>();

  constructor(nodeName: string, proc = "/proc") {
    let snapshot: Promise<Array<[Vmi, QemuUsage]>> | undefined;
    const usage = (): Promise<Array<[Vmi, QemuUsage]>> => {
      snapshot ??= qemuUsageByPod(new Set(this.pods.keys()), proc)
        .then((byPod) => [...byPod].flatMap(([uid, u]): Array<[Vmi, QemuUsage]> => (this.pods.has(uid) ? [[this.pods.get(uid)!, u]] : [])))
        .finally(() => setImmediate(() => (snapshot = undefined)));
      return snapshot;
    };
    const registers = [this.registry];
    const labelNames = ["node", "namespace", "name"];
    const per = (vmi: Vmi) => ({ node: nodeName, namespace: vmi.namespace, name: vmi.name });

    new Gauge({
      name: "kubevirt_vmi_memory_resident_bytes", help: "Resident set size of the process running the domain.", labelNames, registers,
      async collect() {
        this.reset();
        for (const [vmi, u] of await usage()) this.set(per(vmi), u.residentBytes);
      },
    });
    new Gauge({
      name: "kubevirt_vmi_memory_domain_bytes", help: "The amount of memory in bytes allocated to the domain. The memory value in domain xml file.", labelNames, registers,
      async collect() {
        this.reset();
        for (const [vmi, u] of await usage()) if (u.domainBytes !== undefined) this.set(per(vmi), u.domainBytes);
      },
    });
    const cpuCounter = (name: string, help: string, seconds: (u: QemuUsage) => number): void =>
      void new Counter({
        name, help, labelNames, registers,
        async collect() {
          this.reset();
          for (const [vmi, u] of await usage()) this.inc(per(vmi), seconds(u));
        },
      });
    cpuCounter("kubevirt_vmi_cpu_usage_seconds_total", "Total CPU time spent in all modes (sum of both vcpu and hypervisor usage).", (u) => u.userSeconds + u.systemSeconds);
    cpuCounter("kubevirt_vmi_cpu_user_usage_seconds_total", "Total CPU time spent in user mode.", (u) => u.userSeconds);
    cpuCounter("kubevirt_vmi_cpu_system_usage_seconds_total", "Total CPU time spent in system mode.", (u) => u.systemSeconds);
    new Counter({
      name: "kubevirt_vmi_vcpu_seconds_total", help: "Total amount of time spent in each state by each vcpu (cpu_time excluding hypervisor time).", labelNames: [...labelNames, "id", "state"], registers,
      async collect() {
        this.reset();
        for (const [vmi, u] of await usage()) for (const v of u.vcpus) this.inc({ ...per(vmi), id: String(v.id), state: v.state }, v.seconds);
      },
    });
    new Counter({
      name: "kubevirt_vmi_vcpu_delay_seconds_total", help: "Amount of time spent by each vcpu waiting in the queue instead of running.", labelNames: [...labelNames, "id"], registers,
      async collect() {
        this.reset();
        for (const [vmi, u] of await usage()) for (const v of u.vcpus) this.inc({ ...per(vmi), id: String(v.id) }, v.delaySeconds);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** A launcher pod of this node from the watch; `deleted` when it is gone. */
  launcherPod(pod: LauncherPod, deleted: boolean): void {
    const uid = pod.metadata?.uid;
    if (!uid) return;
    const vmiName = pod.metadata?.ownerReferences?.find((o) => o.kind === "VirtualMachineInstance")?.name;
    if (deleted || !vmiName || !pod.metadata?.namespace) this.pods.delete(uid);
    else this.pods.set(uid, { namespace: pod.metadata.namespace, name: vmiName });
  }
}
