import type { Cause } from "../api/cause";
import { applyInstancetype } from "./apply-instancetype";
import { applyPreference } from "./apply-preference";
import { checkRequirements } from "./requirements";
import { spreadDivisionError } from "./topology";
import type { InstancetypeSpec, PreferenceSpec, TemplateMeta, VmiSpec } from "./types";

/** A VM's instancetype and preference specs as resolved (from their ControllerRevisions or the live objects). */
export interface Resolved {
  instancetype?: InstancetypeSpec;
  preference?: PreferenceSpec;
}

export type Applied = { spec: VmiSpec; meta: TemplateMeta; conflicts: [] } | { conflicts: Cause[] };

/** The VM's template path: where KubeVirt roots conflicts' field paths. */
export const TEMPLATE_SPEC_PATH = "spec.template.spec";

/**
 * A VM's template with its instancetype and preference applied, as KubeVirt builds the VMI:
 * first the spread check, then the instancetype (conflicts stop here), then the preference's
 * defaults, then the preference's requirements. The inputs are not changed.
 */
export function applyToTemplate(resolved: Resolved, template: { spec: VmiSpec; metadata?: TemplateMeta }): Applied {
  const { instancetype: it, preference: pref } = resolved;
  const spec = structuredClone(template.spec);
  spec.domain ??= { devices: {} };
  const meta: TemplateMeta = structuredClone(template.metadata ?? {});
  if (!it && !pref) return { spec, meta, conflicts: [] };
  const spread = spreadDivisionError(it?.cpu.guest, pref);
  if (it && spread) return { conflicts: [{ field: "instancetype.spec.cpu.guest", message: spread }] };
  if (it) {
    const conflicts = applyInstancetype(TEMPLATE_SPEC_PATH, it, pref, spec, meta);
    if (conflicts.length > 0) return { conflicts };
  }
  if (pref) applyPreference(pref, spec, meta);
  const unmet = checkRequirements(it, pref, it ? undefined : template.spec);
  return unmet.length > 0 ? { conflicts: unmet } : { spec, meta, conflicts: [] };
}
