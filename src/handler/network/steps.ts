/**
 * The privileged set-up of a VMI's pod network as data (pure): the commands the node agent runs
 * inside the launcher pod's network namespace, each with a step name for errors, and the NAT
 * ruleset. Masquerade (as KubeVirt): a bridge holding the guest's gateway address, a tap owned by
 * QEMU's user on it, SNAT of the guest's traffic to the pod's address, DNAT of inbound traffic on the
 * interface's ports (all when it lists none) to the guest.
 */
import type { PodNetworkPlan } from "../../launcher/network/plan";

export interface Step {
  /** Short name for errors and logs: "the set-up failed at step <name>". */
  name: string;
  argv: string[];
  stdin?: string;
}

/** The nftables table the handler owns in each launcher pod's network namespace. */
export const NFT_TABLE = "kubevirt_ts";
/** By full path: the images' PATH has node_modules/.bin first, where @vercel/nft installs an `nft` too. */
export const NFT = "/usr/sbin/nft";

function dnatRules(plan: PodNetworkPlan, match: string, guest: string): string[] {
  if (plan.ports.length === 0) return [`${match} meta l4proto { tcp, udp } dnat to ${guest}`];
  return (["tcp", "udp"] as const).flatMap((proto) => {
    const ports = plan.ports.filter((p) => p.protocol === proto).map((p) => p.port);
    return ports.length > 0 ? [`${match} ${proto} dport { ${ports.join(", ")} } dnat to ${guest}`] : [];
  });
}

/** The NAT table for masquerade; `nft -f` replaces it whole (the delete makes a re-run clean). */
export function masqueradeRuleset(plan: PodNetworkPlan): string {
  const g = plan.guest;
  if (!g) throw new Error(`network ${plan.network}: masquerade needs the guest's addressing`);
  return [
    `table ip ${NFT_TABLE} {}`,
    `delete table ip ${NFT_TABLE}`,
    `table ip ${NFT_TABLE} {`,
    "  chain prerouting {",
    "    type nat hook prerouting priority -100; policy accept;",
    ...dnatRules(plan, `iifname "${plan.podInterface}"`, g.address).map((r) => `    ${r}`),
    "  }",
    // kubectl port-forward connects to the pod's loopback: forward those ports too.
    "  chain output {",
    "    type nat hook output priority -100; policy accept;",
    ...dnatRules(plan, "ip daddr 127.0.0.1", g.address).map((r) => `    ${r}`),
    "  }",
    "  chain postrouting {",
    "    type nat hook postrouting priority 100; policy accept;",
    `    ip saddr ${g.address} oifname "${plan.podInterface}" masquerade`,
    `    ip saddr 127.0.0.1 oifname "${plan.bridge}" snat to ${g.gateway}`,
    "  }",
    "}",
    "",
  ].join("\n");
}

export function masqueradeSteps(plan: PodNetworkPlan, qemu: { uid: number; gid: number }): Step[] {
  const g = plan.guest;
  if (!g) throw new Error(`network ${plan.network}: masquerade needs the guest's addressing`);
  return [
    { name: "sysctl", argv: ["sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.route_localnet=1"] },
    { name: "bridge", argv: ["ip", "link", "add", plan.bridge, "type", "bridge"] },
    { name: "bridge-address", argv: ["ip", "address", "add", `${g.gateway}/${g.prefix}`, "dev", plan.bridge] },
    { name: "tap", argv: ["ip", "tuntap", "add", "dev", plan.tap, "mode", "tap", "user", String(qemu.uid), "group", String(qemu.gid)] },
    { name: "tap-on-bridge", argv: ["ip", "link", "set", "dev", plan.tap, "master", plan.bridge, "up"] },
    { name: "bridge-up", argv: ["ip", "link", "set", "dev", plan.bridge, "up"] },
    { name: "nat", argv: [NFT, "-f", "-"], stdin: masqueradeRuleset(plan) },
  ];
}

/** Undoes a half-done set-up before trying again (errors ignored: parts may not exist). */
export function teardownSteps(plan: PodNetworkPlan): Step[] {
  return [
    { name: "remove-tap", argv: ["ip", "link", "del", plan.tap] },
    { name: "remove-bridge", argv: ["ip", "link", "del", plan.bridge] },
    { name: "remove-nat", argv: [NFT, "delete", "table", "ip", NFT_TABLE] },
    { name: "remove-dhcp-isolation", argv: [NFT, "delete", "table", "bridge", NFT_TABLE] },
  ];
}
