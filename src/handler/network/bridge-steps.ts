/**
 * The bridge binding's privileged set-up as data (pure), KubeVirt v1.6's steps
 * (pkg/network/setup/netpod bridgeBindingSpec): bridge k6t-eth0 with the DHCP server's address
 * 169.254.75.10/32; QEMU's tap on it with the pod's MTU; the pod's interface, its address and routes
 * removed, renamed eth0-nic, given a MAC of its own and made a bridge port without learning, and
 * arp_ignore=1. The guest takes the pod's address and MAC by DHCP. One omission: KubeVirt keeps the
 * pod's address on a dummy `eth0` for the pod's own processes; the kernels of this project's machines
 * have no dummy link type ("Unknown device type"), and nothing in a launcher pod needs the address.
 * One addition: DHCP stays inside the pod (bridge-family nftables). Without it the guest's broadcasts
 * reach every other bridge-bound pod on the node, whose servers share the address 169.254.75.10 and so
 * answer its REQUEST with a NAK (busybox udhcpd NAKs a REQUEST for an address it has no lease for).
 */
import { createHash } from "node:crypto";
import { BRIDGE_SERVER_ADDRESS, encodeFacts, type PodInterfaceFacts } from "../../launcher/network/bridge-facts";
import type { PodNetworkPlan } from "../../launcher/network/plan";
import { NFT, NFT_TABLE, type Step } from "./steps";

/** The pod interface's MAC once it is a bridge port (and the bridge's): its own, never the guest's. */
export function podNicMac(facts: PodInterfaceFacts): string {
  const h = createHash("sha256").update(`bridge-port/${facts.mac}`).digest();
  return ["02", ...[...h.subarray(0, 5)].map((b) => b.toString(16).padStart(2, "0"))].join(":");
}

/** DHCP (UDP 67/68) neither enters nor leaves the pod through its interface; the guest and its server talk on the bridge. */
export function dhcpIsolationRuleset(plan: PodNetworkPlan): string {
  const nic = `"${plan.podNic}"`;
  return [
    `table bridge ${NFT_TABLE} {}`,
    `delete table bridge ${NFT_TABLE}`,
    `table bridge ${NFT_TABLE} {`,
    "  chain forward {",
    "    type filter hook forward priority 0; policy accept;",
    `    iifname ${nic} udp dport { 67, 68 } drop`,
    `    oifname ${nic} udp dport { 67, 68 } drop`,
    "  }",
    "  chain input {",
    "    type filter hook input priority 0; policy accept;",
    `    iifname ${nic} udp dport { 67, 68 } drop`,
    "  }",
    "  chain output {",
    "    type filter hook output priority 0; policy accept;",
    `    oifname ${nic} udp dport { 67, 68 } drop`,
    "  }",
    "}",
    "",
  ].join("\n");
}

export function bridgeSteps(plan: PodNetworkPlan, facts: PodInterfaceFacts, qemu: { uid: number; gid: number }): Step[] {
  const nicMac = podNicMac(facts);
  const { bridge, tap, podInterface: eth, podNic: nic } = plan;
  return [
    { name: "sysctl", argv: ["sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1"] },
    { name: "bridge", argv: ["ip", "link", "add", "name", bridge, "address", nicMac, "type", "bridge"] },
    // The facts first: from the next step on, the pod's interface no longer tells them.
    { name: "bridge-facts", argv: ["ip", "link", "set", "dev", bridge, "alias", encodeFacts(facts)] },
    { name: "bridge-address", argv: ["ip", "address", "add", `${BRIDGE_SERVER_ADDRESS}/32`, "dev", bridge] },
    { name: "tap", argv: ["ip", "tuntap", "add", "dev", tap, "mode", "tap", "user", String(qemu.uid), "group", String(qemu.gid)] },
    { name: "tap-on-bridge", argv: ["ip", "link", "set", "dev", tap, "mtu", String(facts.mtu), "master", bridge, "up"] },
    { name: "dhcp-isolation", argv: [NFT, "-f", "-"], stdin: dhcpIsolationRuleset(plan) },
    { name: "pod-interface-down", argv: ["ip", "link", "set", "dev", eth, "down"] },
    { name: "pod-interface-flush", argv: ["ip", "address", "flush", "dev", eth] },
    { name: "pod-interface-rename", argv: ["ip", "link", "set", "dev", eth, "name", nic, "address", nicMac] },
    { name: "pod-interface-on-bridge", argv: ["ip", "link", "set", "dev", nic, "master", bridge] },
    { name: "pod-interface-no-learning", argv: ["ip", "link", "set", "dev", nic, "type", "bridge_slave", "learning", "off"] },
    { name: "pod-interface-up", argv: ["ip", "link", "set", "dev", nic, "up"] },
    { name: "bridge-up", argv: ["ip", "link", "set", "dev", bridge, "up"] },
  ];
}
