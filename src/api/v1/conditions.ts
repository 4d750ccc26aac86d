import { ApiType, Str } from "../schema";
import { CONDITION_STATUSES } from "./enums";

@ApiType("An observation about the object's state.")
export class Condition {
  @Str("Kind of condition, for example Ready.", { required: true })
  type!: string;
  @Str("True, False or Unknown.", { required: true, enum: CONDITION_STATUSES })
  status!: string;
  @Str("One-word CamelCase reason for the last transition.")
  reason?: string;
  @Str("Human-readable detail.")
  message?: string;
  @Str("When the condition was last probed.")
  lastProbeTime?: string;
  @Str("When the condition last changed status.")
  lastTransitionTime?: string;
}
