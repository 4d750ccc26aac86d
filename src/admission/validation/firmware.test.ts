import { newCirrosVmi, withEfi, withFeatures, withFirmware } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as firmware from "./firmware";

const KERNEL = "spec.domain.firmware.kernelBoot";

ruleTable("one bootloader", firmware.singleBootloader, [
  { name: "bios", vmi: newCirrosVmi(withFirmware({ bootloader: { bios: {} } })) },
  { name: "bios and efi", vmi: newCirrosVmi(withFirmware({ bootloader: { bios: {}, efi: { secureBoot: false } } })), denied: { field: "spec.domain.firmware.bootloader", message: "mutually exclusive" } },
]);

ruleTable("Secure Boot needs SMM", firmware.secureBootNeedsSmm, [
  { name: "efi without Secure Boot", vmi: newCirrosVmi(withEfi(false)) },
  { name: "Secure Boot with SMM", vmi: newCirrosVmi(withEfi(true), withFeatures({ smm: {} })) },
  { name: "Secure Boot by default, no SMM", vmi: newCirrosVmi(withEfi()), denied: { field: "spec.domain", message: "SMM feature it requires is off" } },
  { name: "Secure Boot with SMM disabled", vmi: newCirrosVmi(withEfi(true), withFeatures({ smm: { enabled: false } })), denied: { field: "spec.domain", message: "secureBoot: false" } },
]);

ruleTable("kernel boot", firmware.kernelBoot, [
  { name: "kernel and initrd", vmi: newCirrosVmi(withFirmware({ kernelBoot: { kernelArgs: "console=ttyS0", container: { image: "kernel:v1", kernelPath: "/boot/vmlinuz", initrdPath: "/boot/initrd" } } })) },
  { name: "args without a kernel", vmi: newCirrosVmi(withFirmware({ kernelBoot: { kernelArgs: "console=ttyS0" } })), denied: { field: `${KERNEL}.kernelArgs`, message: "kernel arguments need a kernel" } },
  { name: "no image", vmi: newCirrosVmi(withFirmware({ kernelBoot: { container: { image: "", kernelPath: "/boot/vmlinuz" } } })), denied: { field: `${KERNEL}.container.image`, message: "is required" } },
  { name: "no paths", vmi: newCirrosVmi(withFirmware({ kernelBoot: { container: { image: "kernel:v1" } } })), denied: { field: `${KERNEL}.container`, message: "needs kernelPath, initrdPath or both" } },
  { name: "relative kernel path", vmi: newCirrosVmi(withFirmware({ kernelBoot: { container: { image: "kernel:v1", kernelPath: "boot/vmlinuz" } } })), denied: { field: `${KERNEL}.container.kernelPath`, message: "absolute path" } },
  { name: "initrd path with ..", vmi: newCirrosVmi(withFirmware({ kernelBoot: { container: { image: "kernel:v1", initrdPath: "/boot/../initrd" } } })), denied: { field: `${KERNEL}.container.initrdPath`, message: "relative components" } },
]);

ruleTable("firmware UUID", firmware.firmwareUuid, [
  { name: "UUID", vmi: newCirrosVmi(withFirmware({ uuid: "5d307ca9-b3ef-428c-8861-06e72d69f223" })) },
  { name: "not a UUID", vmi: newCirrosVmi(withFirmware({ uuid: "my-vm" })), denied: { field: "spec.domain.firmware.uuid", message: "is not a UUID" } },
]);
