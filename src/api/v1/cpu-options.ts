import { ApiType, Obj, Str } from "../schema";

@ApiType("A CPU flag to add to or remove from the guest's CPU model.")
export class CPUFeature {
  @Str("Name of the flag, as libvirt knows it (for example pcid).", { required: true })
  name!: string;
  @Str("force, require, optional, disable or forbid. Defaults to require.")
  policy?: string;
}

@ApiType("Mirror the host's NUMA layout of the pinned CPUs and hugepages into the guest.")
export class NUMAGuestMappingPassthrough {}

@ApiType("The guest's NUMA topology.")
export class NUMA {
  @Obj(() => NUMAGuestMappingPassthrough, "Copy the host NUMA topology the VMI was placed on. Needs dedicated CPUs and hugepages.")
  guestMappingPassthrough?: NUMAGuestMappingPassthrough;
}

@ApiType("Real-time scheduling of the guest's vCPUs.")
export class Realtime {
  @Str("vCPUs to run with real-time priority, in libvirt's range syntax (for example 0-3,^1). Defaults to all.")
  mask?: string;
}
