import { ApiType, Bool, Obj, Str } from "../schema";
import { FeatureState } from "./features";

@ApiType("Display options of a mediated (virtual) GPU.")
export class VGPUDisplayOptions {
  @Bool("Use the vGPU as the guest's display. Defaults to true.")
  enabled?: boolean;
  @Obj(() => FeatureState, "Give the display a RAM framebuffer for early boot output. Defaults to true.")
  ramFB?: FeatureState;
}

@ApiType("Options of a virtual GPU.")
export class VGPUOptions {
  @Obj(() => VGPUDisplayOptions, "Display settings of the vGPU.")
  display?: VGPUDisplayOptions;
}

@ApiType("A GPU passed to the guest: a device plugin resource or a DRA claim.")
export class GPU {
  @Str("Name of the GPU in the VMI.", { required: true })
  name!: string;
  @Str("Resource name a device plugin offers, for example nvidia.com/GP102GL_Tesla_P40. Not with claimName.")
  deviceName?: string;
  @Str("Name of an entry in spec.resourceClaims to take the GPU from (DRA).")
  claimName?: string;
  @Str("Request within that resource claim.")
  requestName?: string;
  @Obj(() => VGPUOptions, "Options of a virtual GPU.")
  virtualGPUOptions?: VGPUOptions;
  @Str("Tag the device carries in the guest's device metadata.")
  tag?: string;
}

@ApiType("A host PCI or mediated device passed to the guest: a device plugin resource or a DRA claim.")
export class HostDevice {
  @Str("Name of the device in the VMI.", { required: true })
  name!: string;
  @Str("Resource name a device plugin offers. Not with claimName.")
  deviceName?: string;
  @Str("Name of an entry in spec.resourceClaims to take the device from (DRA).")
  claimName?: string;
  @Str("Request within that resource claim.")
  requestName?: string;
  @Str("Tag the device carries in the guest's device metadata.")
  tag?: string;
}
