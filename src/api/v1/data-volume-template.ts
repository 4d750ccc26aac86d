import { ApiType, Free, Obj, Str } from "../schema";

@ApiType("Placeholder status of a DataVolume template; always empty.")
export class DataVolumeTemplateDummyStatus {}

@ApiType("A CDI DataVolume the VM creates and owns; needs CDI installed.")
export class DataVolumeTemplateSpec {
  @Str("cdi.kubevirt.io/v1beta1")
  apiVersion?: string;
  @Str("DataVolume")
  kind?: string;
  @Free("Name and labels of the DataVolume.")
  metadata?: Record<string, unknown>;
  @Free("What the DataVolume imports and where it stores it (cdi.kubevirt.io/v1beta1 DataVolumeSpec).", { required: true })
  spec!: Record<string, unknown>;
  @Obj(() => DataVolumeTemplateDummyStatus, "Unused.")
  status?: DataVolumeTemplateDummyStatus;
}
