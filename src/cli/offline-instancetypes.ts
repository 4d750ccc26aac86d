import type { Resolved } from "../instancetype/apply";
import { commonPreferences } from "../instancetype/common/preferences";
import { u1Instancetypes } from "../instancetype/common/u1";
import { matcherResource, type Matcher, type MatcherKind } from "../instancetype/matcher";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `<plural>/<name>` of an instancetype or preference object, the key a matcher resolves to. */
const keyOf = (plural: string, name: string): string => `${plural}/${name}`;
const PLURALS: Record<string, string> = {
  VirtualMachineInstancetype: "virtualmachineinstancetypes",
  VirtualMachineClusterInstancetype: "virtualmachineclusterinstancetypes",
  VirtualMachinePreference: "virtualmachinepreferences",
  VirtualMachineClusterPreference: "virtualmachineclusterpreferences",
};

/**
 * What the offline validator knows of instancetypes and preferences: the common ones the
 * controller installs, and those among the documents being validated (they win). A VM in the
 * same run is checked against them as the webhook checks it against the cluster's.
 */
export function offlineCatalog(documents: readonly unknown[]): Map<string, unknown> {
  const catalog = new Map<string, unknown>();
  for (const doc of [...u1Instancetypes(), ...commonPreferences(), ...documents]) {
    if (!isObj(doc) || typeof doc.kind !== "string" || !isObj(doc.metadata)) continue;
    const plural = PLURALS[doc.kind];
    if (plural && typeof doc.metadata.name === "string") catalog.set(keyOf(plural, doc.metadata.name), doc.spec);
  }
  return catalog;
}

/** The instancetype and preference a VM names, from the catalog; what is not there is left out. */
export function resolveOffline(vm: unknown, catalog: Map<string, unknown>): Resolved {
  const spec = isObj(vm) && isObj(vm.spec) ? vm.spec : {};
  const find = (m: MatcherKind): unknown => {
    const raw = spec[m];
    if (!isObj(raw)) return undefined;
    const matcher = raw as Matcher;
    const r = matcherResource(m, matcher.kind);
    return r && matcher.name ? catalog.get(keyOf(r.plural, matcher.name)) : undefined;
  };
  const instancetype = find("instancetype");
  const preference = find("preference");
  return { ...(instancetype ? { instancetype } : {}), ...(preference ? { preference } : {}) } as Resolved;
}
