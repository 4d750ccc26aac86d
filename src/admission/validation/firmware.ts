import { Cause, Firmware, KernelBoot } from "../../api";
import { domainOf, isRecord, text } from "./access";
import { absolutePathError } from "./names";
import { at, cause, quote, SpecRule } from "./rule";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function firmwareOf(spec: Parameters<SpecRule>[0]): Firmware | undefined {
  const firmware = domainOf(spec)?.firmware;
  return isRecord(firmware) ? firmware : undefined;
}

export const singleBootloader: SpecRule = (spec, path) => {
  const bootloader = firmwareOf(spec)?.bootloader;
  if (!isRecord(bootloader) || !isRecord(bootloader.bios) || !isRecord(bootloader.efi)) return [];
  return [cause(at(path, "domain", "firmware", "bootloader"), "sets both bios and efi; they are mutually exclusive: keep one")];
};

/** Secure Boot's variable store is only protected with System Management Mode (SMM) on. */
export const secureBootNeedsSmm: SpecRule = (spec, path) => {
  const bootloader = firmwareOf(spec)?.bootloader;
  const efi = isRecord(bootloader) ? bootloader.efi : undefined;
  if (!isRecord(efi) || efi.secureBoot === false) return [];
  const features = domainOf(spec)?.features;
  const smm = isRecord(features) ? features.smm : undefined;
  if (isRecord(smm) && smm.enabled !== false) return [];
  return [cause(at(path, "domain"),
    `EFI Secure Boot is on (the default with efi) but the SMM feature it requires is off; set ${at(path, "domain", "features", "smm")} to {} or set ${at(path, "domain", "firmware", "bootloader", "efi", "secureBoot")}: false`)];
};

export const kernelBoot: SpecRule = (spec, path) => {
  const boot = firmwareOf(spec)?.kernelBoot;
  return isRecord(boot) ? kernelBootCauses(boot, at(path, "domain", "firmware", "kernelBoot")) : [];
};

function kernelBootCauses(boot: KernelBoot, field: string): Cause[] {
  const container = boot.container;
  if (!isRecord(container)) {
    return text(boot.kernelArgs) ? [cause(at(field, "kernelArgs"), "kernel arguments need a kernel: set kernelBoot.container with the image that holds it, or remove kernelArgs")] : [];
  }
  const containerField = at(field, "container");
  const causes: Cause[] = [];
  if (!text(container.image)) causes.push(cause(at(containerField, "image"), "is required: the container image that holds the kernel and initrd"));
  const kernelPath = text(container.kernelPath);
  const initrdPath = text(container.initrdPath);
  if (!kernelPath && !initrdPath) causes.push(cause(containerField, "needs kernelPath, initrdPath or both: where in the image the kernel and initrd are"));
  for (const [name, value] of [["kernelPath", kernelPath], ["initrdPath", initrdPath]] as const) {
    const error = value ? absolutePathError(value) : undefined;
    if (error) causes.push(cause(at(containerField, name), error));
  }
  return causes;
}

/** The guest sees this as its SMBIOS system UUID; libvirt refuses anything that is not a UUID. */
export const firmwareUuid: SpecRule = (spec, path) => {
  const uuid = firmwareOf(spec)?.uuid;
  if (uuid === undefined || uuid === null || uuid === "" || (typeof uuid === "string" && UUID.test(uuid))) return [];
  return [cause(at(path, "domain", "firmware", "uuid"), `${quote(uuid)} is not a UUID; use the 8-4-4-4-12 hex form, for example 5d307ca9-b3ef-428c-8861-06e72d69f223, or omit it to get one`)];
};

export const FIRMWARE_RULES: readonly SpecRule[] = [singleBootloader, secureBootNeedsSmm, kernelBoot, firmwareUuid];
