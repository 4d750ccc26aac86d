import type { Configurator } from "./configurator";
import { ConversionError } from "./context";

/**
 * Firmware: SeaBIOS by default, OVMF when bootloader.efi is set (secure boot needs SMM), direct
 * kernel boot when kernelBoot is set, and the SMBIOS serial number.
 */
export const configureFirmware: Configurator = (vmi, domain, ctx) => {
  const fw = vmi.spec.domain.firmware;
  const efi = fw?.bootloader?.efi;
  if (efi !== undefined) {
    if (ctx.efi === undefined) throw new ConversionError("spec.domain.firmware.bootloader.efi", "no OVMF firmware on this host (apt-get install ovmf)");
    const secureBoot = efi.secureBoot ?? true;
    domain.firmware = {
      kind: "efi",
      loader: secureBoot ? ctx.efi.secureBootCode : ctx.efi.code,
      nvramTemplate: secureBoot ? ctx.efi.secureBootVarsTemplate : ctx.efi.varsTemplate,
      nvram: ctx.nvramPath,
      secureBoot,
    };
    if (secureBoot) domain.features.smm = true;
  } else {
    domain.firmware = { kind: "bios", useSerial: fw?.bootloader?.bios?.useSerial ?? false };
  }
  if (fw?.kernelBoot !== undefined) {
    if (ctx.kernelBoot === undefined) throw new ConversionError("spec.domain.firmware.kernelBoot", "the kernel was not prepared");
    domain.kernelBoot = { ...ctx.kernelBoot, cmdline: fw.kernelBoot.kernelArgs };
  }
  domain.smbiosSerial = fw?.serial;
};
