import { ApiType, Bool, Free, Int, List, Obj, Str, StrList, StrMap } from "../schema";
import { Condition } from "./conditions";
import { VirtualMachineInstanceTemplateSpec } from "./vmi";

@ApiType("A label selector requirement: key, operator and values.")
export class LabelSelectorRequirement {
  @Str("Label key.", { required: true })
  key!: string;
  @Str("In, NotIn, Exists or DoesNotExist.", { required: true, enum: ["In", "NotIn", "Exists", "DoesNotExist"] })
  operator!: string;
  @StrList("Values for In and NotIn.")
  values?: string[];
}

@ApiType("Selects objects by their labels.")
export class LabelSelector {
  @StrMap("Labels an object must carry.")
  matchLabels?: Record<string, string>;
  @List(() => LabelSelectorRequirement, "Label requirements an object must meet.")
  matchExpressions?: LabelSelectorRequirement[];
}

@ApiType("The desired state of a VMI replica set.")
export class VirtualMachineInstanceReplicaSetSpec {
  @Int("Number of VMIs to run. Defaults to 1.", { minimum: 0, format: "int32" })
  replicas?: number;
  @Obj(() => LabelSelector, "Selects the VMIs this set owns; must match the template's labels.", { required: true })
  selector!: LabelSelector;
  @Obj(() => VirtualMachineInstanceTemplateSpec, "The VMIs this set creates.", { required: true })
  template!: VirtualMachineInstanceTemplateSpec;
  @Bool("Stop scaling while true.")
  paused?: boolean;
}

@ApiType("The observed state of a VMI replica set.")
export class VirtualMachineInstanceReplicaSetStatus {
  @Int("Number of VMIs the set owns.", { format: "int32" })
  replicas?: number;
  @Int("Number of those that are ready.", { format: "int32" })
  readyReplicas?: number;
  @Str("The selector as a string, for the scale subresource.")
  labelSelector?: string;
  @List(() => Condition, "Conditions such as ReplicaFailure.")
  conditions?: Condition[];
}

@ApiType("Keeps a number of identical VMIs running.")
export class VirtualMachineInstanceReplicaSet {
  @Str("kubevirt.io/v1")
  apiVersion?: string;
  @Str("VirtualMachineInstanceReplicaSet")
  kind?: string;
  @Free("Standard object metadata.")
  metadata?: Record<string, unknown>;
  @Obj(() => VirtualMachineInstanceReplicaSetSpec, "The desired state.", { required: true })
  spec!: VirtualMachineInstanceReplicaSetSpec;
  @Obj(() => VirtualMachineInstanceReplicaSetStatus, "The observed state.")
  status?: VirtualMachineInstanceReplicaSetStatus;
}
