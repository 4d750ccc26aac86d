import { ApiType, Bool, Int, List, Obj, Quantity, QuantityMap, Str } from "../schema";
import { CPUFeature, NUMA, Realtime } from "./cpu-options";

@ApiType("Compute resources the VM asks for and is limited to, as on a Pod's container.")
export class ResourceRequirements {
  @QuantityMap("Minimum resources: memory (required unless memory.guest is set) and cpu. Example: {memory: 64Mi, cpu: 500m}.")
  requests?: Record<string, string | number>;
  @QuantityMap("Maximum resources; a request may not exceed its limit.")
  limits?: Record<string, string | number>;
  @Bool("Do not add the VM's virtualization overhead to the pod's memory request.")
  overcommitGuestOverhead?: boolean;
}

@ApiType("The guest's CPU: topology and model.")
export class CPU {
  @Int("Number of cores inside the VMI. Defaults to 1 or to the CPU request/limit.", { minimum: 1, format: "int64" })
  cores?: number;
  @Int("Number of sockets inside the VMI. Defaults to 1.", { minimum: 1, format: "int64" })
  sockets?: number;
  @Int("Number of threads per core inside the VMI. Defaults to 1.", { minimum: 1, format: "int64" })
  threads?: number;
  @Str("CPU model presented to the guest: host-passthrough, host-model or a named QEMU model.")
  model?: string;
  @Bool("Request dedicated physical CPUs for the VMI's vCPUs.")
  dedicatedCpuPlacement?: boolean;
  @Int("Most sockets the guest may grow to by CPU hotplug. Defaults to four times sockets.", { format: "int64" })
  maxSockets?: number;
  @List(() => CPUFeature, "CPU flags to add to or remove from the model.")
  features?: CPUFeature[];
  @Bool("Give QEMU's emulator thread a dedicated physical CPU of its own (with dedicatedCpuPlacement).")
  isolateEmulatorThread?: boolean;
  @Obj(() => NUMA, "The guest's NUMA topology.")
  numa?: NUMA;
  @Obj(() => Realtime, "Run vCPUs with real-time priority (with dedicatedCpuPlacement).")
  realtime?: Realtime;
}

@ApiType("Hugepages backing the guest's memory.")
export class Hugepages {
  @Str("Size of the hugepages: 2Mi or 1Gi.", { enum: ["2Mi", "1Gi"] })
  pageSize?: string;
}

@ApiType("The guest's memory.")
export class Memory {
  @Quantity("Memory the guest sees. Defaults to the memory request (or limit).")
  guest?: string | number;
  @Obj(() => Hugepages, "Back the guest's memory with hugepages.")
  hugepages?: Hugepages;
  @Quantity("Most memory the guest may grow to by memory hotplug.")
  maxGuest?: string | number;
}

@ApiType("The emulated machine.")
export class Machine {
  @Str("QEMU machine type. Only the q35 family is supported (q35, pc-q35-*). Defaults to q35.")
  type?: string;
}
