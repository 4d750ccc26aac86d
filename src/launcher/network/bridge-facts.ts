/**
 * The bridge binding's facts about the pod's interface (pure): its IPv4 address, prefix, default
 * gateway and routes, MAC and MTU, read from `ip -j` before the node agent takes the address off it (the guest
 * gets it by DHCP), and carried from then on in the in-pod bridge's alias (IFLA_IFALIAS): the
 * namespace keeps its own facts, so a restarted node agent finds them again, and the launcher,
 * unprivileged, reads them from /sys/class/net/<bridge>/ifalias (KubeVirt keeps the same facts in a
 * cache file its handler writes into the launcher).
 */

export interface PodInterfaceFacts {
  address: string;
  prefix: number;
  /**
   * The next hop of the pod's routes (its default route's, else the first's, as KubeVirt takes it),
   * handed to the guest as its router. This project's pods have no default route (the cluster's
   * namespace has no way out), only routes to the cluster's ranges through one gateway.
   */
  gateway: string;
  /** The pod's routes through a gateway (not its own subnet), for DHCP's classless static routes. */
  routes: Array<{ dst: string; via: string }>;
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
  const viaGateway = (JSON.parse(routeJson) as IpRoute[]).filter((r): r is Required<IpRoute> => !!r.gateway && !!r.dst);
  const gateway = (viaGateway.find((r) => r.dst === "default") ?? viaGateway[0])?.gateway;
  if (!gateway) throw new Error(`${name}: the pod has no route through a gateway on its interface (no router for the guest)`);
  if (!link.address || !link.mtu) throw new Error(`${name}: no MAC or MTU`);
  const routes = viaGateway.map((r) => ({ dst: r.dst === "default" ? "0.0.0.0/0" : r.dst.includes("/") ? r.dst : `${r.dst}/32`, via: r.gateway }));
  return { address: inet.local, prefix: inet.prefixlen, gateway, routes, mac: link.address.toLowerCase(), mtu: link.mtu };
}

/** Throws when the facts do not fit the alias (IFALIASZ: 255 bytes), rather than losing routes. */
export function encodeFacts(f: PodInterfaceFacts): string {
  const routes = f.routes.map((r) => `${r.dst}>${r.via}`).join(",");
  const alias = `${ALIAS_PREFIX}${f.address}/${f.prefix} gw ${f.gateway} mac ${f.mac} mtu ${f.mtu} routes ${routes}`;
  if (alias.length > 255) throw new Error(`the pod's routes do not fit the bridge's alias (${alias.length} of 255 bytes): ${routes}`);
  return alias;
}

/** The facts in a bridge's alias, or undefined when the alias is not ours. */
export function decodeFacts(alias: string): PodInterfaceFacts | undefined {
  const m = /^kubevirt-ts (\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2}) gw (\d{1,3}(?:\.\d{1,3}){3}) mac ((?:[0-9a-f]{2}:){5}[0-9a-f]{2}) mtu (\d+) routes ?([\d./>,]*)$/.exec(alias.trim());
  if (!m) return undefined;
  const routes = m[6]!.split(",").filter(Boolean).map((r) => {
    const [dst, via] = r.split(">");
    return { dst: dst!, via: via! };
  });
  return { address: m[1]!, prefix: Number(m[2]), gateway: m[3]!, routes, mac: m[4]!, mtu: Number(m[5]) };
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
