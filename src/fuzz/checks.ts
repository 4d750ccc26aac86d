import { admit, AdmissionPolicy, validate } from "../admission/chain";
import { vmiInputCauses } from "../launcher/input/check-vmi";
import { inside, isWithin } from "../launcher/paths/inside";

/*
 * The properties every input must keep. Each returns a reason when broken (a "finding"); a throw
 * out of the code under test is a crash, reported separately by the caller.
 */

const policy: AdmissionPolicy = { featureGates: new Set(["HostDisk"]), newUuid: () => "11111111-2222-4333-8444-555555555555" };

/** The admission chain: admitted and still valid, or denied with causes that name a field. */
export function admissionFinding(object: unknown): string | undefined {
  const result = admit({ object, operation: "CREATE" }, policy);
  if (result.allowed) return validate(result.object, policy).length === 0 ? undefined : "admitted, but the admitted object does not validate again";
  const ok = result.causes.length > 0 && result.causes.every(c => typeof c.field === "string" && c.field.length > 0 && typeof c.message === "string" && c.message.length > 0);
  return ok ? undefined : "denied without a field path and message";
}

/** The launcher's input check: causes with fields; never admits what admission refuses. */
export function launcherFinding(object: unknown): string | undefined {
  const causes = vmiInputCauses(object, policy.featureGates);
  if (!causes.every(c => c.field.length > 0 && c.message.length > 0)) return "launcher refused without a field path";
  return undefined;
}

const ROOT = "/run/launcher/work";

/** Every user segment joined by `inside` stays below the root, or is refused with a PathEscapeError. */
export function pathFinding(segments: string[]): string | undefined {
  try {
    const joined = inside(ROOT, "fuzz", ...segments);
    return isWithin(ROOT, joined) ? undefined : `inside returned ${joined}, outside ${ROOT}`;
  } catch (err) {
    return (err as { code?: string }).code === "path-escape" ? undefined : `inside threw ${(err as Error).message}`;
  }
}
