import { ApiType, Int, Obj } from "../schema";
import { FeatureState } from "./features";

@ApiType("Explicit logical and physical sector sizes.")
export class CustomBlockSize {
  @Int("Logical sector size in bytes, for example 512 or 4096.", { required: true, format: "int32" })
  logical!: number;
  @Int("Physical sector size in bytes.", { required: true, format: "int32" })
  physical!: number;
}

@ApiType("The sector sizes a disk reports to the guest; custom or matched to the volume.")
export class BlockSize {
  @Obj(() => CustomBlockSize, "Report these sizes.")
  custom?: CustomBlockSize;
  @Obj(() => FeatureState, "Report the sizes of the underlying volume.")
  matchVolume?: FeatureState;
}
