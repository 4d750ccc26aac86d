import type { Volume, VirtualMachineInstance } from "../../api";
import { parseQuantity } from "../../api";
import type { DiskSource } from "../converter/context";
import { CONFIG_DRIVE_LABEL, NOCLOUD_LABEL, configDriveFiles, noCloudFiles, type IsoFiles } from "./cloud-init";
import type { VolumeFacts } from "./sources";
import { inside } from "../paths/inside";

/** What to do for one volume; pure data, carried out by prepare.ts. */
export type DiskStep =
  | { kind: "attach"; source: DiskSource }
  | { kind: "overlay"; backing: string; backingFormat: "qcow2" | "raw"; target: string }
  | { kind: "blank"; target: string; format: "qcow2" | "raw"; capacityBytes: number; onlyIfMissing: boolean }
  | { kind: "iso"; target: string; label: string; files: IsoFiles };

export interface PlanOptions {
  /** Per-VM directory for overlays, blank disks and ISOs. */
  diskDir: string;
  /** Cluster feature gates (KubeVirt names); HostDisk is off unless listed. */
  featureGates: ReadonlySet<string>;
}

const fail = (volume: string, message: string): never => {
  throw new Error(`volume ${volume}: ${message}`);
};

function capacity(volume: string, value: string | number | undefined): number {
  const bytes = value === undefined ? undefined : parseQuantity(value);
  return bytes !== undefined && bytes > 0 ? Math.floor(bytes) : fail(volume, `capacity ${String(value)} is not a positive quantity`);
}

function hostDiskStep(v: Volume & Required<Pick<Volume, "hostDisk">>, opts: PlanOptions): DiskStep {
  if (!opts.featureGates.has("HostDisk")) fail(v.name, "hostDisk needs the HostDisk feature gate, which is off");
  const { path, type } = v.hostDisk;
  if (type === "Disk") return { kind: "attach", source: { type: "file", path, format: "raw", readonly: false } };
  if (type === "DiskOrCreate") return { kind: "blank", target: path, format: "raw", capacityBytes: capacity(v.name, v.hostDisk.capacity), onlyIfMissing: true };
  return fail(v.name, `hostDisk type ${type} is not Disk or DiskOrCreate`);
}

function claimStep(name: string, facts: VolumeFacts, readonly: boolean): DiskStep {
  const claim = facts.claim ?? fail(name, "claim was not resolved");
  return { kind: "attach", source: { type: claim.type, path: claim.path, format: "raw", readonly } };
}

/** The pure half of disk preparation: one step per volume, from the VMI and the gathered facts. */
export function planVolume(vmi: VirtualMachineInstance, v: Volume, facts: VolumeFacts, opts: PlanOptions): DiskStep {
  const at = (ext: string): string => inside(opts.diskDir, `volume name`, `${v.name}.${ext}`);
  if (v.containerDisk) {
    const image = facts.image ?? fail(v.name, "containerDisk image was not resolved");
    return { kind: "overlay", backing: image.path, backingFormat: image.format, target: at("qcow2") };
  }
  if (v.persistentVolumeClaim) return claimStep(v.name, facts, v.persistentVolumeClaim.readOnly === true);
  if (v.ephemeral) {
    const claim = facts.claim ?? fail(v.name, "claim was not resolved");
    return { kind: "overlay", backing: claim.path, backingFormat: "raw", target: at("qcow2") };
  }
  if (v.emptyDisk) return { kind: "blank", target: at("qcow2"), format: "qcow2", capacityBytes: capacity(v.name, v.emptyDisk.capacity), onlyIfMissing: false };
  if (v.hostDisk) return hostDiskStep(v as Volume & Required<Pick<Volume, "hostDisk">>, opts);
  if (v.cloudInitNoCloud) return { kind: "iso", target: at("iso"), label: NOCLOUD_LABEL, files: noCloudFiles(vmi, facts.userData, facts.networkData) };
  if (v.cloudInitConfigDrive) return { kind: "iso", target: at("iso"), label: CONFIG_DRIVE_LABEL, files: configDriveFiles(vmi, facts.userData, facts.networkData) };
  const label = v.configMap?.volumeLabel ?? v.secret?.volumeLabel ?? "cfgdata";
  if (v.configMap || v.secret || v.serviceAccount) return { kind: "iso", target: at("iso"), label, files: facts.data ?? {} };
  return fail(v.name, "no supported volume source (containerDisk, persistentVolumeClaim, ephemeral, emptyDisk, hostDisk, cloudInit*, configMap, secret, serviceAccount)");
}
