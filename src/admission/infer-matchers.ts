import type { Cause } from "../api";
import { isPlainObject } from "../api/schema";
import { inferMatcher, type InferenceReader, type InferVm } from "../instancetype/infer";
import type { MatcherKind } from "../instancetype/matcher";
import { getObject, type KubeObject } from "../kube/objects";
import { RESOURCES } from "../kube/resources";

type Json = Record<string, unknown>;
interface InferringMatcher {
  inferFromVolume?: string;
  inferFromVolumeFailurePolicy?: string;
}

/** The cluster's PVCs, DataVolumes and DataSources; an absent object, or absent CDI, reads as undefined. */
export const clusterInferenceReader: InferenceReader = {
  pvc: async (ns, name) => labelled(await getObject(RESOURCES.pvc, ns, name)),
  dataVolume: async (ns, name) => withSpec(await getObject(RESOURCES.dataVolume, ns, name)),
  dataSource: async (ns, name) => withSpec(await getObject(RESOURCES.dataSource, ns, name)),
};
const labelled = (o: KubeObject | undefined): { labels: Record<string, string> } | undefined => (o ? { labels: o.metadata.labels ?? {} } : undefined);
const withSpec = <S>(o: KubeObject | undefined): ({ labels: Record<string, string>; spec: S }) | undefined =>
  o ? { labels: o.metadata.labels ?? {}, spec: (o.spec ?? {}) as S } : undefined;

const inferring = (vm: Json, m: MatcherKind): InferringMatcher | undefined => {
  const matcher = isPlainObject(vm.spec) ? vm.spec[m] : undefined;
  return isPlainObject(matcher) && typeof matcher.inferFromVolume === "string" && matcher.inferFromVolume !== "" ? (matcher as InferringMatcher) : undefined;
};

/** Whether a VM asks for a matcher to be inferred, which only the cluster's reads can settle. */
export const infersMatchers = (vm: unknown): boolean =>
  isPlainObject(vm) && vm.kind === "VirtualMachine" && (inferring(vm, "instancetype") !== undefined || inferring(vm, "preference") !== undefined);

/**
 * KubeVirt's VM mutation for inferFromVolume: each inferring matcher is replaced by the name and
 * kind the volume's labels give. With `inferFromVolumeFailurePolicy: Ignore`, an ignorable failure
 * drops the matcher, and an inferred instancetype drops the template's memory (which virtctl wrote
 * as a fallback). Any other failure leaves the VM as it came and is returned, with its field.
 */
export async function inferMatchers(vm: Json, read: InferenceReader): Promise<{ vm: Json; failures: Cause[] }> {
  let result = structuredClone(vm);
  const failures: Cause[] = [];
  for (const m of ["instancetype", "preference"] as const) {
    const matcher = inferring(result, m);
    if (!matcher) continue;
    const ignore = matcher.inferFromVolumeFailurePolicy === "Ignore";
    const inferred = await inferMatcher(result as InferVm, m, matcher.inferFromVolume!, read);
    const spec = result.spec as Json;
    if (inferred.ok) {
      spec[m] = { name: inferred.name, ...(inferred.kind ? { kind: inferred.kind } : {}) };
      if (m === "instancetype" && ignore) dropTemplateMemory(spec);
    } else if (inferred.ignorable && ignore) {
      delete spec[m];
    } else {
      failures.push({ field: `spec.${m}.inferFromVolume`, message: inferred.message });
    }
  }
  if (failures.length > 0) result = vm;
  return { vm: result, failures };
}

function dropTemplateMemory(spec: Json): void {
  const domain = (spec.template as { spec?: { domain?: Json } } | undefined)?.spec?.domain;
  if (domain) delete domain.memory;
}
