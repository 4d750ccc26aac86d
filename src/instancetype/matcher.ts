import { RESOURCES, type ResourceRef } from "../kube/resources";

export type MatcherKind = "instancetype" | "preference";

/** What a VM's spec.instancetype / spec.preference says. */
export interface Matcher {
  name?: string;
  kind?: string;
  revisionName?: string;
  inferFromVolume?: string;
}

const KINDS: Record<MatcherKind, { namespaced: string[]; cluster: string[]; defaultKind: string }> = {
  instancetype: {
    namespaced: ["virtualmachineinstancetype", "virtualmachineinstancetypes"],
    cluster: ["virtualmachineclusterinstancetype", "virtualmachineclusterinstancetypes", ""],
    defaultKind: "virtualmachineclusterinstancetype",
  },
  preference: {
    namespaced: ["virtualmachinepreference", "virtualmachinepreferences"],
    cluster: ["virtualmachineclusterpreference", "virtualmachineclusterpreferences", ""],
    defaultKind: "virtualmachineclusterpreference",
  },
};

/** The kind a matcher without one gets at VM admission (KubeVirt's VM defaults). */
export const defaultMatcherKind = (m: MatcherKind): string => KINDS[m].defaultKind;

/** Where the object a matcher names lives; undefined for a kind KubeVirt does not know. */
export function matcherResource(m: MatcherKind, kind: string | undefined): ResourceRef | undefined {
  const k = (kind ?? "").toLowerCase();
  if (KINDS[m].namespaced.includes(k)) return m === "instancetype" ? RESOURCES.instancetype : RESOURCES.preference;
  if (KINDS[m].cluster.includes(k)) return m === "instancetype" ? RESOURCES.clusterInstancetype : RESOURCES.clusterPreference;
  return undefined;
}

/** The API server's not-found message for the object, as KubeVirt's Failure condition carries it. */
export const notFoundMessage = (r: ResourceRef, name: string): string => `${r.plural}.${r.group} "${name}" not found`;

/**
 * The annotations KubeVirt puts on a VMI made with an instancetype or preference, naming it
 * (`kubevirt.io/cluster-instancetype-name: u1.small`, …).
 */
export function nameAnnotations(spec: { instancetype?: Matcher; preference?: Matcher }): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (m: MatcherKind, matcher: Matcher | undefined): void => {
    if (!matcher?.name) return;
    const r = matcherResource(m, matcher.kind);
    if (!r) return;
    out[`kubevirt.io/${r.namespaced ? "" : "cluster-"}${m}-name`] = matcher.name;
  };
  add("instancetype", spec.instancetype);
  add("preference", spec.preference);
  return out;
}
