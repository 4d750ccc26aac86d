/**
 * RBAC rules as data and what they allow (pure), as the API server's RBAC authorizer decides for
 * resource requests: used to check, without a cluster, that the module's own rules hold everything
 * the roles it installs grant (RBAC refuses to let it install more than it holds) and every object
 * it applies, by name.
 */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs: string[];
}

/** One request: `name` is absent for list/watch without a name and for create by POST. */
export interface Access {
  group: string;
  resource: string;
  verb: string;
  name?: string;
}

const has = (list: string[] | undefined, value: string): boolean => (list ?? []).some((v) => v === "*" || v === value);

export function ruleAllows(rule: PolicyRule, a: Access): boolean {
  if (!has(rule.apiGroups, a.group) || !has(rule.resources, a.resource) || !has(rule.verbs, a.verb)) return false;
  if (!rule.resourceNames || rule.resourceNames.length === 0) return true;
  return a.name !== undefined && rule.resourceNames.includes(a.name);
}

export const allows = (rules: readonly PolicyRule[], a: Access): boolean => rules.some((r) => ruleAllows(r, a));

/** Every single access a rule grants (one per group × resource × verb × name). */
export function accessesOf(rule: PolicyRule): Access[] {
  const names: Array<string | undefined> = rule.resourceNames?.length ? rule.resourceNames : [undefined];
  return (rule.apiGroups ?? []).flatMap((group) =>
    (rule.resources ?? []).flatMap((resource) => rule.verbs.flatMap((verb) => names.map((name) => ({ group, resource, verb, ...(name ? { name } : {}) })))),
  );
}

/** What `granted` gives that `held` does not: RBAC's escalation check refuses a role or binding for these. */
export const notHeld = (held: readonly PolicyRule[], granted: readonly PolicyRule[]): Access[] =>
  granted.flatMap(accessesOf).filter((a) => !allows(held, a));

/** Rules with a wildcard group, resource or verb. */
export const wildcards = (rules: readonly PolicyRule[]): PolicyRule[] =>
  rules.filter((r) => [...(r.apiGroups ?? []), ...(r.resources ?? []), ...r.verbs].some((v) => v.includes("*")));
