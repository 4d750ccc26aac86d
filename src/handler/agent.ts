/**
 * virt-handler's process: watches the VMIs labelled with its node and the launcher pods on its node,
 * turns every event into a VMI key on one work queue (src/reconcile), and resyncs all its VMIs
 * periodically (a lost or dropped watch event only delays work). Stopping closes the watches and
 * the launcher connections; the VMs keep running and the next handler re-adopts them.
 */
import { GenericKind, K8s, kind, WatchEvent } from "kubernetes-fluent-client";
import { LABELS, LAUNCHER } from "../controller/labels";
import { WorkQueue } from "../reconcile/work-queue";
import { kubeCluster, type HandlerCluster } from "./cluster";
import type { HandlerConfig } from "./config";
import { Launchers } from "./launchers";
import { errorText, type Logger } from "./log";
import { vmiMeta, type Vmi } from "./observed";
import { reconcileVmi, vmiKey, type ReconcilerDeps } from "./reconcile";
import { PodNetworks } from "./network/setup";
import type { HandlerMetrics } from "../metrics/handler-metrics";
import { startLinkServer } from "./link/start";
import { startDevicePlugins } from "./device-plugins/start";

const VMI_KIND = { group: "kubevirt.io", version: "v1", kind: "VirtualMachineInstance", plural: "virtualmachineinstances" };

interface Closable {
  close(): void;
}

export class HandlerAgent {
  private readonly queue: WorkQueue<string>;
  private readonly launchers: Launchers;
  private readonly watches: Closable[] = [];
  private resync?: NodeJS.Timeout;
  private link?: Closable;
  private devicePlugins?: { stop(): Promise<void> };

  constructor(
    private readonly config: HandlerConfig,
    private readonly log: Logger,
    private readonly cluster: HandlerCluster = kubeCluster(config.nodeName, (m, err) => log(m, { error: errorText(err) })),
    private readonly metrics?: HandlerMetrics,
  ) {
    this.launchers = new Launchers(config.kubeletRootDir, (key) => this.queue.add(key), log);
    const deps: ReconcilerDeps = { nodeName: config.nodeName, cluster, launchers: this.launchers, log, network: new PodNetworks(log) };
    this.queue = new WorkQueue<string>({
      handle: async (key) => {
        const result = await reconcileVmi(deps, key);
        if (result) this.queue.addAfter(key, result.requeueAfterMs);
      },
      concurrency: config.workers,
      log: (message, err) => log(message, { error: errorText(err) }),
    });
  }

  /** Starts the watches (their initial lists queue every VMI of the node: re-adoption) and the resync. */
  async start(onFatal: (err: Error) => void): Promise<void> {
    const node = this.config.nodeName;
    // First: launcher pods ask for devices.kubevirt.io/tun, and the kubelet admits none until it is registered.
    this.devicePlugins = await startDevicePlugins({ kubeletRootDir: this.config.kubeletRootDir, log: this.log });
    const vmiWatch = K8s(GenericKind, { kindOverride: VMI_KIND }).WithLabel(LABELS.nodeName, node).Watch((vmi) => this.enqueueVmi(vmi as Vmi));
    const podWatch = K8s(kind.Pod).WithField("spec.nodeName", node).WithLabel(LABELS.app, LAUNCHER).Watch((pod, phase) => {
      // kubernetes-fluent-client does not export its WatchPhase enum; its values are the API's event types.
      this.metrics?.launcherPod(pod, String(phase) === "DELETED");
      const owner = pod.metadata?.ownerReferences?.find((r) => r.kind === "VirtualMachineInstance")?.name ?? pod.metadata?.labels?.[LABELS.vmName];
      if (owner !== undefined && pod.metadata?.namespace) this.queue.add(vmiKey(pod.metadata.namespace, owner));
    });
    this.queue.start();
    for (const [what, w] of [["VMI", vmiWatch], ["launcher pod", podWatch]] as const) {
      w.events.on(WatchEvent.GIVE_UP, (err: Error) => onFatal(new Error(`the ${what} watch gave up: ${errorText(err)}`, { cause: err })));
      w.events.on(WatchEvent.NETWORK_ERROR, (err: Error) => this.log(`${what} watch: network error, reconnecting`, { error: errorText(err) }));
      await w.start();
      this.watches.push(w);
    }
    this.resync = setInterval(() => void this.resyncAll(), this.config.resyncSeconds * 1000);
    if (this.config.linkCertDir) this.link = await startLinkServer(this.config.linkCertDir, { nodeName: node, cluster: this.cluster, launchers: this.launchers, log: this.log });
    this.log("virt-handler started", { node, kubeletRootDir: this.config.kubeletRootDir });
  }

  async stop(): Promise<void> {
    clearInterval(this.resync);
    this.link?.close();
    await this.devicePlugins?.stop();
    for (const w of this.watches) w.close();
    this.queue.stop();
    this.launchers.closeAll();
  }

  private enqueueVmi(vmi: Vmi): void {
    const m = vmiMeta(vmi);
    this.queue.add(vmiKey(m.namespace, m.name));
  }

  private async resyncAll(): Promise<void> {
    try {
      for (const vmi of await this.cluster.listNodeVmis()) this.enqueueVmi(vmi);
    } catch (err) {
      this.log("resync: listing this node's VMIs failed", { error: errorText(err) });
    }
  }
}
