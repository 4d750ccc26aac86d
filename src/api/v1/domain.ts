import { ApiType, Obj } from "../schema";
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
}
