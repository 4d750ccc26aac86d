import { ApiType, Bool, Free, Int, List, Obj, Str, StrMap } from "../schema";
import { Condition } from "./conditions";
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
}

@ApiType("A start or stop asked for through the subresource API (virtctl start/stop/restart); the controller acts on the first and removes it when done.")
export class VirtualMachineStateChangeRequest {
  @Str("Start or Stop.", { required: true, enum: ["Start", "Stop"] })
  action!: string;
  @StrMap("Details of the request (startPaused: \"true\").")
  data?: Record<string, string>;
  @Str("The UID of the instance a Stop is meant for (a successor with another UID is left running).")
  uid?: string;
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
  @Free("Restart backoff after failed starts: consecutiveFailCount, retryAfterTimestamp.")
  startFailure?: Record<string, unknown>;
  @List(() => VirtualMachineStateChangeRequest, "Pending start and stop requests, oldest first.")
  stateChangeRequests?: VirtualMachineStateChangeRequest[];
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
