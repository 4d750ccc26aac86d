import { Cause, Interface, INTERFACE_MODELS, Network } from "../../api";
import { interfacesOf, isRecord, networksOf, text } from "./access";
import { formatMac, isMulticast, parseMac, RESERVED_MASQUERADE_MAC } from "./mac-address";
import { at, cause, quote, SpecRule } from "./rule";

/** Interface names become parts of in-pod link names; KubeVirt allows this character set. */
const INTERFACE_NAME = /^[A-Za-z0-9_-]+$/;
const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;
/** Binding methods; slirp, passt and macvtap are discontinued (see discontinued-bindings.ts) but still count here. */
const BINDINGS = ["masquerade", "bridge", "sriov", "binding", "slirp", "passt", "macvtap"] as const;

const interfacePath = (path: string, i: number, ...rest: (string | number)[]): string => at(path, "domain", "devices", "interfaces", i, ...rest);

function networkNamed(spec: Parameters<SpecRule>[0], name: unknown): Network | undefined {
  return networksOf(spec).find(([n]) => n.name === name)?.[0];
}

export const interfaceNameFormat: SpecRule = (spec, path) =>
  interfacesOf(spec).flatMap(([iface, i]) => {
    const name = text(iface.name);
    if (name !== undefined && INTERFACE_NAME.test(name)) return [];
    return [cause(interfacePath(path, i, "name"), `interface name ${quote(iface.name)} may only contain letters, digits, '-' and '_'`)];
  });

export const interfaceHasOneBinding: SpecRule = (spec, path) =>
  interfacesOf(spec).flatMap(([iface, i]) => {
    const bindings = BINDINGS.filter(b => isRecord(iface[b]));
    if (bindings.length === 1) return [];
    return [cause(interfacePath(path, i), bindings.length === 0
      ? `interface ${quote(iface.name)} has no binding; set exactly one of masquerade: {} (recommended for the pod network) or bridge: {}`
      : `interface ${quote(iface.name)} sets ${bindings.join(" and ")}; an interface has exactly one binding`)];
  });

/** Masquerade NATs behind the pod's own address, so it only exists on the pod network. */
export const masqueradeOnPodNetwork: SpecRule = (spec, path) =>
  interfacesOf(spec).flatMap(([iface, i]) => {
    if (!isRecord(iface.masquerade)) return [];
    const network = networkNamed(spec, iface.name);
    if (network === undefined || isRecord(network.pod)) return [];
    return [cause(interfacePath(path, i, "masquerade"), "the masquerade binding only works on the pod network; connect this interface to a network with pod: {}, or use bridge")];
  });

export const interfaceModel: SpecRule = (spec, path) =>
  interfacesOf(spec).flatMap(([iface, i]) => {
    const model = iface.model;
    if (model === undefined || model === "" || (INTERFACE_MODELS as readonly unknown[]).includes(model)) return [];
    return [cause(interfacePath(path, i, "model"), `unsupported NIC model ${quote(model)}; use one of ${INTERFACE_MODELS.join(", ")}`)];
  });

export const interfaceMacAddress: SpecRule = (spec, path) =>
  interfacesOf(spec).flatMap(([iface, i]) => macCauses(iface, interfacePath(path, i, "macAddress")));

function macCauses(iface: Interface, field: string): Cause[] {
  const mac = text(iface.macAddress);
  if (!mac) return [];
  const octets = parseMac(mac);
  if (octets === undefined) return [cause(field, `malformed MAC address ${quote(mac)}; write six hex octets, for example de:ad:00:00:be:af`)];
  if (octets.length > 6) return [cause(field, `MAC address ${quote(mac)} is too long; a NIC takes six octets, for example de:ad:00:00:be:af`)];
  if (isMulticast(octets)) return [cause(field, `MAC address ${quote(mac)} is a multicast address; clear the lowest bit of the first octet (for example 02:... is a locally administered unicast address)`)];
  if (isRecord(iface.masquerade) && formatMac(octets) === RESERVED_MASQUERADE_MAC) {
    return [cause(field, `MAC address ${RESERVED_MASQUERADE_MAC} is reserved for the masquerade binding's in-pod bridge; choose another one`)];
  }
  return [];
}

export const interfacePciAddress: SpecRule = (spec, path) =>
  interfacesOf(spec).flatMap(([iface, i]) => {
    const address = text(iface.pciAddress);
    return address && !PCI_ADDRESS.test(address)
      ? [cause(interfacePath(path, i, "pciAddress"), `malformed PCI address ${quote(address)}; use domain:bus:slot.function, for example 0000:81:01.1`)]
      : [];
  });

export const INTERFACE_RULES: readonly SpecRule[] = [
  interfaceNameFormat,
  interfaceHasOneBinding,
  masqueradeOnPodNetwork,
  interfaceModel,
  interfaceMacAddress,
  interfacePciAddress,
];
