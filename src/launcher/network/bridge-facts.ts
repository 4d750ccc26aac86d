/**
 * The bridge binding's facts about the pod's interface (pure): its IPv4 address, prefix, default
 * gateway, MAC and MTU, read from `ip -j` before the node agent takes the address off it (the guest
 * gets it by DHCP), and carried from then on in the in-pod bridge's alias (IFLA_IFALIAS): the
 * namespace keeps its own facts, so a restarted node agent finds them again, and the launcher,
 * unprivileged, reads them from /sys/class/net/<bridge>/ifalias (KubeVirt keeps the same facts in a
 * cache file its handler writes into the launcher).
 */

export interface PodInterfaceFacts {
  address: string;
  prefix: number;
  /** The pod's default gateway, handed to the guest as its router. */
  gateway: string;
  /** The pod interface's MAC: the guest's unless the interface sets macAddress. */
  mac: string;
  mtu: number;
}

/** The server address of the guest's DHCP on the bridge (KubeVirt's fake bridge IP for interface 0). */
export const BRIDGE_SERVER_ADDRESS = "169.254.75.10";
/** The alias is at most 255 bytes; a marker tells ours from anything else. */
const ALIAS_PREFIX = "kubevirt-ts ";

interface IpLink {
  ifname?: string;
  address?: string;
  mtu?: number;
  addr_info?: Array<{ family?: string; local?: string; prefixlen?: number; scope?: string }>;
}

interface IpRoute {
  dst?: string;
  gateway?: string;
}

/** From `ip -j address show dev IF` and `ip -j -4 route show dev IF`; throws saying what is missing. */
export function parsePodInterface(addressJson: string, routeJson: string, name: string): PodInterfaceFacts {
  const link = (JSON.parse(addressJson) as IpLink[]).find((l) => l.ifname === name);
  if (!link) throw new Error(`${name}: no such interface in the pod`);
  const inet = (link.addr_info ?? []).find((a) => a.family === "inet" && a.scope === "global");
  if (!inet?.local || inet.prefixlen === undefined) throw new Error(`${name}: the pod's interface has no IPv4 address to hand to the guest`);
  const gateway = (JSON.parse(routeJson) as IpRoute[]).find((r) => r.dst === "default")?.gateway;
  if (!gateway) throw new Error(`${name}: the pod has no default route through its interface (no gateway for the guest)`);
  if (!link.address || !link.mtu) throw new Error(`${name}: no MAC or MTU`);
  return { address: inet.local, prefix: inet.prefixlen, gateway, mac: link.address.toLowerCase(), mtu: link.mtu };
}

export function encodeFacts(f: PodInterfaceFacts): string {
  return `${ALIAS_PREFIX}${f.address}/${f.prefix} gw ${f.gateway} mac ${f.mac} mtu ${f.mtu}`;
}

/** The facts in a bridge's alias, or undefined when the alias is not ours. */
export function decodeFacts(alias: string): PodInterfaceFacts | undefined {
  const m = /^kubevirt-ts (\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2}) gw (\d{1,3}(?:\.\d{1,3}){3}) mac ((?:[0-9a-f]{2}:){5}[0-9a-f]{2}) mtu (\d+)$/.exec(alias.trim());
  if (!m) return undefined;
  return { address: m[1]!, prefix: Number(m[2]), gateway: m[3]!, mac: m[4]!, mtu: Number(m[5]) };
}

/** 24 → 255.255.255.0 */
export function prefixToNetmask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (2 ** 32 - 2 ** (32 - prefix));
  return [24, 16, 8, 0].map((s) => Math.floor(bits / 2 ** s) % 256).join(".");
}

/** The guest's MAC on the bridge binding: the interface's macAddress, else the pod interface's (as KubeVirt). */
export function bridgeGuestMac(plan: { mac: string; macFromSpec: boolean }, facts: PodInterfaceFacts): string {
  return plan.macFromSpec ? plan.mac : facts.mac;
}
