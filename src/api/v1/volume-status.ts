import { ApiType, Bool, EnumList, Int, List, Obj, QuantityMap, Str } from "../schema";
import { ACCESS_MODES, VOLUME_MODES } from "./enums";

@ApiType("Facts about a PersistentVolumeClaim behind a volume.")
export class PersistentVolumeClaimInfo {
  @Str("Name of the claim.")
  claimName?: string;
  @EnumList(ACCESS_MODES, "Access modes of the claim.")
  accessModes?: string[];
  @Str("Block or Filesystem.", { enum: VOLUME_MODES })
  volumeMode?: string;
  @QuantityMap("Capacity of the claim's volume.")
  capacity?: Record<string, string | number>;
  @QuantityMap("Resources the claim requested.")
  requests?: Record<string, string | number>;
  @Str("Share of a filesystem volume kept free for filesystem overhead, as a decimal such as 0.055.")
  filesystemOverhead?: string;
  @Bool("The volume's space is allocated up front.")
  preallocated?: boolean;
}

@ApiType("A container disk's checksum.")
export class ContainerDiskInfo {
  @Int("Checksum of the disk image.", { format: "int64" })
  checksum?: number;
}

@ApiType("The pod that attaches a hot-plugged volume.")
export class HotplugVolumeStatus {
  @Str("Name of the attachment pod.")
  attachPodName?: string;
  @Str("UID of the attachment pod.")
  attachPodUID?: string;
}

@ApiType("A memory dump in progress or done.")
export class DomainMemoryDumpInfo {
  @Str("When the dump started.")
  startTimestamp?: string;
  @Str("When the dump finished.")
  endTimestamp?: string;
  @Str("Claim the dump is written to.")
  claimName?: string;
  @Str("File name of the dump on the claim.")
  targetFileName?: string;
}

@ApiType("The state of one volume of a running VMI.")
export class VolumeStatus {
  @Str("Name of the volume.", { required: true })
  name!: string;
  @Str("Device name the disk has in the domain, for example vda.", { required: true })
  target!: string;
  @Str("Phase of a hot-plugged volume.")
  phase?: string;
  @Str("Why the volume is in its phase.")
  reason?: string;
  @Str("Human-readable detail.")
  message?: string;
  @Obj(() => PersistentVolumeClaimInfo, "The claim behind the volume.")
  persistentVolumeClaimInfo?: PersistentVolumeClaimInfo;
  @Obj(() => HotplugVolumeStatus, "Attachment of a hot-plugged volume.")
  hotplugVolume?: HotplugVolumeStatus;
  @Int("Size of the volume in bytes.", { format: "int64" })
  size?: number;
  @Obj(() => DomainMemoryDumpInfo, "A memory dump on this volume.")
  memoryDumpVolume?: DomainMemoryDumpInfo;
  @Obj(() => ContainerDiskInfo, "The container disk behind the volume.")
  containerDiskVolume?: ContainerDiskInfo;
}

@ApiType("A volume being moved from one claim to another.")
export class StorageMigratedVolumeInfo {
  @Str("Name of the volume.", { required: true })
  volumeName!: string;
  @Obj(() => PersistentVolumeClaimInfo, "The claim the data comes from.")
  sourcePVCInfo?: PersistentVolumeClaimInfo;
  @Obj(() => PersistentVolumeClaimInfo, "The claim the data goes to.")
  destinationPVCInfo?: PersistentVolumeClaimInfo;
}

@ApiType("Volumes migrated by an update of the VM's volumes.")
export class VolumeMigrationState {
  @List(() => StorageMigratedVolumeInfo, "The volumes being migrated.")
  migratedVolumes?: StorageMigratedVolumeInfo[];
}
