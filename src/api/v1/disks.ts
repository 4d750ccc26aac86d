import { ApiType, Bool, Int, Obj, Str } from "../schema";
import { BlockSize } from "./block-size";
import { CDROM_BUSES, DISK_BUSES, DISK_CACHE_MODES, DISK_IO_MODES, LUN_BUSES, TRAY_STATES } from "./enums";

@ApiType("Attach the volume as a plain disk.")
export class DiskTarget {
  @Str("Bus the disk is attached to: virtio, sata, scsi or usb. Defaults to sata on amd64 (as KubeVirt).", { enum: DISK_BUSES })
  bus?: string;
  @Bool("Expose the disk read-only to the guest.")
  readonly?: boolean;
  @Str("PCI address of the disk, for example 0000:81:01.10 (virtio only).")
  pciAddress?: string;
}

@ApiType("Attach the volume as a SCSI LUN.")
export class LunTarget {
  @Str("Bus the LUN is attached to: scsi, sata or virtio.", { enum: LUN_BUSES })
  bus?: string;
  @Bool("Expose the LUN read-only to the guest.")
  readonly?: boolean;
  @Bool("Let the guest issue SCSI persistent reservations (needs the PersistentReservation feature gate).")
  reservation?: boolean;
}

@ApiType("Attach the volume as a CD-ROM.")
export class CDRomTarget {
  @Str("Bus the CD-ROM is attached to: sata or scsi. Defaults to sata on amd64.", { enum: CDROM_BUSES })
  bus?: string;
  @Bool("CD-ROMs are read-only. Defaults to true.")
  readonly?: boolean;
  @Str("Tray state: open or closed. Defaults to closed.", { enum: TRAY_STATES })
  tray?: string;
}

@ApiType("A disk the guest sees; its name matches a volume in spec.volumes.")
export class Disk {
  @Str("Name of the disk; must match the name of a volume.", { required: true })
  name!: string;
  @Obj(() => DiskTarget, "Attach as a disk. The default when no target type is given.")
  disk?: DiskTarget;
  @Obj(() => LunTarget, "Attach as a LUN.")
  lun?: LunTarget;
  @Obj(() => CDRomTarget, "Attach as a CD-ROM.")
  cdrom?: CDRomTarget;
  @Int("Boot order of the device; lower boots first. Must be 1 or greater and unique across disks and interfaces.", { minimum: 1, format: "int32" })
  bootOrder?: number;
  @Str("Serial number the guest sees for the disk: letters, digits and '_.+-', at most 256 characters.")
  serial?: string;
  @Str("Host-side cache mode: none, writethrough or writeback.", { enum: DISK_CACHE_MODES })
  cache?: string;
  @Str("Host-side I/O mode: native or threads.", { enum: DISK_IO_MODES })
  io?: string;
  @Bool("Give this disk its own I/O thread (virtio only).")
  dedicatedIOThread?: boolean;
  @Bool("Allow several VMs to share the disk.")
  shareable?: boolean;
  @Obj(() => BlockSize, "Sector sizes the guest sees.")
  blockSize?: BlockSize;
  @Str("What the guest sees on an I/O error: stop (pause the VM), ignore, report or enospace. Defaults to stop.")
  errorPolicy?: string;
  @Str("Tag the disk carries in the guest's device metadata.")
  tag?: string;
}
