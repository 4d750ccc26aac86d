import { ApiType, Bool, Obj, Quantity, Str } from "../schema";
import { CloudInitConfigDriveSource, CloudInitNoCloudSource } from "./cloud-init";
import { ClaimReference, DataVolumeSource, DownwardAPIVolumeSource, DownwardMetricsVolumeSource, MemoryDumpVolumeSource, SysprepSource } from "./volume-sources";
import { HOST_DISK_TYPES, PULL_POLICIES } from "./enums";

@ApiType("A disk image shipped in a container image (under /disk/); the VM writes to a throw-away overlay.")
export class ContainerDiskSource {
  @Str("Container image holding the disk image, for example quay.io/kubevirt/cirros-container-disk-demo:v1.0.0.", { required: true })
  image!: string;
  @Str("Path of the disk image inside the container image. Defaults to the one file under /disk/.")
  path?: string;
  @Str("When to pull the image: Always, IfNotPresent or Never. Defaults to Always for :latest or untagged images, else IfNotPresent.", { enum: PULL_POLICIES })
  imagePullPolicy?: string;
  @Str("Name of a Secret in the VMI's namespace to pull the image with.")
  imagePullSecret?: string;
}

@ApiType("A PersistentVolumeClaim in the VMI's namespace; its disk.img (filesystem) or device (block) is the disk.")
export class PersistentVolumeClaimSource {
  @Str("Name of the claim.", { required: true })
  claimName!: string;
  @Bool("Attach the claim read-only.")
  readOnly?: boolean;
  @Bool("The claim may be hot-plugged.")
  hotpluggable?: boolean;
}

@ApiType("A claim used as a read-only base under a throw-away copy-on-write overlay.")
export class EphemeralVolumeSource {
  @Obj(() => ClaimReference, "The claim that holds the base image.")
  persistentVolumeClaim?: ClaimReference;
}

@ApiType("A blank sparse disk that lives as long as the VMI.")
export class EmptyDiskSource {
  @Quantity("Size of the disk, for example 2Gi.", { required: true })
  capacity!: string | number;
}

@ApiType("A disk image on the node's filesystem. Needs the HostDisk feature gate.")
export class HostDisk {
  @Str("Path of the disk image on the node.", { required: true })
  path!: string;
  @Str("Disk: the image must exist; DiskOrCreate: create it with the given capacity.", { required: true, enum: HOST_DISK_TYPES })
  type!: string;
  @Quantity("Size of an image to create (DiskOrCreate).")
  capacity?: string | number;
  @Bool("Allow several VMs to share the image.")
  shared?: boolean;
}

@ApiType("A ConfigMap exposed to the guest as a disk.")
export class ConfigMapVolumeSource {
  @Str("Name of the ConfigMap.")
  name?: string;
  @Bool("Start even when the ConfigMap does not exist.")
  optional?: boolean;
  @Str("Volume label of the generated disk.")
  volumeLabel?: string;
}

@ApiType("A Secret exposed to the guest as a disk.")
export class SecretVolumeSource {
  @Str("Name of the Secret.")
  secretName?: string;
  @Bool("Start even when the Secret does not exist.")
  optional?: boolean;
  @Str("Volume label of the generated disk.")
  volumeLabel?: string;
}

@ApiType("A ServiceAccount's token and CA exposed to the guest as a disk.")
export class ServiceAccountVolumeSource {
  @Str("Name of the ServiceAccount.")
  serviceAccountName?: string;
}

@ApiType("Where a disk's data comes from; exactly one source.")
export class Volume {
  @Str("Name of the volume; disks refer to it by this name. A DNS label: lowercase letters, digits and '-'.", { required: true })
  name!: string;
  @Obj(() => ContainerDiskSource, "A disk image from a container image.")
  containerDisk?: ContainerDiskSource;
  @Obj(() => PersistentVolumeClaimSource, "A PersistentVolumeClaim.")
  persistentVolumeClaim?: PersistentVolumeClaimSource;
  @Obj(() => EphemeralVolumeSource, "A claim under a throw-away overlay.")
  ephemeral?: EphemeralVolumeSource;
  @Obj(() => EmptyDiskSource, "A blank disk.")
  emptyDisk?: EmptyDiskSource;
  @Obj(() => HostDisk, "A disk image on the node (feature gate HostDisk).")
  hostDisk?: HostDisk;
  @Obj(() => CloudInitNoCloudSource, "Cloud-init NoCloud data.")
  cloudInitNoCloud?: CloudInitNoCloudSource;
  @Obj(() => CloudInitConfigDriveSource, "Cloud-init ConfigDrive data.")
  cloudInitConfigDrive?: CloudInitConfigDriveSource;
  @Obj(() => ConfigMapVolumeSource, "A ConfigMap as a disk.")
  configMap?: ConfigMapVolumeSource;
  @Obj(() => SecretVolumeSource, "A Secret as a disk.")
  secret?: SecretVolumeSource;
  @Obj(() => ServiceAccountVolumeSource, "A ServiceAccount as a disk.")
  serviceAccount?: ServiceAccountVolumeSource;
  @Obj(() => DataVolumeSource, "A CDI DataVolume.")
  dataVolume?: DataVolumeSource;
  @Obj(() => DownwardAPIVolumeSource, "Pod and VMI metadata as a disk.")
  downwardAPI?: DownwardAPIVolumeSource;
  @Obj(() => DownwardMetricsVolumeSource, "Host and VM metrics as a disk.")
  downwardMetrics?: DownwardMetricsVolumeSource;
  @Obj(() => MemoryDumpVolumeSource, "A claim that receives a memory dump.")
  memoryDump?: MemoryDumpVolumeSource;
  @Obj(() => SysprepSource, "A Windows Sysprep answer file as a disk.")
  sysprep?: SysprepSource;
}

/** The volume source fields, in declaration order: a volume sets exactly one. */
export const VOLUME_SOURCES = [
  "containerDisk",
  "persistentVolumeClaim",
  "ephemeral",
  "emptyDisk",
  "hostDisk",
  "cloudInitNoCloud",
  "cloudInitConfigDrive",
  "configMap",
  "secret",
  "serviceAccount",
  "dataVolume",
  "downwardAPI",
  "downwardMetrics",
  "memoryDump",
  "sysprep",
] as const satisfies readonly (keyof Volume)[];
export type VolumeSourceName = (typeof VOLUME_SOURCES)[number];
