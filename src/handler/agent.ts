/**
 * virt-handler's process: watches the VMIs labelled with its node and the launcher pods on its node,
 * turns every event into a VMI key on one work queue, and resyncs all its VMIs periodically (a lost
 * or dropped watch event only delays work). Stopping it closes the watches and the launcher
 * connections; the VMs keep running and are re-adopted by the next handler.
 */
import { K8s, kind, WatchEvent } from "kubernetes-fluent-client";
import { WorkQueue } from "../reconcile/work-queue";
import { kubeCluster, LAUNCHER_LABELS, NODE_LABEL, vmis, type HandlerCluster } from "./cluster";
import type { HandlerConfig } from "./config";
import { Launchers } from "./launchers";
import { errorText, type Logger } from "./log";
import { vmiMeta, type Vmi } from "./observed";
import { reconcileVmi, vmiKey } from "./reconcile";

interface Closable {
  close(): void;
}

export class HandlerAgent {
  private readonly queue: WorkQueue;
  private readonly launchers: Launchers;
  private readonly watches: Closable[] = [];

  constructor(
    private readonly config: HandlerConfig,
    private readonly log: Logger,
    private readonly cluster: HandlerCluster = kubeCluster(config.nodeName),
  ) {
    this.launchers = new Launchers(config.kubeletRootDir, (key) => this.queue.add(key), log);
    const deps = { nodeName: config.nodeName, cluster, launchers: this.launchers, log };
    this.queue = new WorkQueue({
      process: (key) => reconcileVmi(deps, key),
      listKeys: async () => (await cluster.listNodeVmis()).map((v) => vmiKey(vmiMeta(v).namespace, vmiMeta(v).name)),
      resyncMs: config.resyncSeconds * 1000,
      concurrency: config.workers,
      onError: (key, err, retryInMs) => log("reconcile failed, retrying", { vmi: key, retryInMs, error: errorText(err) }),
    });
  }

  /** Starts the watches (their initial lists queue every VMI: re-adoption) and the resync. */
  async start(onFatal: (err: Error) => void): Promise<void> {
    const vmiWatch = vmis().WithLabel(NODE_LABEL, this.config.nodeName).Watch((vmi) => {
      const m = vmiMeta(vmi as Vmi);
      this.queue.add(vmiKey(m.namespace, m.name));
    });
    const podWatch = K8s(kind.Pod)
      .WithField("spec.nodeName", this.config.nodeName)
      .WithLabel(LAUNCHER_LABELS.app, LAUNCHER_LABELS.appValue)
      .Watch((pod) => {
        const name = pod.metadata?.ownerReferences?.find((r) => r.kind === "VirtualMachineInstance")?.name ?? pod.metadata?.labels?.["vm.kubevirt.io/name"];
        if (name !== undefined && pod.metadata?.namespace) this.queue.add(vmiKey(pod.metadata.namespace, name));
      });
    for (const [what, w] of [["VMI", vmiWatch], ["launcher pod", podWatch]] as const) {
      w.events.on(WatchEvent.GIVE_UP, (err: Error) => onFatal(new Error(`the ${what} watch gave up: ${errorText(err)}`, { cause: err })));
      w.events.on(WatchEvent.NETWORK_ERROR, (err: Error) => this.log(`${what} watch: network error, reconnecting`, { error: errorText(err) }));
      await w.start();
      this.watches.push(w);
    }
    this.queue.start();
    this.log("virt-handler started", { node: this.config.nodeName, kubeletRootDir: this.config.kubeletRootDir });
  }

  async stop(): Promise<void> {
    for (const w of this.watches) w.close();
    await this.queue.stop();
    this.launchers.closeAll();
  }
}
