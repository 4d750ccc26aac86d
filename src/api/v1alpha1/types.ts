import { ApiType, Bool, Free, List, Obj, Str } from "../schema";
import { Devices, Disk, DomainSpec, RUN_STRATEGIES, Volume, VirtualMachineInstanceSpec, VirtualMachineInstanceTemplateSpec } from "../v1";

/*
 * The 2018 kubevirt.io/v1alpha1 VirtualMachine of the seed article: a VMI spec at the top of the
 * VM's spec, disks naming their volume through volumeName, registryDisk volumes. The served
 * v1alpha1 schema holds these fields next to the v1 shape, so the API server keeps them for the
 * admission webhook, which rewrites the object into v1 (see convert.ts).
 */

@ApiType("A disk of the v1alpha1 API: it names its volume through volumeName.")
export class LegacyDisk extends Disk {
  @Str("v1alpha1: the volume this disk shows. Converted: the disk takes the volume's name.")
  volumeName?: string;
}

@ApiType("Devices of the v1alpha1 API.")
export class LegacyDevices extends Devices {
  @List(() => LegacyDisk, "Disks; in v1alpha1 each names its volume through volumeName.")
  declare disks?: LegacyDisk[];
}

@ApiType("The virtual hardware, v1alpha1 shape.")
export class LegacyDomainSpec extends DomainSpec {
  @Obj(() => LegacyDevices, "Attached devices.", { required: true })
  declare devices: LegacyDevices;
}

@ApiType("v1alpha1: a disk image from a container registry. Converted to containerDisk.")
export class RegistryDiskSource {
  @Str("Container image holding the disk image.", { required: true })
  image!: string;
  @Str("Name of a Secret to pull the image with.")
  imagePullSecret?: string;
}

@ApiType("A volume of the v1alpha1 API, which also knows registryDisk.")
export class LegacyVolume extends Volume {
  @Obj(() => RegistryDiskSource, "v1alpha1: a disk image from a container registry. Converted to containerDisk.")
  registryDisk?: RegistryDiskSource;
}

@ApiType("A VirtualMachine spec of the v1alpha1 API: a VMI spec at top level (or the v1 shape).")
export class LegacyVirtualMachineSpec extends VirtualMachineInstanceSpec {
  @Obj(() => LegacyDomainSpec, "v1alpha1: the virtual hardware, at the top of the spec. Converted into template.spec.domain.")
  declare domain: LegacyDomainSpec;
  @List(() => LegacyVolume, "v1alpha1: the volumes, at the top of the spec. Converted into template.spec.volumes.")
  declare volumes?: LegacyVolume[];
  @Bool("Deprecated: use runStrategy.")
  running?: boolean;
  @Str("When the VM has a running instance.", { enum: RUN_STRATEGIES })
  runStrategy?: string;
  @Obj(() => VirtualMachineInstanceTemplateSpec, "The instance this VM runs (v1 shape).")
  template?: VirtualMachineInstanceTemplateSpec;
}

@ApiType("A virtual machine, v1alpha1 (2018) shape; admitted and stored as kubevirt.io/v1.")
export class LegacyVirtualMachine {
  @Str("kubevirt.io/v1alpha1")
  apiVersion?: string;
  @Str("VirtualMachine")
  kind?: string;
  @Free("Standard object metadata.")
  metadata?: Record<string, unknown>;
  @Obj(() => LegacyVirtualMachineSpec, "The desired state.", { required: true })
  spec!: LegacyVirtualMachineSpec;
  @Free("The observed state.")
  status?: Record<string, unknown>;
}
