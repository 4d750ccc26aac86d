/**
 * The pod network of one VMI as data (pure), shared by the node agent (which builds it in the pod's
 * network namespace) and the launcher (which attaches the tap and serves DHCP): the same VMI always
 * gives the same names, addresses and MAC, so neither side has to tell the other.
 * Names and addresses follow KubeVirt: bridge k6t-eth0, tap tap0, guest 10.0.2.2/24 behind 10.0.2.1.
 */
import { createHash } from "node:crypto";
import type { VirtualMachineInstance } from "../../api";

/** The pod's own interface (the CNI plugin's). */
export const POD_INTERFACE = "eth0";
/** KubeVirt's default vmNetworkCIDR for masquerade. */
export const DEFAULT_VM_CIDR = "10.0.2.0/24";

export interface PortRule {
  protocol: "tcp" | "udp";
  port: number;
}

export interface PodNetworkPlan {
  /** spec.networks[].name of the pod network (and of its interface). */
  network: string;
  binding: "masquerade" | "bridge";
  podInterface: string;
  bridge: string;
  tap: string;
  /**
   * The guest NIC's MAC: the interface's macAddress, or one derived from the VMI's uid. Bridge
   * without macAddress: the guest takes the pod interface's MAC instead (known only in the pod).
   */
  mac: string;
  /** The interface sets macAddress. */
  macFromSpec: boolean;
  /** Bridge only: the pod's interface renamed once it is a port of the bridge (KubeVirt's "<name>-nic"). */
  podNic: string;
  /** Masquerade only: the guest's private network behind the pod's address. */
  guest?: { address: string; gateway: string; prefix: number; netmask: string };
  /** Masquerade only: inbound ports forwarded to the guest; empty = all. */
  ports: PortRule[];
}

/**
 * A locally administered unicast MAC (02:…) from the VMI's uid and the interface's name: stable
 * across launcher restarts and handler restarts, distinct between VMIs.
 */
export function derivedMac(uid: string, network: string): string {
  const h = createHash("sha256").update(`${uid}/${network}`).digest();
  return ["02", ...[...h.subarray(0, 5)].map((b) => b.toString(16).padStart(2, "0"))].join(":");
}

function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** The guest's address (.2), gateway (.1) and mask in an IPv4 CIDR; throws naming the field when unusable. */
export function guestAddressing(cidr: string, field: string): NonNullable<PodNetworkPlan["guest"]> {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
  const prefix = Number(m?.[2]);
  if (!m || m[1]!.split(".").some((o) => Number(o) > 255) || prefix < 8 || prefix > 30) {
    throw new Error(`${field}: ${cidr} is not an IPv4 CIDR with a prefix from /8 to /30 (e.g. ${DEFAULT_VM_CIDR})`);
  }
  const size = 2 ** (32 - prefix);
  const base = ipToInt(m[1]!) - (ipToInt(m[1]!) % size);
  return { gateway: intToIp(base + 1), address: intToIp(base + 2), prefix, netmask: intToIp(2 ** 32 - size) };
}

/** The plan for the VMI's pod network interface, or undefined when it has none (the VM gets no NIC there). */
export function podNetworkPlan(vmi: VirtualMachineInstance): PodNetworkPlan | undefined {
  const networks = vmi.spec.networks ?? [];
  const n = networks.findIndex((x) => x.pod !== undefined);
  if (n < 0) return undefined;
  const network = networks[n]!;
  const iface = (vmi.spec.domain.devices?.interfaces ?? []).find((i) => i.name === network.name);
  if (!iface) return undefined;
  const uid = String((vmi.metadata as { uid?: string } | undefined)?.uid ?? "");
  const binding = iface.bridge !== undefined ? "bridge" : "masquerade";
  return {
    network: network.name,
    binding,
    podInterface: POD_INTERFACE,
    bridge: `k6t-${POD_INTERFACE}`,
    tap: "tap0",
    mac: (iface.macAddress ?? derivedMac(uid, network.name)).toLowerCase(),
    macFromSpec: iface.macAddress !== undefined && iface.macAddress !== "",
    podNic: `${POD_INTERFACE}-nic`,
    ...(binding === "masquerade" && { guest: guestAddressing(network.pod?.vmNetworkCIDR ?? DEFAULT_VM_CIDR, `spec.networks[${n}].pod.vmNetworkCIDR`) }),
    ports: (iface.ports ?? []).map((p) => ({ protocol: (p.protocol ?? "TCP").toLowerCase() === "udp" ? "udp" : "tcp", port: p.port })),
  };
}
