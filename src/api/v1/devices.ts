import { ApiType, Bool, List, Obj } from "../schema";
import { Disk } from "./disks";
import { Interface } from "./interfaces";
import { GPU, HostDevice } from "./host-devices";
import { ClientPassthroughDevices, DownwardMetrics, Filesystem, Input, PanicDevice, SoundDevice, TPMDevice, VideoDevice } from "./peripherals";
import { Watchdog } from "./watchdog";

@ApiType("A virtio random number generator fed from the host's entropy.")
export class Rng {}

@ApiType("Devices attached to the guest.")
export class Devices {
  @List(() => Disk, "Disks, CD-ROMs and LUNs; each names a volume in spec.volumes.")
  disks?: Disk[];
  @List(() => Interface, "Network interfaces; each names a network in spec.networks.")
  interfaces?: Interface[];
  @Obj(() => Rng, "Attach a virtio random number generator.")
  rng?: Rng;
  @Bool("Attach a serial console. Defaults to true.")
  autoattachSerialConsole?: boolean;
  @Bool("Attach a graphics device (VNC). Defaults to true.")
  autoattachGraphicsDevice?: boolean;
  @Bool("Attach a memory balloon device. Defaults to true.")
  autoattachMemBalloon?: boolean;
  @Bool("Attach the pod network interface when no interfaces are given. Defaults to true.")
  autoattachPodInterface?: boolean;
  @Bool("Give virtio NICs one queue per vCPU.")
  networkInterfaceMultiqueue?: boolean;
  @Bool("Give virtio disks one queue per vCPU.")
  blockMultiQueue?: boolean;
  @Bool("Attach a tablet input device for the graphical console. Defaults to true when graphics are attached.")
  autoattachInputDevice?: boolean;
  @Bool("Attach a virtio VSOCK device (needs the VSOCK feature gate).")
  autoattachVSOCK?: boolean;
  @Bool("Keep a log of the serial console beside the launcher. Defaults to the cluster setting.")
  logSerialConsole?: boolean;
  @Bool("Use virtio-transitional devices so older guests (kernels before virtio 1.0) find them.")
  useVirtioTransitional?: boolean;
  @Bool("Leave no spare PCI ports for hot-plugged disks and NICs.")
  disableHotplug?: boolean;
  @List(() => Filesystem, "Volumes shared as filesystems (virtiofs).")
  filesystems?: Filesystem[];
  @List(() => GPU, "GPUs passed to the guest.")
  gpus?: GPU[];
  @List(() => HostDevice, "Host devices passed to the guest.")
  hostDevices?: HostDevice[];
  @List(() => Input, "Input devices.")
  inputs?: Input[];
  @List(() => PanicDevice, "Panic notifier devices.")
  panicDevices?: PanicDevice[];
  @Obj(() => SoundDevice, "A sound card.")
  sound?: SoundDevice;
  @Obj(() => TPMDevice, "An emulated TPM.")
  tpm?: TPMDevice;
  @Obj(() => VideoDevice, "The video device model.")
  video?: VideoDevice;
  @Obj(() => Watchdog, "A watchdog device.")
  watchdog?: Watchdog;
  @Obj(() => ClientPassthroughDevices, "Pass client-side USB devices to the guest.")
  clientPassthrough?: ClientPassthroughDevices;
  @Obj(() => DownwardMetrics, "A virtio-serial port with host and VM metrics (needs the DownwardMetrics feature gate).")
  downwardMetrics?: DownwardMetrics;
}
