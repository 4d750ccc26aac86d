import { ApiType, Bool, Int, List, Obj, Quantity, Str, StrMap } from "../../schema";
import { ClockOffsetUTC, CPUFeature, EFI, FeatureAPIC, FeatureHyperv, FeatureKVM, FeatureState, Timer } from "../../v1";
import { DevicePreferences } from "./preference-devices";

@ApiType("A guest clock offset: UTC or a timezone.")
export class ClockOffset {
  @Obj(() => ClockOffsetUTC, "Keep the clock at UTC, optionally offset.")
  utc?: ClockOffsetUTC;
  @Str("Keep the clock in this timezone.")
  timezone?: string;
}

@ApiType("Clock settings a preference suggests.")
export class ClockPreferences {
  @Obj(() => ClockOffset, "Clock offset.")
  preferredClockOffset?: ClockOffset;
  @Obj(() => Timer, "Timers.")
  preferredTimer?: Timer;
}

@ApiType("How the vCPUs are spread when the topology is spread.")
export class SpreadOptions {
  @Str("SocketsCores, SocketsCoresThreads or CoresThreads. Defaults to SocketsCores.")
  across?: string;
  @Int("Ratio of the first to the second level. Defaults to 2.", { format: "int64" })
  ratio?: number;
}

@ApiType("CPU settings a preference suggests.")
export class CPUPreferences {
  @Str("How the instancetype's vCPUs become a topology: sockets, cores, threads, spread or any. Defaults to sockets.")
  preferredCPUTopology?: string;
  @Obj(() => SpreadOptions, "Options of the spread topology.")
  spreadOptions?: SpreadOptions;
  @List(() => CPUFeature, "CPU flags.")
  preferredCPUFeatures?: CPUFeature[];
}

@ApiType("Platform features a preference suggests.")
export class FeaturePreferences {
  @Obj(() => FeatureState, "ACPI.")
  preferredAcpi?: FeatureState;
  @Obj(() => FeatureAPIC, "APIC.")
  preferredApic?: FeatureAPIC;
  @Obj(() => FeatureHyperv, "Hyper-V enlightenments.")
  preferredHyperv?: FeatureHyperv;
  @Obj(() => FeatureKVM, "KVM features.")
  preferredKvm?: FeatureKVM;
  @Obj(() => FeatureState, "Paravirtual spinlocks.")
  preferredPvspinlock?: FeatureState;
  @Obj(() => FeatureState, "System Management Mode.")
  preferredSmm?: FeatureState;
}

@ApiType("Firmware a preference suggests.")
export class FirmwarePreferences {
  @Bool("Boot with BIOS.")
  preferredUseBios?: boolean;
  @Bool("Show BIOS output on the serial console.")
  preferredUseBiosSerial?: boolean;
  @Bool("Deprecated: use preferredEfi. Boot with EFI.")
  preferredUseEfi?: boolean;
  @Bool("Deprecated: use preferredEfi. Use Secure Boot.")
  preferredUseSecureBoot?: boolean;
  @Obj(() => EFI, "Boot with this EFI configuration.")
  preferredEfi?: EFI;
}

@ApiType("Machine settings a preference suggests.")
export class MachinePreferences {
  @Str("Machine type, for example q35.")
  preferredMachineType?: string;
}

@ApiType("Volume settings a preference suggests.")
export class VolumePreferences {
  @Str("Storage class for the VM's DataVolumes.")
  preferredStorageClassName?: string;
}

@ApiType("The fewest vCPUs the guest needs.")
export class CPUPreferenceRequirement {
  @Int("Minimum number of vCPUs.", { required: true, format: "int64" })
  guest!: number;
}

@ApiType("The least memory the guest needs.")
export class MemoryPreferenceRequirement {
  @Quantity("Minimum memory.", { required: true })
  guest!: string | number;
}

@ApiType("Resources a VM using this preference must have.")
export class PreferenceRequirements {
  @Obj(() => CPUPreferenceRequirement, "vCPUs.")
  cpu?: CPUPreferenceRequirement;
  @Obj(() => MemoryPreferenceRequirement, "Memory.")
  memory?: MemoryPreferenceRequirement;
}

@ApiType("Settings suggested for a guest OS; a VM's own settings win.")
export class VirtualMachinePreferenceSpec {
  @Obj(() => ClockPreferences, "Clock.")
  clock?: ClockPreferences;
  @Obj(() => CPUPreferences, "CPU topology and flags.")
  cpu?: CPUPreferences;
  @Obj(() => DevicePreferences, "Devices.")
  devices?: DevicePreferences;
  @Obj(() => FeaturePreferences, "Platform features.")
  features?: FeaturePreferences;
  @Obj(() => FirmwarePreferences, "Firmware.")
  firmware?: FirmwarePreferences;
  @Obj(() => MachinePreferences, "Machine type.")
  machine?: MachinePreferences;
  @Obj(() => VolumePreferences, "Volumes.")
  volumes?: VolumePreferences;
  @Int("Seconds the guest gets to shut down.", { format: "int64" })
  preferredTerminationGracePeriodSeconds?: number;
  @Str("Subdomain of the guest.")
  preferredSubdomain?: string;
  @Obj(() => PreferenceRequirements, "Minimum resources.")
  requirements?: PreferenceRequirements;
  @Int("Deprecated: use cpu.spreadOptions.ratio.", { format: "int64" })
  preferSpreadSocketToCoreRatio?: number;
  @StrMap("Annotations added to the VMs' instances.")
  annotations?: Record<string, string>;
}
