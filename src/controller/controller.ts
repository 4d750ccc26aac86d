import type { KubeObject } from "../kube/objects";
import { getObject, listObjects } from "../kube/objects";
import { RESOURCES } from "../kube/resources";
import { WorkQueue } from "../reconcile/work-queue";
import { CONFIG_MAP, DEFAULT_CONFIG, parseClusterConfig, type ClusterConfig } from "./config";
import { applyComponents, platformNamespace } from "./install";
import { commonPreferences } from "../instancetype/common/preferences";
import { u1Instancetypes } from "../instancetype/common/u1";
import { KUBEVIRT_NAMESPACE, LABELS, LAUNCHER } from "./labels";
import { key, parseKey, type ReconcileContext } from "./reconcile/context";
import { reconcilePool } from "./reconcile/pool";
import { reconcileReplicaSet } from "./reconcile/replicaset";
import { reconcileVm } from "./reconcile/vm";
import { reconcileVmi } from "./reconcile/vmi";

export interface ControllerOptions {
  log: (message: string, err?: unknown) => void;
  /** The components to install at start-up besides the namespace (the node agent's DaemonSet and RBAC). */
  components: (config: ClusterConfig) => KubeObject[] | Promise<KubeObject[]>;
  resyncMs?: number;
}

type Watched = { kind?: string; metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; ownerReferences?: Array<{ kind: string; name: string }> } };

/**
 * virt-controller: watch events become keys in one work queue (VM, VMI and VMIRS keys), each
 * reconciled from a fresh read, retried on failure and resynced periodically, so a lost or
 * duplicated event never strands or doubles a VM.
 */
export class VirtController {
  private config: ClusterConfig = DEFAULT_CONFIG;
  private readonly queue: WorkQueue<string>;
  private resyncTimer?: NodeJS.Timeout;
  private readonly ctx: ReconcileContext;

  constructor(private readonly options: ControllerOptions) {
    this.ctx = { config: () => this.config, log: options.log, requeueAfter: (k, ms) => this.queue.addAfter(k, ms) };
    this.queue = new WorkQueue<string>({ handle: (k) => this.reconcile(k), log: options.log, concurrency: 4 });
  }

  /** Starts reconciling; what fails now (the API server not reachable yet) is retried at each resync. */
  start(): void {
    this.queue.start();
    const resync = (): void => void this.resync().catch((err) => this.options.log("resync failed; retrying at the next one", err));
    resync();
    this.resyncTimer = setInterval(resync, this.options.resyncMs ?? 30_000);
    this.resyncTimer.unref();
  }

  stop(): void {
    clearInterval(this.resyncTimer);
    this.queue.stop();
  }

  /** A watch event of a VM, VMI, VMIRS or launcher pod: queue what it concerns. */
  observe(kind: "VirtualMachine" | "VirtualMachineInstance" | "VirtualMachineInstanceReplicaSet" | "VirtualMachinePool" | "Pod", obj: Watched): void {
    const ns = obj.metadata?.namespace;
    const name = obj.metadata?.name;
    if (!ns || !name) return;
    const owners = obj.metadata?.ownerReferences ?? [];
    switch (kind) {
      case "VirtualMachine":
        this.queue.add(key("vm", ns, name));
        // A pool counts its VMs' readiness.
        for (const o of owners) if (o.kind === "VirtualMachinePool") this.queue.add(key("vmpool", ns, o.name));
        return;
      case "VirtualMachinePool":
        this.queue.add(key("vmpool", ns, name));
        return;
      case "VirtualMachineInstanceReplicaSet":
        this.queue.add(key("vmirs", ns, name));
        return;
      case "VirtualMachineInstance":
        this.queue.add(key("vmi", ns, name));
        for (const o of owners) {
          if (o.kind === "VirtualMachine") this.queue.add(key("vm", ns, o.name));
          if (o.kind === "VirtualMachineInstanceReplicaSet") this.queue.add(key("vmirs", ns, o.name));
        }
        return;
      case "Pod": {
        if (obj.metadata?.labels?.[LABELS.app] !== LAUNCHER) return;
        const vmi = owners.find((o) => o.kind === "VirtualMachineInstance");
        if (!vmi) return;
        this.queue.add(key("vmi", ns, vmi.name));
        // The VM's status shows its pod's troubles (image pulls, scheduling).
        this.queue.add(key("vm", ns, vmi.name));
        return;
      }
    }
  }

  private async reconcile(k: string): Promise<void> {
    const { kind, namespace, name } = parseKey(k);
    if (kind === "vm") return reconcileVm(namespace, name, this.ctx);
    if (kind === "vmi") return reconcileVmi(namespace, name, this.ctx);
    if (kind === "vmpool") return reconcilePool(namespace, name, this.ctx);
    return reconcileReplicaSet(namespace, name, this.ctx);
  }

  private async readConfig(): Promise<void> {
    const cm = await getObject<KubeObject & { data?: Record<string, string> }>(RESOURCES.configMap, KUBEVIRT_NAMESPACE, CONFIG_MAP);
    try {
      this.config = parseClusterConfig(cm?.data);
    } catch (err) {
      this.options.log(`${(err as Error).message}; keeping the previous settings`);
    }
  }

  private installedFor?: string;

  /** Applies the components once per distinct config (the node agent's image and paths follow it). */
  private async installIfChanged(): Promise<void> {
    const wanted = JSON.stringify(this.config);
    if (this.installedFor === wanted) return;
    await applyComponents([platformNamespace()]);
    await applyComponents(await this.options.components(this.config));
    // The common instancetypes and preferences, as virt-operator deploys them.
    await applyComponents([...u1Instancetypes(), ...commonPreferences()]);
    this.installedFor = wanted;
    this.options.log("components installed", undefined);
  }

  /** Every VM, VMI, VMIRS and pool once more: what a dropped watch event missed is caught here. */
  private async resync(): Promise<void> {
    await this.readConfig();
    await this.installIfChanged().catch((err) => this.options.log("installing the components failed; retrying at the next resync", err));
    const [vms, vmis, sets, pools] = await Promise.all([listObjects(RESOURCES.vm), listObjects(RESOURCES.vmi), listObjects(RESOURCES.vmirs), listObjects(RESOURCES.vmpool)]);
    for (const o of vms) this.queue.add(key("vm", o.metadata.namespace!, o.metadata.name));
    for (const o of vmis) this.queue.add(key("vmi", o.metadata.namespace!, o.metadata.name));
    for (const o of sets) this.queue.add(key("vmirs", o.metadata.namespace!, o.metadata.name));
    for (const o of pools) this.queue.add(key("vmpool", o.metadata.namespace!, o.metadata.name));
  }
}
