import { ApiType, Bool, FreeList, Obj, Str } from "../schema";
import { LocalObjectReference } from "./cloud-init";

@ApiType("A PersistentVolumeClaim in the VMI's namespace (core/v1 PersistentVolumeClaimVolumeSource).")
export class ClaimReference {
  @Str("Name of the claim.", { required: true })
  claimName!: string;
  @Bool("Attach the claim read-only.")
  readOnly?: boolean;
}

@ApiType("A CDI DataVolume in the VMI's namespace (needs CDI installed).")
export class DataVolumeSource {
  @Str("Name of the DataVolume.", { required: true })
  name!: string;
  @Bool("The volume may be hot-plugged.")
  hotpluggable?: boolean;
}

@ApiType("Pod and VMI fields (labels, annotations, ...) exposed to the guest as a disk.")
export class DownwardAPIVolumeSource {
  @FreeList("Fields to expose, each a file (core/v1 DownwardAPIVolumeFile).")
  fields?: Record<string, unknown>[];
  @Str("Volume label of the generated disk.")
  volumeLabel?: string;
}

@ApiType("A disk from which the guest reads host and VM metrics (needs the DownwardMetrics feature gate).")
export class DownwardMetricsVolumeSource {}

@ApiType("A claim that receives a memory dump of the guest (virtctl memory-dump).")
export class MemoryDumpVolumeSource {
  @Str("Name of the PersistentVolumeClaim.", { required: true })
  claimName!: string;
  @Bool("Attach the claim read-only.")
  readOnly?: boolean;
  @Bool("The claim may be hot-plugged.")
  hotpluggable?: boolean;
}

@ApiType("An answer file (autounattend.xml or unattend.xml) for Windows Sysprep, from a ConfigMap or a Secret.")
export class SysprepSource {
  @Obj(() => LocalObjectReference, "Secret holding the answer file.")
  secret?: LocalObjectReference;
  @Obj(() => LocalObjectReference, "ConfigMap holding the answer file.")
  configMap?: LocalObjectReference;
}
