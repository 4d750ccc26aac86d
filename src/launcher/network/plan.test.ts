import test from "ava";
import { derivedMac, guestAddressing, podNetworkPlan } from "./plan";
import { podVmi } from "./testing";
import { newVmi } from "../testing/vmi-builder";

test("masquerade: KubeVirt's names and 10.0.2.2/24 behind 10.0.2.1; all ports when none are listed", (t) => {
  const plan = podNetworkPlan(podVmi("a", { masquerade: {} }))!;
  t.like(plan, { network: "default", binding: "masquerade", podInterface: "eth0", bridge: "k6t-eth0", tap: "tap0", ports: [] });
  t.deepEqual(plan.guest, { address: "10.0.2.2", gateway: "10.0.2.1", prefix: 24, netmask: "255.255.255.0" });
  t.is(plan.mac, derivedMac("uid-a", "default"));
});

test("the MAC: the interface's own (lower-cased), else derived: stable, unicast, locally administered, distinct per VMI", (t) => {
  t.is(podNetworkPlan(podVmi("a", { masquerade: {}, macAddress: "DE:AD:00:00:BE:AF" }))!.mac, "de:ad:00:00:be:af");
  const mac = derivedMac("uid-a", "default");
  t.regex(mac, /^02(:[0-9a-f]{2}){5}$/);
  t.is(derivedMac("uid-a", "default"), mac);
  t.not(derivedMac("uid-b", "default"), mac);
});

test("ports: protocol lower-cased, TCP by default", (t) => {
  const plan = podNetworkPlan(podVmi("a", { masquerade: {}, ports: [{ port: 80 }, { port: 53, protocol: "UDP" }] }))!;
  t.deepEqual(plan.ports, [{ protocol: "tcp", port: 80 }, { protocol: "udp", port: 53 }]);
});

test("vmNetworkCIDR moves the guest's network; a bad one names the field", (t) => {
  t.deepEqual(podNetworkPlan(podVmi("a", { masquerade: {} }, { vmNetworkCIDR: "10.11.12.0/28" }))!.guest, {
    address: "10.11.12.2", gateway: "10.11.12.1", prefix: 28, netmask: "255.255.255.240",
  });
  t.throws(() => podNetworkPlan(podVmi("a", { masquerade: {} }, { vmNetworkCIDR: "10.0.2.0/31" })), { message: /spec\.networks\[0\]\.pod\.vmNetworkCIDR/ });
  t.throws(() => guestAddressing("300.0.0.0/24", "f"), { message: /^f: / });
});

test("bridge: no guest addressing of its own (the guest takes the pod's); no pod network: no plan", (t) => {
  const plan = podNetworkPlan(podVmi("a", { bridge: {} }))!;
  t.is(plan.binding, "bridge");
  t.is(plan.guest, undefined);
  t.is(podNetworkPlan(newVmi("none")), undefined);
});
