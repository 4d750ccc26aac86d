import test from "ava";
import { podNetworkPlan } from "../../launcher/network/plan";
import { podVmi } from "../../launcher/network/testing";
import { masqueradeRuleset, masqueradeSteps } from "./steps";
import { cgroupMatchesPod } from "./pod-process";

test("masquerade steps: forwarding, bridge with the gateway, QEMU's tap on it, then NAT; each named", (t) => {
  const steps = masqueradeSteps(podNetworkPlan(podVmi("a", { masquerade: {} }))!, { uid: 107, gid: 107 });
  t.deepEqual(steps.map((s) => s.name), ["sysctl", "bridge", "bridge-address", "tap", "tap-on-bridge", "bridge-up", "nat"]);
  t.deepEqual(steps[2]!.argv, ["ip", "address", "add", "10.0.2.1/24", "dev", "k6t-eth0"]);
  t.deepEqual(steps[3]!.argv, ["ip", "tuntap", "add", "dev", "tap0", "mode", "tap", "user", "107", "group", "107"]);
  t.is(steps[6]!.stdin, masqueradeRuleset(podNetworkPlan(podVmi("a", { masquerade: {} }))!));
});

test("no ports: every TCP and UDP port on the pod's interface goes to the guest; SNAT of the guest's traffic", (t) => {
  const rules = masqueradeRuleset(podNetworkPlan(podVmi("a", { masquerade: {} }))!);
  t.true(rules.includes('iifname "eth0" meta l4proto { tcp, udp } dnat to 10.0.2.2'));
  t.true(rules.includes('ip saddr 10.0.2.2 oifname "eth0" masquerade'));
});

test("listed ports: only those, per protocol", (t) => {
  const rules = masqueradeRuleset(podNetworkPlan(podVmi("a", { masquerade: {}, ports: [{ port: 80 }, { port: 8080 }, { port: 53, protocol: "UDP" }] }))!);
  t.true(rules.includes('iifname "eth0" tcp dport { 80, 8080 } dnat to 10.0.2.2'));
  t.true(rules.includes('iifname "eth0" udp dport { 53 } dnat to 10.0.2.2'));
  t.false(rules.includes("l4proto"));
});

test("a pod's processes are found by its uid in either cgroup driver's naming", (t) => {
  const uid = "0b6c4a4e-1f1e-4c1e-9d1a-2a7f3b9f6c11";
  t.true(cgroupMatchesPod(`0::/kubepods/besteffort/pod${uid}/abc\n`, uid));
  t.true(cgroupMatchesPod(`0::/kubepods.slice/kubepods-pod${uid.replace(/-/g, "_")}.slice/cri-containerd-1.scope\n`, uid));
  t.false(cgroupMatchesPod("0::/kubepods/besteffort/podother/abc\n", uid));
});
