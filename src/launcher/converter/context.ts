import type { VirtType } from "../domain/model";

/** Where a volume's disk ended up after preparation (see ../disks). */
export interface DiskSource {
  type: "file" | "block";
  path: string;
  format: "qcow2" | "raw";
  /** Volumes whose data must not change (ISOs, read-only claims) are attached read-only. */
  readonly: boolean;
}

export interface EfiFirmwareFiles {
  code: string;
  secureBootCode: string;
  varsTemplate: string;
  secureBootVarsTemplate: string;
}

/**
 * Host facts the converter needs, gathered by I/O beforehand (KVM probe, firmware files, prepared
 * disks, socket paths). Plain data: the conversion itself does no I/O.
 */
export interface ConverterContext {
  virtType: VirtType;
  emulator: string;
  sockets: { serial: string; vnc: string; guestAgent: string };
  consoleLogFile: string;
  volumes: Readonly<Record<string, DiskSource>>;
  efi?: EfiFirmwareFiles;
  /** Per-VM copy of the EFI variable store. */
  nvramPath: string;
  kernelBoot?: { kernel: string; initrd?: string };
  /** Pod network name → tap device prepared for it. A network with no tap is not attached (standalone mode). */
  taps: Readonly<Record<string, string>>;
  /** Network name → MAC when the interface names none (the pod network's derived MAC); optional. */
  macs?: Readonly<Record<string, string>>;
}

export class ConversionError extends Error {
  constructor(
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${field}: ${message}`, options);
    this.name = "ConversionError";
  }
}
