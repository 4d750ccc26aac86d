import type { Condition } from "../../api";
import { removeCondition, setCondition } from "../conditions";
import type { InstancetypeSync } from "../reconcile/instancetype";

const OUR_REASONS = new Set(["FailedFindInstancetype", "FailedFindPreference", "FailedCreateVirtualMachine", "FailedCreateDataVolume"]);

/**
 * The VM's conditions after resolving its instancetype and preference (and checking its DataVolumes): a failure shows as KubeVirt's
 * `Failure` condition with the sync error's reason and message; success clears a Failure we set.
 */
export function instancetypeConditions(conditions: Condition[], sync: InstancetypeSync | undefined, now: string): Condition[] {
  if (sync && !sync.ok) return setCondition(conditions, { type: "Failure", status: "True", reason: sync.reason, message: sync.message }, now);
  const failure = conditions.find((c) => c.type === "Failure");
  return failure && OUR_REASONS.has(failure.reason ?? "") ? removeCondition(conditions, "Failure") : conditions;
}
