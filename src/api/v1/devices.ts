import { ApiType, Bool, List, Obj } from "../schema";
import { Disk } from "./disks";
import { Interface } from "./interfaces";

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
}
