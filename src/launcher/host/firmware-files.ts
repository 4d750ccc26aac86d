import { access } from "node:fs/promises";
import type { EfiFirmwareFiles } from "../converter/context";

/** Debian's OVMF (package ovmf), 4M variant; undefined when it is not installed. */
const DEBIAN_OVMF: EfiFirmwareFiles = {
  code: "/usr/share/OVMF/OVMF_CODE_4M.fd",
  secureBootCode: "/usr/share/OVMF/OVMF_CODE_4M.ms.fd",
  varsTemplate: "/usr/share/OVMF/OVMF_VARS_4M.fd",
  secureBootVarsTemplate: "/usr/share/OVMF/OVMF_VARS_4M.ms.fd",
};

export async function findEfiFirmware(): Promise<EfiFirmwareFiles | undefined> {
  for (const file of Object.values(DEBIAN_OVMF)) {
    if (!(await access(file).then(() => true, () => false))) return undefined;
  }
  return DEBIAN_OVMF;
}
