import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { PHASE_TRANSITION_BUCKETS, PHASE_TRANSITION_METRICS, phaseTransitionObservations, type PhaseTimedVmi, type PhaseTransitionMetric } from "./phase-transitions";
import { LABELS } from "../controller/labels";
import { PHASE_COUNT_LABELS, phaseCounts, VMI_INFO_LABELS, vmiInfoLabels, type InfoVmi } from "./vmi-info";

type Vmi = PhaseTimedVmi & InfoVmi & { metadata?: { uid?: string } };
type LauncherPod = { metadata?: { name?: string; labels?: Record<string, string> }; spec?: { nodeName?: string }; status?: { phase?: string } };

/** What the gauges read at each scrape: the cluster's VMs, VMIs and launcher pods. */
export interface ControllerMetricsSource {
  vms(): Promise<Array<{ metadata?: { namespace?: string } }>>;
  vmis(): Promise<Vmi[]>;
  launcherPods(): Promise<LauncherPod[]>;
}

const HELP: Record<PhaseTransitionMetric, string> = {
  fromCreation: "Histogram of VM phase transitions duration from creation time in seconds.",
  between: "Histogram of VM phase transitions duration between different phases in seconds.",
  fromDeletion: "Histogram of VM phase transitions duration from deletion time in seconds.",
};

/**
 * virt-controller's metrics under KubeVirt's names. The histograms follow the watch (each VMI's
 * last seen phase is kept until it is deleted); the gauges are read from the cluster at scrape
 * time, as KubeVirt reads its informers' caches then, so they never drift from the API server.
 */
export class ControllerMetrics {
  readonly registry = new Registry();
  private readonly lastPhase = new Map<string, string>();
  private readonly histograms: Record<PhaseTransitionMetric, Histogram<string>>;
  private readonly leading: Gauge<string>;
  private readonly ready: Gauge<string>;

  constructor(source: ControllerMetricsSource) {
    const histogram = (m: PhaseTransitionMetric): Histogram<string> =>
      new Histogram({ name: PHASE_TRANSITION_METRICS[m], help: HELP[m], buckets: PHASE_TRANSITION_BUCKETS, labelNames: m === "between" ? ["phase", "last_phase"] : ["phase"], registers: [this.registry] });
    this.histograms = { fromCreation: histogram("fromCreation"), between: histogram("between"), fromDeletion: histogram("fromDeletion") };
    this.leading = new Gauge({ name: "kubevirt_virt_controller_leading_status", help: "Indication for an operating virt-controller.", registers: [this.registry] });
    this.ready = new Gauge({ name: "kubevirt_virt_controller_ready_status", help: "Indication for a virt-controller that is ready to take the lead.", registers: [this.registry] });
    this.leading.set(0);
    this.ready.set(0);

    // One read of VMIs and pods per scrape feeds both VMI gauges.
    let snapshot: Promise<ReturnType<typeof infoSeries>> | undefined;
    const infos = (): Promise<ReturnType<typeof infoSeries>> => {
      snapshot ??= Promise.all([source.vmis(), source.launcherPods()]).then(([vmis, pods]) => infoSeries(vmis, pods)).finally(() => setImmediate(() => (snapshot = undefined)));
      return snapshot;
    };
    new Gauge({
      name: "kubevirt_vmi_info", help: "Information about VirtualMachineInstances.", labelNames: [...VMI_INFO_LABELS], registers: [this.registry],
      async collect() {
        this.reset();
        for (const labels of await infos()) this.set(labels, 1);
      },
    });
    new Gauge({
      name: "kubevirt_vmi_phase_count", help: "Sum of VMIs per phase and node.", labelNames: [...PHASE_COUNT_LABELS], registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, count } of phaseCounts(await infos())) this.set(labels, count);
      },
    });
    new Gauge({
      name: "kubevirt_number_of_vms", help: "The number of VMs in the cluster by namespace.", labelNames: ["namespace"], registers: [this.registry],
      async collect() {
        this.reset();
        const perNamespace = new Map<string, number>();
        for (const vm of await source.vms()) perNamespace.set(vm.metadata?.namespace ?? "", (perNamespace.get(vm.metadata?.namespace ?? "") ?? 0) + 1);
        for (const [namespace, n] of perNamespace) this.set({ namespace }, n);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** A VMI from the watch (created or updated). */
  vmiSeen(vmi: Vmi): void {
    const uid = vmi.metadata?.uid;
    if (!uid) return;
    for (const o of phaseTransitionObservations(this.lastPhase.get(uid), vmi)) this.histograms[o.metric].observe(o.labels, o.seconds);
    this.lastPhase.set(uid, vmi.status?.phase ?? "");
  }

  vmiDeleted(vmi: Vmi): void {
    if (vmi.metadata?.uid) this.lastPhase.delete(vmi.metadata.uid);
  }

  setLeading(leading: boolean): void {
    this.leading.set(leading ? 1 : 0);
  }

  setReady(ready: boolean): void {
    this.ready.set(ready ? 1 : 0);
  }
}

function infoSeries(vmis: Vmi[], pods: LauncherPod[]) {
  // KubeVirt names the running launcher pod on the VMI's node, found by the created-by label (the VMI's uid).
  const running = new Map<string, LauncherPod>();
  for (const p of pods) {
    const uid = p.metadata?.labels?.[LABELS.createdBy];
    if (uid && p.status?.phase === "Running") running.set(uid, p);
  }
  return vmis.map((vmi) => {
    const pod = running.get(vmi.metadata?.uid ?? "");
    const onNode = pod && pod.spec?.nodeName === vmi.status?.nodeName ? pod.metadata?.name : undefined;
    return vmiInfoLabels(vmi, onNode);
  });
}
