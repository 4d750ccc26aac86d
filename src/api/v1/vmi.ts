import { ApiType, Free, Int, List, Obj, Str, StrList, StrMap } from "../schema";
import { Condition } from "./conditions";
import { DomainSpec } from "./domain";
import { EVICTION_STRATEGIES, START_STRATEGIES, VMI_PHASES } from "./enums";
import { Network } from "./interfaces";
import { Volume } from "./volumes";

@ApiType("The desired state of a virtual machine instance.")
export class VirtualMachineInstanceSpec {
  @Obj(() => DomainSpec, "The virtual hardware.", { required: true })
  domain!: DomainSpec;
  @List(() => Volume, "Where the disks' data comes from.")
  volumes?: Volume[];
  @List(() => Network, "Networks the interfaces connect to.")
  networks?: Network[];
  @Int("Seconds the guest gets to shut down after an ACPI power-button press before it is stopped. Defaults to 30.", { minimum: 0, format: "int64" })
  terminationGracePeriodSeconds?: number;
  @Str("What happens on node drain: None, LiveMigrate, LiveMigrateIfPossible or External.", { enum: EVICTION_STRATEGIES })
  evictionStrategy?: string;
  @Str("Host name of the guest (a DNS label). Defaults to the VMI's name.")
  hostname?: string;
  @Str("Subdomain: the guest's FQDN becomes <hostname>.<subdomain>.<namespace>.svc.")
  subdomain?: string;
  @StrMap("Nodes the VMI may run on must carry these labels.")
  nodeSelector?: Record<string, string>;
  @Free("Pod affinity rules for the VMI's launcher pod (core/v1 Affinity).")
  affinity?: Record<string, unknown>;
  @List(() => Toleration, "Taints the VMI's launcher pod tolerates (core/v1 Toleration).")
  tolerations?: Toleration[];
  @Str("Name of the scheduler for the launcher pod.")
  schedulerName?: string;
  @Str("Priority class of the launcher pod.")
  priorityClassName?: string;
  @Str("Paused: start the VMI paused.", { enum: START_STRATEGIES })
  startStrategy?: string;
}

@ApiType("A taint the launcher pod tolerates.")
export class Toleration {
  @Str("Taint key; empty matches all keys.")
  key?: string;
  @Str("Exists or Equal.", { enum: ["Exists", "Equal"] })
  operator?: string;
  @Str("Taint value to match.")
  value?: string;
  @Str("Taint effect to match: NoSchedule, PreferNoSchedule or NoExecute.", { enum: ["NoSchedule", "PreferNoSchedule", "NoExecute"] })
  effect?: string;
  @Int("Seconds a NoExecute taint is tolerated.", { format: "int64" })
  tolerationSeconds?: number;
}

@ApiType("A network interface of the running guest.")
export class VirtualMachineInstanceNetworkInterface {
  @Str("Name of the interface in the VMI spec.")
  name?: string;
  @Str("Primary IP address.")
  ipAddress?: string;
  @StrList("All IP addresses.")
  ipAddresses?: string[];
  @Str("MAC address.")
  mac?: string;
  @Str("Name of the interface inside the guest.")
  interfaceName?: string;
}

@ApiType("When a VMI entered a phase.")
export class VirtualMachineInstancePhaseTransitionTimestamp {
  @Str("The phase.")
  phase?: string;
  @Str("When it was entered (RFC 3339).")
  phaseTransitionTimestamp?: string;
}

@ApiType("The observed state of a virtual machine instance, written by the controller and the node agent.")
export class VirtualMachineInstanceStatus {
  @Str("Pending, Scheduling, Scheduled, Running, Succeeded, Failed or Unknown.", { enum: VMI_PHASES })
  phase?: string;
  @Str("Node the VMI runs on.")
  nodeName?: string;
  @Str("Why the VMI is in its phase.")
  reason?: string;
  @List(() => Condition, "Conditions such as Ready.")
  conditions?: Condition[];
  @List(() => VirtualMachineInstanceNetworkInterface, "Network interfaces of the running guest.")
  interfaces?: VirtualMachineInstanceNetworkInterface[];
  @List(() => VirtualMachineInstancePhaseTransitionTimestamp, "When each phase was entered.")
  phaseTransitionTimestamps?: VirtualMachineInstancePhaseTransitionTimestamp[];
}

@ApiType("A running virtual machine: one launcher pod, one guest.")
export class VirtualMachineInstance {
  @Str("kubevirt.io/v1")
  apiVersion?: string;
  @Str("VirtualMachineInstance")
  kind?: string;
  @Free("Standard object metadata.")
  metadata?: Record<string, unknown>;
  @Obj(() => VirtualMachineInstanceSpec, "The desired state.", { required: true })
  spec!: VirtualMachineInstanceSpec;
  @Obj(() => VirtualMachineInstanceStatus, "The observed state.")
  status?: VirtualMachineInstanceStatus;
}

@ApiType("A template for VMIs: their metadata and spec.")
export class VirtualMachineInstanceTemplateSpec {
  @Free("Labels and annotations the VMIs get.")
  metadata?: Record<string, unknown>;
  @Obj(() => VirtualMachineInstanceSpec, "The VMIs' spec.")
  spec?: VirtualMachineInstanceSpec;
}
