import { duplicateNames, interfacesOf, isRecord, networksOf, text } from "./access";
import { at, cause, quote, SpecRule } from "./rule";

/** Network sources of the API. Multus networks are admitted as KubeVirt admits them; without Multus they cannot be wired. */
const NETWORK_SOURCES = ["pod", "multus"] as const;

const networkPath = (path: string, i: number, ...rest: string[]): string => at(path, "networks", i, ...rest);
const interfacePath = (path: string, i: number, ...rest: string[]): string => at(path, "domain", "devices", "interfaces", i, ...rest);

export const networkHasOneSource: SpecRule = (spec, path) =>
  networksOf(spec).flatMap(([network, i]) => {
    const sources = NETWORK_SOURCES.filter(s => isRecord(network[s]));
    if (sources.length === 1) return [];
    return [cause(networkPath(path, i), sources.length === 0
      ? `sets no network source; set exactly one of ${NETWORK_SOURCES.join(", ")} (for the pod network: pod: {})`
      : `sets several network sources (${sources.join(", ")}); keep exactly one`)];
  });

/** The pod has one primary interface, so only one network can be the pod network. */
export const singlePodNetwork: SpecRule = (spec, path) => {
  const pods = networksOf(spec).filter(([n]) => isRecord(n.pod));
  return pods.slice(1).map(([, i]) =>
    cause(networkPath(path, i, "pod"), `only one network can be the pod network and ${networkPath(path, pods[0][1])} already is; remove this one`));
};

export const networkNamesAreUnique: SpecRule = (spec, path) =>
  duplicateNames(networksOf(spec)).map(d =>
    cause(networkPath(path, d.index, "name"), `network name ${quote(d.name)} is already used by ${networkPath(path, d.first)}; every network needs a unique name`),
  );

export const interfaceNamesAreUnique: SpecRule = (spec, path) =>
  duplicateNames(interfacesOf(spec)).map(d =>
    cause(interfacePath(path, d.index, "name"), `interface name ${quote(d.name)} is already used by ${interfacePath(path, d.first)}; only one interface can connect to a network`),
  );

export const interfacesHaveNetworks: SpecRule = (spec, path) => {
  const networks = new Set(networksOf(spec).map(([n]) => text(n.name)));
  return interfacesOf(spec).flatMap(([iface, i]) => {
    const name = text(iface.name);
    if (name === undefined || networks.has(name)) return [];
    return [cause(interfacePath(path, i, "name"), `interface ${quote(name)} has no matching network; add a network named ${quote(name)} to ${at(path, "networks")} (for example {name: ${name}, pod: {}}) or rename the interface`)];
  });
};

export const networksHaveInterfaces: SpecRule = (spec, path) => {
  const interfaces = new Set(interfacesOf(spec).map(([n]) => text(n.name)));
  return networksOf(spec).flatMap(([network, i]) => {
    const name = text(network.name);
    if (name === undefined || interfaces.has(name)) return [];
    return [cause(networkPath(path, i, "name"), `network ${quote(name)} is not used by any interface; add an interface named ${quote(name)} to ${at(path, "domain", "devices", "interfaces")} or remove the network`)];
  });
};

export const NETWORK_RULES: readonly SpecRule[] = [
  networkHasOneSource,
  singlePodNetwork,
  networkNamesAreUnique,
  interfaceNamesAreUnique,
  interfacesHaveNetworks,
  networksHaveInterfaces,
];
