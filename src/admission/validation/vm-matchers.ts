import type { Cause, VirtualMachineSpec } from "../../api";
import { isRecord } from "./access";
import { cause } from "./rule";

const FAILURE_POLICIES = ["Ignore", "Reject"];
const TITLES = { instancetype: "InstancetypeMatcher", preference: "PreferenceMatcher" } as const;

/**
 * KubeVirt's checks of a VM's matchers (pkg/instancetype/webhooks/vm): a name or a volume to
 * infer from, not both, no kind beside inferFromVolume, and a known failure policy. Its messages.
 */
export function matcherRules(spec: VirtualMachineSpec): Cause[] {
  return (["instancetype", "preference"] as const).flatMap((m) => {
    const matcher = spec[m] as unknown;
    if (!isRecord(matcher)) return [];
    const causes: Cause[] = [];
    const infer = typeof matcher.inferFromVolume === "string" && matcher.inferFromVolume !== "";
    if (!matcher.name && !infer) causes.push(cause(`spec.${m}`, `Either Name or InferFromVolume should be provided within the ${TITLES[m]}`));
    if (infer && matcher.name) causes.push(cause(`spec.${m}.name`, `Name should not be provided when InferFromVolume is used within the ${TITLES[m]}`));
    if (infer && matcher.kind) causes.push(cause(`spec.${m}.kind`, `Kind should not be provided when InferFromVolume is used within the ${TITLES[m]}`));
    const policy = matcher.inferFromVolumeFailurePolicy;
    if (policy !== undefined && !FAILURE_POLICIES.includes(policy as string)) {
      causes.push(cause(`spec.${m}.inferFromVolumeFailurePolicy`, `Invalid value '${String(policy)}' for InferFromVolumeFailurePolicy`));
    }
    return causes;
  });
}
