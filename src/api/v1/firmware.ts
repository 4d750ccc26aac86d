import { ApiType, Bool, Obj, Str } from "../schema";
import { PULL_POLICIES } from "./enums";

@ApiType("Legacy BIOS (SeaBIOS) boot.")
export class BIOS {
  @Bool("Show BIOS output on the serial console.")
  useSerial?: boolean;
}

@ApiType("UEFI (OVMF) boot.")
export class EFI {
  @Bool("Enable Secure Boot. Defaults to true when EFI is used; requires the SMM feature.")
  secureBoot?: boolean;
  @Bool("Keep EFI variables across restarts.")
  persistent?: boolean;
}

@ApiType("How the VMI boots; exactly one of bios or efi.")
export class Bootloader {
  @Obj(() => BIOS, "Boot with a legacy BIOS. The default.")
  bios?: BIOS;
  @Obj(() => EFI, "Boot with UEFI.")
  efi?: EFI;
}

@ApiType("A container image that holds the kernel and initrd for a direct kernel boot.")
export class KernelBootContainer {
  @Str("Image that holds the kernel and initrd.", { required: true })
  image!: string;
  @Str("Path of the kernel inside the image.")
  kernelPath?: string;
  @Str("Path of the initrd inside the image.")
  initrdPath?: string;
  @Str("When to pull the image: Always, IfNotPresent or Never.", { enum: PULL_POLICIES })
  imagePullPolicy?: string;
  @Str("Name of a Secret in the VMI's namespace to pull the image with.")
  imagePullSecret?: string;
}

@ApiType("Boot a kernel and initrd directly instead of a disk's bootloader.")
export class KernelBoot {
  @Str("Command line passed to the kernel.")
  kernelArgs?: string;
  @Obj(() => KernelBootContainer, "Where the kernel and initrd come from.")
  container?: KernelBootContainer;
}

@ApiType("Firmware and its identity as the guest sees it.")
export class Firmware {
  @Str("UUID reported to the guest through SMBIOS. Set once when the VM is created so the guest sees the same machine across restarts.")
  uuid?: string;
  @Str("Serial number reported to the guest through SMBIOS.")
  serial?: string;
  @Obj(() => Bootloader, "Boot firmware: bios (default) or efi.")
  bootloader?: Bootloader;
  @Obj(() => KernelBoot, "Boot a kernel directly.")
  kernelBoot?: KernelBoot;
  @Obj(() => ACPI, "ACPI tables handed to the guest.")
  acpi?: ACPI;
}

@ApiType("Extra ACPI tables, each taken from a volume.")
export class ACPI {
  @Str("Name of the volume holding a SLIC table (software licensing).")
  slicNameRef?: string;
  @Str("Name of the volume holding an MSDM table (Windows product key).")
  msdmNameRef?: string;
}
