/**
 * Builds VMIs for tests from intent (as KubeVirt's libvmi): a minimal valid VMI plus `with…` options.
 */
import type { Disk, Volume, VirtualMachineInstance } from "../../api";
import type { ConverterContext } from "../converter/context";

export type VmiOption = (vmi: VirtualMachineInstance) => void;

export function newVmi(name: string, ...options: VmiOption[]): VirtualMachineInstance {
  const vmi = {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstance",
    metadata: { name, namespace: "default" },
    spec: { domain: { resources: { requests: { memory: "128Mi" } }, devices: {} } },
  } as VirtualMachineInstance;
  for (const option of options) option(vmi);
  return vmi;
}

export const withNamespace =
  (namespace: string): VmiOption =>
  (vmi) => {
    vmi.metadata = { ...vmi.metadata, namespace };
  };

export const withSpec =
  (patch: (spec: VirtualMachineInstance["spec"]) => void): VmiOption =>
  (vmi) =>
    patch(vmi.spec);

/** A disk and its volume, by the disk's name. */
export const withDisk =
  (disk: Disk, volume: Omit<Volume, "name">): VmiOption =>
  (vmi) => {
    (vmi.spec.domain.devices.disks ??= []).push(disk);
    (vmi.spec.volumes ??= []).push({ name: disk.name, ...volume } as Volume);
  };

export const withContainerDisk = (name: string, image = "example/guest:latest"): VmiOption =>
  withDisk({ name, disk: { bus: "virtio" } }, { containerDisk: { image } });

export const withCloudInitNoCloud = (userData: string): VmiOption =>
  withDisk({ name: "cloudinitdisk", disk: { bus: "virtio" } }, { cloudInitNoCloud: { userData } });

export const withGracePeriod =
  (seconds: number): VmiOption =>
  (vmi) => {
    vmi.spec.terminationGracePeriodSeconds = seconds;
  };

/** Host facts for unit tests: every volume a qcow2 file under /var/run/vm. */
export function testContext(volumes: string[] = [], overrides: Partial<ConverterContext> = {}): ConverterContext {
  return {
    virtType: "qemu",
    emulator: "/usr/bin/qemu-system-x86_64",
    sockets: { serial: "/run/vm/serial0", vnc: "/run/vm/vnc", guestAgent: "/run/vm/guest-agent" },
    consoleLogFile: "/run/vm/console.log",
    volumes: Object.fromEntries(volumes.map((v) => [v, { type: "file", path: `/run/vm/disks/${v}.qcow2`, format: "qcow2", readonly: false }])),
    efi: {
      code: "/usr/share/OVMF/OVMF_CODE_4M.fd",
      secureBootCode: "/usr/share/OVMF/OVMF_CODE_4M.ms.fd",
      varsTemplate: "/usr/share/OVMF/OVMF_VARS_4M.fd",
      secureBootVarsTemplate: "/usr/share/OVMF/OVMF_VARS_4M.ms.fd",
    },
    nvramPath: "/run/vm/nvram.fd",
    taps: {},
    ...overrides,
  };
}
