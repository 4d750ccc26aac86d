import { getObject, type KubeObject } from "../kube/objects";
import { RESOURCES } from "../kube/resources";
import type { Resolved } from "../instancetype/apply";
import { matcherResource, type Matcher, type MatcherKind } from "../instancetype/matcher";
import { specFromRevision, type StatusRef } from "../instancetype/revision";

interface VmLike {
  metadata?: { namespace?: string };
  spec?: { instancetype?: Matcher; preference?: Matcher };
  status?: { instancetypeRef?: StatusRef; preferenceRef?: StatusRef };
}

/** The spec a matcher points at: its pinned revision, the one the status records, else the live object. */
async function readOne(vm: VmLike, m: MatcherKind, matcher: Matcher | undefined, ref: StatusRef | undefined): Promise<unknown> {
  if (!matcher) return undefined;
  const ns = vm.metadata?.namespace;
  const revision = matcher.revisionName || (ref?.name === matcher.name ? ref?.controllerRevisionRef?.name : undefined);
  if (revision && ns) {
    const cr = await getObject<KubeObject>(RESOURCES.controllerRevision, ns, revision);
    const spec = cr ? specFromRevision(cr as { data?: unknown }, matcher.name) : undefined;
    if (spec !== undefined) return spec;
  }
  const r = matcherResource(m, matcher.kind);
  if (!r || !matcher.name) return undefined;
  const obj = await getObject<KubeObject & { spec?: unknown }>(r, r.namespaced ? ns : undefined, matcher.name);
  return obj?.spec;
}

/**
 * Reads what a VM's instancetype and preference say, for its admission. As in KubeVirt, a failed
 * read is not a denial (the controller reports a missing instancetype on the VM): it leaves that
 * spec out.
 */
export async function readInstancetypes(vm: VmLike, log?: (m: string, err?: unknown) => void): Promise<Resolved> {
  const read = (m: MatcherKind, matcher: Matcher | undefined, ref: StatusRef | undefined): Promise<unknown> =>
    readOne(vm, m, matcher, ref).catch((err) => {
      log?.(`ignoring the error looking for ${m} ${matcher?.name}`, err);
      return undefined;
    });
  const [instancetype, preference] = await Promise.all([
    read("instancetype", vm.spec?.instancetype, vm.status?.instancetypeRef),
    read("preference", vm.spec?.preference, vm.status?.preferenceRef),
  ]);
  return { ...(instancetype ? { instancetype } : {}), ...(preference ? { preference } : {}) } as Resolved;
}
