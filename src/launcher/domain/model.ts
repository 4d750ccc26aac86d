/**
 * The libvirt domain as plain data: what the converter's configurators fill in and what the renderer
 * turns into domain XML. Field names follow libvirt's XML, sizes are bytes.
 */
export type VirtType = "kvm" | "qemu";

export interface DomainMetadata {
  namespace: string;
  name: string;
  uid?: string;
  gracePeriodSeconds: number;
}

export interface CpuTopology {
  sockets: number;
  cores: number;
  threads: number;
}

export type CpuMode = { mode: "host-passthrough" } | { mode: "host-model" } | { mode: "custom"; model: string };

export type Firmware =
  | { kind: "bios"; useSerial: boolean }
  | { kind: "efi"; loader: string; nvramTemplate: string; nvram: string; secureBoot: boolean };

export interface KernelBoot {
  kernel: string;
  initrd?: string;
  cmdline?: string;
}

export interface DiskDevice {
  device: "disk" | "cdrom" | "lun";
  source: { type: "file"; path: string } | { type: "block"; path: string };
  format: "qcow2" | "raw";
  target: { dev: string; bus: "virtio" | "sata" | "scsi" | "usb" };
  readonly: boolean;
  bootOrder?: number;
  serial?: string;
  cache?: "none" | "writethrough" | "writeback";
  io?: "native" | "threads";
  alias: string;
}

export interface NicDevice {
  alias: string;
  model: string;
  mac?: string;
  tap: string;
  bootOrder?: number;
}

export interface DomainModel {
  type: VirtType;
  name: string;
  uuid?: string;
  metadata: DomainMetadata;
  memoryBytes: number;
  vcpus: number;
  topology: CpuTopology;
  cpu?: CpuMode;
  machine: string;
  firmware: Firmware;
  kernelBoot?: KernelBoot;
  smbiosSerial?: string;
  features: { acpi: boolean; apic: boolean; smm: boolean };
  clock: { offset: "utc" | "timezone"; timezone?: string; adjustmentSeconds?: number };
  devices: {
    emulator: string;
    disks: DiskDevice[];
    interfaces: NicDevice[];
    serialConsole?: { socket: string; logFile: string };
    vnc?: { socket: string };
    guestAgentChannel?: { socket: string };
    memballoon: boolean;
    rng: boolean;
  };
}

/** The empty starting point the configurators fill in. */
export function emptyDomain(emulator: string, type: VirtType): DomainModel {
  return {
    type,
    name: "",
    metadata: { namespace: "", name: "", gracePeriodSeconds: 30 },
    memoryBytes: 0,
    vcpus: 1,
    topology: { sockets: 1, cores: 1, threads: 1 },
    machine: "q35",
    firmware: { kind: "bios", useSerial: false },
    features: { acpi: true, apic: true, smm: false },
    clock: { offset: "utc" },
    devices: { emulator, disks: [], interfaces: [], memballoon: false, rng: false },
  };
}
