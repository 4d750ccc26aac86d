import { ApiType, Int, List, Obj, Quantity, Str } from "../schema";

@ApiType("A CPU topology: sockets, cores per socket, threads per core.")
export class CPUTopology {
  @Int("Number of cores.", { format: "int64" })
  cores?: number;
  @Int("Number of sockets.", { format: "int64" })
  sockets?: number;
  @Int("Number of threads per core.", { format: "int64" })
  threads?: number;
}

@ApiType("Host-side identity of a device taken from a resource claim.")
export class DeviceAttribute {
  @Str("PCI address of the device on the host.")
  pciAddress?: string;
  @Str("UUID of the mediated device on the host.")
  mDevUUID?: string;
}

@ApiType("Which resource claim and device a GPU or host device was given.")
export class DeviceResourceClaimStatus {
  @Str("Name of the device the claim was allocated.")
  name?: string;
  @Str("Name of the ResourceClaim object.")
  resourceClaimName?: string;
  @Obj(() => DeviceAttribute, "Host-side identity of the device.")
  attributes?: DeviceAttribute;
}

@ApiType("The state of one passed-through device.")
export class DeviceStatusInfo {
  @Str("Name of the device in the VMI spec.", { required: true })
  name!: string;
  @Obj(() => DeviceResourceClaimStatus, "The resource claim behind the device, for DRA devices.")
  deviceResourceClaimStatus?: DeviceResourceClaimStatus;
}

@ApiType("The state of GPUs and host devices.")
export class DeviceStatus {
  @List(() => DeviceStatusInfo, "GPUs.")
  gpuStatuses?: DeviceStatusInfo[];
  @List(() => DeviceStatusInfo, "Host devices.")
  hostDeviceStatuses?: DeviceStatusInfo[];
}

@ApiType("The guest operating system, as the guest agent reports it.")
export class VirtualMachineInstanceGuestOSInfo {
  @Str("Name of the operating system.")
  name?: string;
  @Str("Kernel release.")
  kernelRelease?: string;
  @Str("Kernel version.")
  version?: string;
  @Str("Pretty name of the operating system.")
  prettyName?: string;
  @Str("Operating system version id.")
  versionId?: string;
  @Str("Kernel version string.")
  kernelVersion?: string;
  @Str("Machine hardware name.")
  machine?: string;
  @Str("Operating system id.")
  id?: string;
}

@ApiType("A checksum of a boot artifact.")
export class KernelInfo {
  @Int("Checksum of the kernel image.", { format: "int64" })
  checksum?: number;
}

@ApiType("A checksum of a boot artifact.")
export class InitrdInfo {
  @Int("Checksum of the initrd image.", { format: "int64" })
  checksum?: number;
}

@ApiType("Checksums of the kernel and initrd of a kernel boot.")
export class KernelBootStatus {
  @Obj(() => KernelInfo, "The kernel.")
  kernelInfo?: KernelInfo;
  @Obj(() => InitrdInfo, "The initrd.")
  initrdInfo?: InitrdInfo;
}

@ApiType("The guest's memory as booted, requested and seen now.")
export class MemoryStatus {
  @Quantity("Memory the guest booted with.")
  guestAtBoot?: string | number;
  @Quantity("Memory the guest has now.")
  guestCurrent?: string | number;
  @Quantity("Memory asked of the guest (hotplug).")
  guestRequested?: string | number;
}

@ApiType("Facts about the host a VMI must keep across migrations.")
export class TopologyHints {
  @Int("TSC frequency of the host the VMI started on, in Hz.", { format: "int64" })
  tscFrequency?: number;
}
