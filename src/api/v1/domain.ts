import { ApiType, Obj, Str } from "../schema";
import { Chassis, DiskIOThreads } from "./chassis";
import { LaunchSecurity } from "./launch-security";
import { CPU, Machine, Memory, ResourceRequirements } from "./compute";
import { Devices } from "./devices";
import { Clock, Features } from "./features";
import { Firmware } from "./firmware";

@ApiType("The virtual hardware of the VMI.")
export class DomainSpec {
  @Obj(() => ResourceRequirements, "Compute resources: requests and limits of memory and cpu.")
  resources?: ResourceRequirements;
  @Obj(() => CPU, "CPU topology and model.")
  cpu?: CPU;
  @Obj(() => Memory, "Guest memory.")
  memory?: Memory;
  @Obj(() => Machine, "Emulated machine type.")
  machine?: Machine;
  @Obj(() => Firmware, "Firmware and boot.")
  firmware?: Firmware;
  @Obj(() => Clock, "Guest clock.")
  clock?: Clock;
  @Obj(() => Features, "Platform features such as ACPI.")
  features?: Features;
  @Obj(() => Devices, "Attached devices.", { required: true })
  devices!: Devices;
  @Obj(() => Chassis, "SMBIOS chassis information.")
  chassis?: Chassis;
  @Str("How disks share I/O threads: shared (one for all), auto (a small pool) or supplementalPool.")
  ioThreadsPolicy?: string;
  @Obj(() => DiskIOThreads, "Size of the supplemental I/O thread pool.")
  ioThreads?: DiskIOThreads;
  @Obj(() => LaunchSecurity, "Memory encryption (AMD SEV).")
  launchSecurity?: LaunchSecurity;
}
