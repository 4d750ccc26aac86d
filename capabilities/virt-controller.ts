import type { KubernetesObject } from "kubernetes-fluent-client";
import { GROUP, KINDS, VERSION } from "../src/api";
import type { VirtController } from "../src/controller/controller";
import { Capability, KindRef, Watch } from "../src/framework";
import type { ControllerMetrics } from "../src/metrics/controller-metrics";

const kindRef = (kind: keyof typeof KINDS): KindRef => ({ group: GROUP, version: VERSION, kind, plural: KINDS[kind].plural });
const POD: KindRef = { group: "", version: "v1", kind: "Pod", plural: "pods" };

/**
 * virt-controller's watches: every event only queues the object's key in the controller, which
 * reconciles from a fresh read (src/controller/controller.ts). Runs in the module's watcher.
 * Deletes matter for VMIs (a VM or set replaces them) and launcher pods (a VMI without its pod
 * fails; a deleted VMI's finalizer goes once its pod is gone); a deleted VM's VMI goes by GC.
 * VMI events also feed the phase-transition metrics (in the watcher only).
 */
@Capability({
  name: "virt-controller",
  description: "Runs VirtualMachines: VM → VMI → launcher pod, VMI phases up to Scheduled, VMI replica sets",
})
export class VirtControllerWatches {
  constructor(
    private readonly controller: VirtController,
    private readonly metrics?: ControllerMetrics,
  ) {}

  @Watch(kindRef("VirtualMachine"))
  virtualMachine(vm: KubernetesObject): void {
    this.controller.observe("VirtualMachine", vm);
  }

  @Watch(kindRef("VirtualMachineInstance"))
  virtualMachineInstance(vmi: KubernetesObject): void {
    this.controller.observe("VirtualMachineInstance", vmi);
    this.metrics?.vmiSeen(vmi);
  }

  @Watch(kindRef("VirtualMachineInstance"), "DELETE")
  virtualMachineInstanceDeleted(vmi: KubernetesObject): void {
    this.controller.observe("VirtualMachineInstance", vmi);
    this.metrics?.vmiDeleted(vmi);
  }

  @Watch(kindRef("VirtualMachineInstanceReplicaSet"))
  replicaSet(rs: KubernetesObject): void {
    this.controller.observe("VirtualMachineInstanceReplicaSet", rs);
  }

  @Watch(POD)
  @Watch(POD, "DELETE")
  launcherPod(pod: KubernetesObject): void {
    this.controller.observe("Pod", pod);
  }
}
