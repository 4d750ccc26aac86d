import { ApiType, Bool, Int, Obj, Str, StrList, StrMap } from "../schema";
import { Disk } from "./disks";
import { DataVolumeSource } from "./volume-sources";
import { PersistentVolumeClaimSource } from "./volumes";
import { VolumeMigrationState } from "./volume-status";

@ApiType("Restart backoff after the VM's instance failed to start.")
export class VirtualMachineStartFailure {
  @Str("UID of the VMI that failed last.")
  lastFailedVMIUID?: string;
  @Str("Earliest time of the next start.")
  retryAfterTimestamp?: string;
  @Int("Failed starts in a row.", { format: "int32" })
  consecutiveFailCount?: number;
}

@ApiType("A pending request to start or stop the VM's instance.")
export class VirtualMachineStateChangeRequest {
  @Str("Start or Stop.", { required: true })
  action!: string;
  @StrMap("Extra data of the request.")
  data?: Record<string, string>;
  @Str("UID of the VMI the request is about.")
  uid?: string;
}

@ApiType("A volume source that can be hot-plugged.")
export class HotplugVolumeSource {
  @Obj(() => PersistentVolumeClaimSource, "A PersistentVolumeClaim.")
  persistentVolumeClaim?: PersistentVolumeClaimSource;
  @Obj(() => DataVolumeSource, "A DataVolume.")
  dataVolume?: DataVolumeSource;
}

@ApiType("A request to hot-plug a volume.")
export class AddVolumeOptions {
  @Str("Name of the volume.", { required: true })
  name!: string;
  @Obj(() => Disk, "How the guest sees it.", { required: true })
  disk!: Disk;
  @Obj(() => HotplugVolumeSource, "Where its data comes from.", { required: true })
  volumeSource!: HotplugVolumeSource;
  @StrList("All to only check the request.")
  dryRun?: string[];
}

@ApiType("A request to unplug a volume.")
export class RemoveVolumeOptions {
  @Str("Name of the volume.", { required: true })
  name!: string;
  @StrList("All to only check the request.")
  dryRun?: string[];
}

@ApiType("A pending hot-plug or unplug of a volume; exactly one of the two.")
export class VirtualMachineVolumeRequest {
  @Obj(() => AddVolumeOptions, "Plug a volume in.")
  addVolumeOptions?: AddVolumeOptions;
  @Obj(() => RemoveVolumeOptions, "Unplug a volume.")
  removeVolumeOptions?: RemoveVolumeOptions;
}

@ApiType("Whether a volume can be part of a snapshot.")
export class VolumeSnapshotStatus {
  @Str("Name of the volume.", { required: true })
  name!: string;
  @Bool("The volume can be snapshotted.", { required: true })
  enabled!: boolean;
  @Str("Why it cannot.")
  reason?: string;
}

@ApiType("A memory dump of the VM, requested or done.")
export class VirtualMachineMemoryDumpRequest {
  @Str("Claim the dump goes to.", { required: true })
  claimName!: string;
  @Str("Progress of the dump: Associating, InProgress, Completed, Unmounting, Dissociating, Failed.", { required: true })
  phase!: string;
  @Str("When the dump started.")
  startTimestamp?: string;
  @Str("When the dump finished.")
  endTimestamp?: string;
  @Str("File name of the dump on the claim.")
  fileName?: string;
  @Str("Detail, for example why the dump failed.")
  message?: string;
  @Bool("The dump volume is being removed.")
  remove?: boolean;
}

@ApiType("Progress of an update of the VM's volumes.")
export class VolumeUpdateState {
  @Obj(() => VolumeMigrationState, "Volumes being migrated.")
  volumeMigrationState?: VolumeMigrationState;
}
