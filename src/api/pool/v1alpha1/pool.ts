import { ApiType, Bool, Free, Int, IntOrString, List, Obj, Str } from "../../schema";
import { Condition, LabelSelector, VirtualMachineSpec } from "../../v1";

@ApiType("How a pool picks the VMs to remove when it scales in.")
export class VirtualMachinePoolSelectionPolicy {
  @Str("Random or DescendingOrder (highest index first).", { enum: ["Random", "DescendingOrder"] })
  basePolicy?: string;
}

@ApiType("Scale in by deleting VMs right away.")
export class VirtualMachinePoolProactiveScaleInStrategy {
  @Obj(() => VirtualMachinePoolSelectionPolicy, "Which VMs go first.")
  selectionPolicy?: VirtualMachinePoolSelectionPolicy;
}

@ApiType("What happens to VMs when the pool scales in.")
export class VirtualMachinePoolScaleInStrategy {
  @Obj(() => VirtualMachinePoolProactiveScaleInStrategy, "Delete surplus VMs right away. The default.")
  proactive?: VirtualMachinePoolProactiveScaleInStrategy;
}

@ApiType("How the names of per-VM objects are derived.")
export class VirtualMachinePoolNameGeneration {
  @Bool("Append the VM's index to the names of ConfigMaps its volumes refer to.")
  appendIndexToConfigMapRefs?: boolean;
  @Bool("Append the VM's index to the names of Secrets its volumes refer to.")
  appendIndexToSecretRefs?: boolean;
}

@ApiType("A template for the pool's VMs: their metadata and spec.")
export class VirtualMachineTemplateSpec {
  @Free("Labels and annotations the VMs get.")
  metadata?: Record<string, unknown>;
  @Obj(() => VirtualMachineSpec, "The VMs' spec.")
  spec?: VirtualMachineSpec;
}

@ApiType("The desired state of a pool of VMs.")
export class VirtualMachinePoolSpec {
  @Int("Number of VMs. Defaults to 1.", { format: "int32" })
  replicas?: number;
  @Obj(() => LabelSelector, "Selects the VMs this pool owns; must match the template's labels.", { required: true })
  selector!: LabelSelector;
  @Obj(() => VirtualMachineTemplateSpec, "The VMs this pool creates, named <pool>-<index>.", { required: true })
  virtualMachineTemplate!: VirtualMachineTemplateSpec;
  @Bool("Stop scaling and updating while true.")
  paused?: boolean;
  @IntOrString("VMs that may be unavailable at once during an update: a count or a percentage. Defaults to 100%.")
  maxUnavailable?: number | string;
  @Obj(() => VirtualMachinePoolScaleInStrategy, "How the pool scales in.")
  scaleInStrategy?: VirtualMachinePoolScaleInStrategy;
  @Obj(() => VirtualMachinePoolNameGeneration, "How per-VM object names are derived.")
  nameGeneration?: VirtualMachinePoolNameGeneration;
}

@ApiType("The observed state of a pool of VMs.")
export class VirtualMachinePoolStatus {
  @Int("Number of VMs the pool owns.", { format: "int32" })
  replicas?: number;
  @Int("Number of those that are ready.", { format: "int32" })
  readyReplicas?: number;
  @Str("The selector as a string, for the scale subresource.")
  labelSelector?: string;
  @List(() => Condition, "Conditions such as ReplicaFailure.")
  conditions?: Condition[];
}

@ApiType("Keeps a number of VMs made from one template, named <pool>-<index>.")
export class VirtualMachinePool {
  @Str("pool.kubevirt.io/v1alpha1")
  apiVersion?: string;
  @Str("VirtualMachinePool")
  kind?: string;
  @Free("Standard object metadata.")
  metadata?: Record<string, unknown>;
  @Obj(() => VirtualMachinePoolSpec, "The desired state.", { required: true })
  spec!: VirtualMachinePoolSpec;
  @Obj(() => VirtualMachinePoolStatus, "The observed state.")
  status?: VirtualMachinePoolStatus;
}
