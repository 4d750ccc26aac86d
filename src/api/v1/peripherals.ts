import { ApiType, Bool, Obj, Str } from "../schema";

@ApiType("An input device such as a tablet, which keeps the VNC pointer in sync.")
export class Input {
  @Str("Name of the input device.", { required: true })
  name!: string;
  @Str("Kind of device: tablet or keyboard.", { required: true })
  type!: string;
  @Str("Bus of the device: usb or virtio. Defaults to usb.")
  bus?: string;
}

@ApiType("An emulated sound card.")
export class SoundDevice {
  @Str("Name of the sound card.", { required: true })
  name!: string;
  @Str("Model: ich9 or ac97. Defaults to ich9.")
  model?: string;
}

@ApiType("An emulated TPM 2.0 chip.")
export class TPMDevice {
  @Bool("Whether the guest gets the TPM. Defaults to true when tpm is given.")
  enabled?: boolean;
  @Bool("Keep the TPM's state across restarts (needs a storage class for VM state).")
  persistent?: boolean;
}

@ApiType("The guest's video device.")
export class VideoDevice {
  @Str("Video model, for example virtio, vga, bochs or ramfb.")
  type?: string;
}

@ApiType("A panic notifier: the guest reports a crash to the hypervisor.")
export class PanicDevice {
  @Str("Model: hyperv, isa or pvpanic.")
  model?: string;
}

@ApiType("Pass devices from the client (USB over SPICE) to the guest.")
export class ClientPassthroughDevices {}

@ApiType("A virtio-serial port over which the guest reads host and VM metrics.")
export class DownwardMetrics {}

@ApiType("Share the volume through virtiofs.")
export class FilesystemVirtiofs {}

@ApiType("A volume shared with the guest as a filesystem rather than a disk.")
export class Filesystem {
  @Str("Name of the filesystem; must match the name of a volume.", { required: true })
  name!: string;
  @Obj(() => FilesystemVirtiofs, "Share it through virtiofs.", { required: true })
  virtiofs!: FilesystemVirtiofs;
}
