import test from "ava";
import { podNetworkPlan } from "../../launcher/network/plan";
import { podVmi } from "../../launcher/network/testing";
import { bridgeSteps, dhcpIsolationRuleset, podNicMac } from "./bridge-steps";

const facts = { address: "10.244.0.7", prefix: 24, gateway: "10.244.0.1", routes: [{ dst: "10.202.0.0/24", via: "10.244.0.1" }], mac: "aa:bb:cc:00:11:22", mtu: 1450 };
const plan = podNetworkPlan(podVmi("a", { bridge: {} }))!;
const steps = bridgeSteps(plan, facts, { uid: 107, gid: 107 });
const step = (name: string): string[] => steps.find((s) => s.name === name)!.argv;

test("bridge steps in KubeVirt's order: facts kept on the bridge before the pod's interface gives up its address", (t) => {
  const names = steps.map((s) => s.name);
  t.deepEqual(names, [
    "sysctl", "bridge", "bridge-facts", "bridge-address", "tap", "tap-on-bridge", "dhcp-isolation",
    "pod-interface-down", "pod-interface-flush", "pod-interface-rename", "pod-interface-on-bridge", "pod-interface-no-learning", "pod-interface-up", "bridge-up",
  ]);
  t.true(names.indexOf("bridge-facts") < names.indexOf("pod-interface-flush"));
  t.true(names.indexOf("dhcp-isolation") < names.indexOf("pod-interface-on-bridge"), "no DHCP crosses the pod's interface at any time");
});

const expected: Array<[string, string[]]> = [
  ["sysctl", ["sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1"]],
  ["bridge-address", ["ip", "address", "add", "169.254.75.10/32", "dev", "k6t-eth0"]],
  ["tap", ["ip", "tuntap", "add", "dev", "tap0", "mode", "tap", "user", "107", "group", "107"]],
  ["tap-on-bridge", ["ip", "link", "set", "dev", "tap0", "mtu", "1450", "master", "k6t-eth0", "up"]],
  ["pod-interface-rename", ["ip", "link", "set", "dev", "eth0", "name", "eth0-nic", "address", podNicMac(facts)]],
];
for (const [name, argv] of expected) {
  test(`bridge step ${name}`, (t) => t.deepEqual(step(name), argv));
}

test("the bridge and its port get one MAC of their own: stable, unicast, locally administered, never the pod's", (t) => {
  const mac = podNicMac(facts);
  t.regex(mac, /^02(:[0-9a-f]{2}){5}$/);
  t.not(mac, facts.mac);
  t.is(podNicMac({ ...facts }), mac);
  t.not(podNicMac({ ...facts, mac: "aa:bb:cc:00:11:23" }), mac);
  t.deepEqual(step("bridge"), ["ip", "link", "add", "name", "k6t-eth0", "address", mac, "type", "bridge"]);
});

test("DHCP isolation: no DHCP in or out through the pod's interface, in every bridge hook", (t) => {
  const rules = dhcpIsolationRuleset(plan);
  t.true(rules.startsWith("table bridge kubevirt_ts {}\ndelete table bridge kubevirt_ts\n"));
  for (const hook of ["forward", "input", "output"]) t.true(rules.includes(`type filter hook ${hook} priority 0; policy accept;`));
  t.true(rules.includes('iifname "eth0-nic" udp dport { 67, 68 } drop'));
  t.true(rules.includes('oifname "eth0-nic" udp dport { 67, 68 } drop'));
});
