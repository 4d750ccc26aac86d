import { ApiType, Bool, Int, List, Obj, Quantity, Str, StrMap } from "../../schema";
import { GPU, HostDevice, Hugepages, LaunchSecurity, NUMA, Realtime } from "../../v1";

@ApiType("The vCPUs an instancetype gives a VM.")
export class CPUInstancetype {
  @Int("Number of vCPUs the guest sees (laid out by the preference's topology).", { required: true, format: "int64" })
  guest!: number;
  @Str("CPU model presented to the guest.")
  model?: string;
  @Bool("Pin each vCPU to a dedicated physical CPU.")
  dedicatedCPUPlacement?: boolean;
  @Obj(() => NUMA, "The guest's NUMA topology.")
  numa?: NUMA;
  @Bool("Give QEMU's emulator thread a dedicated physical CPU.")
  isolateEmulatorThread?: boolean;
  @Obj(() => Realtime, "Real-time scheduling of the vCPUs.")
  realtime?: Realtime;
  @Int("Most sockets the guest may grow to by CPU hotplug.", { format: "int64" })
  maxSockets?: number;
}

@ApiType("The memory an instancetype gives a VM.")
export class MemoryInstancetype {
  @Quantity("Memory the guest sees, for example 2Gi.", { required: true })
  guest!: string | number;
  @Obj(() => Hugepages, "Back the memory with hugepages.")
  hugepages?: Hugepages;
  @Int("Percent of the guest memory not requested from the node (0-100): overcommit.", { format: "int32" })
  overcommitPercent?: number;
  @Quantity("Most memory the guest may grow to by memory hotplug.")
  maxGuest?: string | number;
}

@ApiType("The resources and placement an instancetype imposes; a VM using it may not set them itself.")
export class VirtualMachineInstancetypeSpec {
  @Obj(() => CPUInstancetype, "vCPUs.", { required: true })
  cpu!: CPUInstancetype;
  @Obj(() => MemoryInstancetype, "Memory.", { required: true })
  memory!: MemoryInstancetype;
  @List(() => GPU, "GPUs every VM of this type gets.")
  gpus?: GPU[];
  @List(() => HostDevice, "Host devices every VM of this type gets.")
  hostDevices?: HostDevice[];
  @Str("How disks share I/O threads: shared, auto or supplementalPool.")
  ioThreadsPolicy?: string;
  @Obj(() => LaunchSecurity, "Memory encryption.")
  launchSecurity?: LaunchSecurity;
  @StrMap("Node labels the VMs' nodes must carry.")
  nodeSelector?: Record<string, string>;
  @Str("Scheduler for the VMs' launcher pods.")
  schedulerName?: string;
  @StrMap("Annotations added to the VMs' instances.")
  annotations?: Record<string, string>;
}
