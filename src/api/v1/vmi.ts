import { ApiType, Free, FreeList, Int, List, Obj, Str, StrList, StrMap } from "../schema";
import { AccessCredential } from "./access-credentials";
import { Machine } from "./compute";
import { VirtualMachineInstanceMigrationState } from "./migration-state";
import { Probe } from "./probes";
import { CPUTopology, DeviceStatus, KernelBootStatus, MemoryStatus, TopologyHints, VirtualMachineInstanceGuestOSInfo } from "./vmi-status-types";
import { StorageMigratedVolumeInfo, VolumeStatus } from "./volume-status";
import { Condition } from "./conditions";
import { DomainSpec } from "./domain";
import { DNS_POLICIES, EVICTION_STRATEGIES, QOS_CLASSES, START_STRATEGIES, VMI_PHASES } from "./enums";
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
  @List(() => AccessCredential, "SSH keys and passwords injected into the guest.")
  accessCredentials?: AccessCredential[];
  @Str("CPU architecture of the guest: amd64, arm64 or s390x. Defaults to the cluster's.")
  architecture?: string;
  @Free("DNS settings of the launcher pod, merged with those dnsPolicy makes (core/v1 PodDNSConfig).")
  dnsConfig?: Record<string, unknown>;
  @Str("DNS policy of the launcher pod. Defaults to ClusterFirst.", { enum: DNS_POLICIES })
  dnsPolicy?: string;
  @Obj(() => Probe, "When the VMI counts as dead and is restarted.")
  livenessProbe?: Probe;
  @Obj(() => Probe, "When the VMI counts as ready for traffic.")
  readinessProbe?: Probe;
  @FreeList("Dynamic resource allocation claims GPUs and host devices draw from (core/v1 PodResourceClaim).")
  resourceClaims?: Record<string, unknown>[];
  @FreeList("How VMIs spread across zones and nodes (core/v1 TopologySpreadConstraint).")
  topologySpreadConstraints?: Record<string, unknown>[];
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
  @Str("Where the data came from: domain, guest-agent, multus-status, or several joined by commas.")
  infoSource?: string;
  @Str("Link state the guest reports: up or down.")
  linkState?: string;
  @Str("Name of the matching interface in the launcher pod.")
  podInterfaceName?: string;
  @Int("Number of queues of the NIC.", { format: "int32" })
  queueCount?: number;
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
  @Str("QoS class of the launcher pod.", { enum: QOS_CLASSES })
  qosClass?: string;
  @Str("Node the VMI is being evacuated from.")
  evacuationNodeName?: string;
  @Str("Whether the guest's filesystems are frozen (frozen), for snapshots.")
  fsFreezeStatus?: string;
  @StrMap("Launcher pods of the VMI (by pod UID) and their nodes.")
  activePods?: Record<string, string>;
  @Obj(() => VirtualMachineInstanceGuestOSInfo, "The guest OS, as its agent reports it.")
  guestOSInfo?: VirtualMachineInstanceGuestOSInfo;
  @Obj(() => VirtualMachineInstanceMigrationState, "The latest migration.")
  migrationState?: VirtualMachineInstanceMigrationState;
  @Str("BlockMigration or LiveMigration.")
  migrationMethod?: string;
  @Str("How migration traffic is carried.")
  migrationTransport?: string;
  @List(() => StorageMigratedVolumeInfo, "Volumes moved to other claims.")
  migratedVolumes?: StorageMigratedVolumeInfo[];
  @List(() => VolumeStatus, "State of each volume.")
  volumeStatus?: VolumeStatus[];
  @Obj(() => KernelBootStatus, "Checksums of a kernel boot's artifacts.")
  kernelBootStatus?: KernelBootStatus;
  @Str("Launcher image the VMI runs in.")
  launcherContainerImageVersion?: string;
  @Obj(() => Machine, "Machine type the VMI runs with.")
  machine?: Machine;
  @Obj(() => MemoryStatus, "Memory at boot, requested and current.")
  memory?: MemoryStatus;
  @Obj(() => CPUTopology, "CPU topology the guest has now.")
  currentCPUTopology?: CPUTopology;
  @Obj(() => DeviceStatus, "State of GPUs and host devices.")
  deviceStatus?: DeviceStatus;
  @Obj(() => TopologyHints, "Host facts kept across migrations.")
  topologyHints?: TopologyHints;
  @Int("User id QEMU runs as in the launcher.", { format: "int64" })
  runtimeUser?: number;
  @Str("SELinux context of the launcher.")
  selinuxContext?: string;
  @Str("Controller revision of the VM the VMI was made from.")
  virtualMachineRevisionName?: string;
  @Int("Context id of the VMI's VSOCK device.", { format: "int64" })
  VSOCKCID?: number;
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
