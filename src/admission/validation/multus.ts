import { isRecord, networksOf } from "./access";
import { at, cause, SpecRule } from "./rule";

/**
 * A Multus network marked default replaces the pod network: there can be one at most, and not
 * beside a pod network (as KubeVirt's network admitter).
 */
export const multusDefaultNetwork: SpecRule = (spec, path) => {
  const networks = networksOf(spec);
  const defaults = networks.filter(([n]) => isRecord(n.multus) && n.multus.default === true);
  const pods = networks.filter(([n]) => isRecord(n.pod));
  const causes = defaults.slice(1).map(([, i]) =>
    cause(at(path, "networks", i, "multus", "default"), `only one Multus network can be the default and ${at(path, "networks", defaults[0][1])} already is; unset default here`));
  if (defaults.length > 0 && pods.length > 0) {
    causes.push(cause(at(path, "networks", pods[0][1], "pod"), `the pod network cannot be used while ${at(path, "networks", defaults[0][1])} is the Multus default network; remove one of them`));
  }
  return causes;
};
