import { ApiType, Bool, Free, Int, List, Obj, Str } from "../schema";
import { Condition } from "./conditions";
import { DataVolumeTemplateSpec } from "./data-volume-template";
import { InstancetypeMatcher, InstancetypeStatusRef, PreferenceMatcher } from "./instancetype-matchers";
import { VirtualMachineMemoryDumpRequest, VirtualMachineStartFailure, VirtualMachineStateChangeRequest, VirtualMachineVolumeRequest, VolumeSnapshotStatus, VolumeUpdateState } from "./vm-status-types";
import { RUN_STRATEGIES } from "./enums";
import { VirtualMachineInstanceTemplateSpec } from "./vmi";

@ApiType("The desired state of a virtual machine.")
export class VirtualMachineSpec {
  @Bool("Deprecated: use runStrategy. true is runStrategy Always, false is Halted.")
  running?: boolean;
  @Str("When the VM has a running instance: Always, RerunOnFailure, Manual, Halted or Once.", { enum: RUN_STRATEGIES })
  runStrategy?: string;
  @Obj(() => VirtualMachineInstanceTemplateSpec, "The instance this VM runs.", { required: true })
  template!: VirtualMachineInstanceTemplateSpec;
  @List(() => DataVolumeTemplateSpec, "DataVolumes the VM creates and owns (needs CDI).")
  dataVolumeTemplates?: DataVolumeTemplateSpec[];
  @Obj(() => InstancetypeMatcher, "Instancetype giving the VM its CPU and memory.")
  instancetype?: InstancetypeMatcher;
  @Obj(() => PreferenceMatcher, "Preference giving the VM default settings.")
  preference?: PreferenceMatcher;
  @Str("How a changed volume reaches a running VM: Replacement (the default) or Migration.")
  updateVolumesStrategy?: string;
}

@ApiType("The observed state of a virtual machine.")
export class VirtualMachineStatus {
  @Bool("An instance of this VM exists.")
  created?: boolean;
  @Bool("The instance is running and ready.")
  ready?: boolean;
  @Str("Human-readable status: Stopped, Starting, Running, Stopping, Terminating, ErrorUnschedulable, ...")
  printableStatus?: string;
  @Str("The run strategy in force.")
  runStrategy?: string;
  @List(() => Condition, "Conditions such as Ready.")
  conditions?: Condition[];
  @Int("The metadata.generation this status reflects.", { format: "int64" })
  observedGeneration?: number;
  @Int("The metadata.generation the controller is working towards.", { format: "int64" })
  desiredGeneration?: number;
  @Obj(() => VirtualMachineStartFailure, "Restart backoff after failed starts.")
  startFailure?: VirtualMachineStartFailure;
  @List(() => VirtualMachineStateChangeRequest, "Pending start and stop requests.")
  stateChangeRequests?: VirtualMachineStateChangeRequest[];
  @Obj(() => InstancetypeStatusRef, "The instancetype in use.")
  instancetypeRef?: InstancetypeStatusRef;
  @Obj(() => InstancetypeStatusRef, "The preference in use.")
  preferenceRef?: InstancetypeStatusRef;
  @Obj(() => VirtualMachineMemoryDumpRequest, "A memory dump of the VM.")
  memoryDumpRequest?: VirtualMachineMemoryDumpRequest;
  @Str("Name of the restore in progress.")
  restoreInProgress?: string;
  @Str("Name of the snapshot in progress.")
  snapshotInProgress?: string;
  @List(() => VirtualMachineVolumeRequest, "Pending volume hot-plugs and unplugs.")
  volumeRequests?: VirtualMachineVolumeRequest[];
  @List(() => VolumeSnapshotStatus, "Which volumes can be snapshotted.")
  volumeSnapshotStatuses?: VolumeSnapshotStatus[];
  @Obj(() => VolumeUpdateState, "Progress of a volume update.")
  volumeUpdateState?: VolumeUpdateState;
}

@ApiType("A virtual machine: a VMI template plus when it should run.")
export class VirtualMachine {
  @Str("kubevirt.io/v1")
  apiVersion?: string;
  @Str("VirtualMachine")
  kind?: string;
  @Free("Standard object metadata.")
  metadata?: Record<string, unknown>;
  @Obj(() => VirtualMachineSpec, "The desired state.", { required: true })
  spec!: VirtualMachineSpec;
  @Obj(() => VirtualMachineStatus, "The observed state.")
  status?: VirtualMachineStatus;
}
