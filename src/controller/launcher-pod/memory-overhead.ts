import type { VirtualMachineInstance } from "../../api";
import { parseQuantity } from "../../api";

const Mi = 1024 * 1024;

/**
 * What a launcher pod needs on top of the guest's RAM, in bytes. KubeVirt v1.6
 * (pkg/virt-controller/services/renderresources.go) sums: page tables (guest RAM / 512), 220 MiB
 * static (virt-launcher-monitor 25, virt-launcher 100, virtlogd 25, virtqemud 40, QEMU 30), 8 MiB
 * per vCPU, 8 MiB for the IOThread, 32 MiB of video RAM with a graphics device. The same terms here,
 * with constants measured on this project's launcher, and TCG's translation cache and emulated
 * devices under emulation, which KubeVirt does not count.
 */
export const OVERHEAD = {
  /**
   * The launcher's processes without QEMU: 102 MiB measured by `npm run bench:launcher` (node 74 from
   * its bundle with LAUNCHER_NODE_FLAGS, libvirtd 25, tini and unshare 3; no virtlogd, no virsh
   * child), plus a tenth for the spread between runs and VMs.
   */
  launcherProcesses: 112 * Mi,
  qemuBase: 40 * Mi,
  perVcpu: 8 * Mi,
  /** TCG's translation block cache and its emulated devices. */
  emulation: 64 * Mi,
  pageTableDivisor: 512,
} as const;

export function guestMemoryBytes(vmi: VirtualMachineInstance): number {
  const d = vmi.spec.domain;
  return parseQuantity(d.memory?.guest) ?? parseQuantity(d.resources?.requests?.memory) ?? parseQuantity(d.resources?.limits?.memory) ?? 0;
}

export function vcpuCount(vmi: VirtualMachineInstance): number {
  const cpu = vmi.spec.domain.cpu;
  return (cpu?.sockets ?? 1) * (cpu?.cores ?? 1) * (cpu?.threads ?? 1);
}

export function memoryOverheadBytes(vmi: VirtualMachineInstance, useEmulation: boolean): number {
  const guest = guestMemoryBytes(vmi);
  const pageTables = Math.ceil(guest / OVERHEAD.pageTableDivisor);
  return OVERHEAD.launcherProcesses + OVERHEAD.qemuBase + OVERHEAD.perVcpu * vcpuCount(vmi) + pageTables + (useEmulation ? OVERHEAD.emulation : 0);
}

/** A byte count as a Kubernetes quantity in whole MiB (rounded up). */
export const toMi = (bytes: number): string => `${Math.ceil(bytes / Mi)}Mi`;
