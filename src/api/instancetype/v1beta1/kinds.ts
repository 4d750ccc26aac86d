import { ApiType, Free, Obj, Str } from "../../schema";
import { VirtualMachineInstancetypeSpec } from "./instancetype";
import { VirtualMachinePreferenceSpec } from "./preference";

/** The envelope all four kinds share; only the spec type differs. */
abstract class Envelope {
  @Str("instancetype.kubevirt.io/v1beta1")
  apiVersion?: string;
  @Str("The kind.")
  kind?: string;
  @Free("Standard object metadata.")
  metadata?: Record<string, unknown>;
}

@ApiType("A namespaced size of VM: vCPUs and memory (and devices) VMs in this namespace can refer to.")
export class VirtualMachineInstancetype extends Envelope {
  @Obj(() => VirtualMachineInstancetypeSpec, "What the instancetype gives a VM.", { required: true })
  spec!: VirtualMachineInstancetypeSpec;
}

@ApiType("A cluster-wide size of VM (for example u1.small): vCPUs and memory every VM can refer to.")
export class VirtualMachineClusterInstancetype extends Envelope {
  @Obj(() => VirtualMachineInstancetypeSpec, "What the instancetype gives a VM.", { required: true })
  spec!: VirtualMachineInstancetypeSpec;
}

@ApiType("Namespaced settings suggested for a guest OS.")
export class VirtualMachinePreference extends Envelope {
  @Obj(() => VirtualMachinePreferenceSpec, "The suggested settings.", { required: true })
  spec!: VirtualMachinePreferenceSpec;
}

@ApiType("Cluster-wide settings suggested for a guest OS (for example fedora, windows.11).")
export class VirtualMachineClusterPreference extends Envelope {
  @Obj(() => VirtualMachinePreferenceSpec, "The suggested settings.", { required: true })
  spec!: VirtualMachinePreferenceSpec;
}
