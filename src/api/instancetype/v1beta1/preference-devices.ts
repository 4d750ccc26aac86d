import { ApiType, Bool, Obj, Str } from "../../schema";
import { BlockSize, InterfaceMasquerade, Rng, TPMDevice, VGPUOptions } from "../../v1";

@ApiType("Device settings a preference suggests; a VM's own settings win.")
export class DevicePreferences {
  @Bool("Attach a graphics device.")
  preferredAutoattachGraphicsDevice?: boolean;
  @Bool("Attach a memory balloon.")
  preferredAutoattachMemBalloon?: boolean;
  @Bool("Attach the pod network interface.")
  preferredAutoattachPodInterface?: boolean;
  @Bool("Attach a serial console.")
  preferredAutoattachSerialConsole?: boolean;
  @Bool("Attach a tablet input device.")
  preferredAutoattachInputDevice?: boolean;
  @Bool("Leave no spare ports for hotplug.")
  preferredDisableHotplug?: boolean;
  @Bool("Use virtio-transitional devices.")
  preferredUseVirtioTransitional?: boolean;
  @Str("Bus for disks, for example virtio.")
  preferredDiskBus?: string;
  @Str("Bus for LUNs.")
  preferredLunBus?: string;
  @Str("Bus for CD-ROMs.")
  preferredCdromBus?: string;
  @Bool("Give each disk its own I/O thread.")
  preferredDiskDedicatedIoThread?: boolean;
  @Str("Disk cache mode.")
  preferredDiskCache?: string;
  @Str("Disk I/O mode.")
  preferredDiskIO?: string;
  @Obj(() => BlockSize, "Sector sizes of disks.")
  preferredDiskBlockSize?: BlockSize;
  @Str("NIC model, for example virtio.")
  preferredInterfaceModel?: string;
  @Obj(() => Rng, "Attach a random number generator.")
  preferredRng?: Rng;
  @Bool("One queue per vCPU for block devices.")
  preferredBlockMultiQueue?: boolean;
  @Bool("One queue per vCPU for NICs.")
  preferredNetworkInterfaceMultiQueue?: boolean;
  @Obj(() => TPMDevice, "Attach a TPM.")
  preferredTPM?: TPMDevice;
  @Str("Bus for input devices.")
  preferredInputBus?: string;
  @Str("Type of input devices.")
  preferredInputType?: string;
  @Str("Sound card model.")
  preferredSoundModel?: string;
  @Obj(() => InterfaceMasquerade, "Use the masquerade binding for interfaces.")
  preferredInterfaceMasquerade?: InterfaceMasquerade;
  @Obj(() => VGPUOptions, "Options of virtual GPUs.")
  preferredVirtualGPUOptions?: VGPUOptions;
  @Str("Model of the panic device.")
  preferredPanicDeviceModel?: string;
}
