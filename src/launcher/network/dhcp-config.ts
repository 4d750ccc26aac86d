/**
 * What the guest's DHCP server says (pure): the pod's resolv.conf read into DNS servers and search
 * domains, and busybox udhcpd's configuration for one guest on the pod network's bridge. One lease
 * only, pinned to the guest NIC's MAC: nothing else sits on that bridge.
 */
import { prefixToNetmask, type PodInterfaceFacts } from "./bridge-facts";
import type { PodNetworkPlan } from "./plan";

export interface DnsSettings {
  servers: string[];
  search: string[];
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** nameserver and search lines of a resolv.conf; IPv6 servers are left out (the guest's network is IPv4). */
export function parseResolvConf(text: string): DnsSettings {
  const servers: string[] = [];
  let search: string[] = [];
  for (const line of text.split("\n")) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === "nameserver" && values[0] && IPV4.test(values[0])) servers.push(values[0]);
    if (key === "search" || key === "domain") search = values.filter((v) => v.length > 0);
  }
  return { servers, search };
}

export interface LeaseSettings {
  /** What the guest gets: its address, mask and router. */
  address: string;
  netmask: string;
  router?: string;
  /** The server's own interface (the bridge the tap is on). */
  interfaceName: string;
  hostname: string;
  dns: DnsSettings;
  mtu?: number;
  /** Classless static routes (option 121): a client that takes them ignores the router (RFC 3442). */
  routes?: Array<{ dst: string; via: string }>;
  /** Where udhcpd keeps its lease and pid files. */
  stateDir: string;
}

export function leaseSettings(plan: PodNetworkPlan, hostname: string, dns: DnsSettings, stateDir: string): LeaseSettings {
  if (!plan.guest) throw new Error(`network ${plan.network}: the ${plan.binding} binding has no guest addressing to serve`);
  return { address: plan.guest.address, netmask: plan.guest.netmask, router: plan.guest.gateway, interfaceName: plan.bridge, hostname, dns, stateDir };
}

/**
 * Bridge (KubeVirt's bridge DHCP): the guest gets the pod's own address and mask, its gateway as
 * router and its routes as classless static routes, and the pod's MTU; the
 * server answers from the bridge's 169.254.75.10 (busybox udhcpd serves only from an interface with
 * an IPv4 address, and takes it as its server identifier).
 */
export function bridgeLeaseSettings(plan: PodNetworkPlan, facts: PodInterfaceFacts, hostname: string, dns: DnsSettings, stateDir: string): LeaseSettings {
  return { address: facts.address, netmask: prefixToNetmask(facts.prefix), router: facts.gateway, routes: facts.routes, interfaceName: plan.bridge, hostname, dns, mtu: facts.mtu, stateDir };
}

/** A DNS label is safe to pass as a hostname option; anything else is left out rather than quoted. */
const safeToken = (s: string): boolean => /^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?$/.test(s) && s.length <= 253;

export function udhcpdConfig(s: LeaseSettings, mac: string): string {
  const lines = [
    `interface ${s.interfaceName}`,
    `start ${s.address}`,
    `end ${s.address}`,
    "max_leases 1",
    `static_lease ${mac} ${s.address}`,
    `lease_file ${s.stateDir}/udhcpd.leases`,
    `pidfile ${s.stateDir}/udhcpd.pid`,
    `option subnet ${s.netmask}`,
    "option lease 86400",
  ];
  if (s.router) lines.push(`option router ${s.router}`);
  if (s.dns.servers.length > 0) lines.push(`option dns ${s.dns.servers.join(" ")}`);
  const search = s.dns.search.filter(safeToken);
  if (search.length > 0) lines.push(`option domain ${search[0]}`, `option search ${search.join(" ")}`);
  if (safeToken(s.hostname)) lines.push(`option hostname ${s.hostname}`);
  if (s.mtu !== undefined) lines.push(`option mtu ${s.mtu}`);
  if (s.routes && s.routes.length > 0) lines.push(`option staticroutes ${s.routes.map((r) => `${r.dst} ${r.via}`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}
