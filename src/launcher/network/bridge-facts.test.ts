import test from "ava";
import { bridgeGuestMac, decodeFacts, encodeFacts, parsePodInterface, prefixToNetmask } from "./bridge-facts";

const ADDR = JSON.stringify([{ ifname: "eth0", address: "AA:BB:CC:00:11:22", mtu: 1450, addr_info: [
  { family: "inet6", local: "fe80::1", prefixlen: 64, scope: "link" },
  { family: "inet", local: "10.244.0.7", prefixlen: 24, scope: "global" },
] }]);
// This project's pods: routes to the node, the Service range and the pod range through one gateway, no default route.
const ROUTES = JSON.stringify([
  { dst: "10.201.4.1", gateway: "10.203.0.1" }, { dst: "10.202.0.0/24", gateway: "10.203.0.1" },
  { dst: "10.203.0.0/24", protocol: "kernel", scope: "link" }, { dst: "10.203.0.0/16", gateway: "10.203.0.1" },
]);
const FACTS = {
  address: "10.244.0.7", prefix: 24, gateway: "10.203.0.1", mac: "aa:bb:cc:00:11:22", mtu: 1450,
  routes: [{ dst: "10.201.4.1/32", via: "10.203.0.1" }, { dst: "10.202.0.0/24", via: "10.203.0.1" }, { dst: "10.203.0.0/16", via: "10.203.0.1" }],
};

test("the pod interface's IPv4 address, gateway, routes through it, MAC and MTU from ip -j", (t) => {
  t.deepEqual(parsePodInterface(ADDR, ROUTES, "eth0"), FACTS);
});

test("a default route: its gateway is the guest's router, and it is a route like the others (0.0.0.0/0)", (t) => {
  const withDefault = JSON.stringify([{ dst: "10.202.0.0/24", gateway: "10.244.0.254" }, { dst: "default", gateway: "10.244.0.1" }]);
  const f = parsePodInterface(ADDR, withDefault, "eth0");
  t.is(f.gateway, "10.244.0.1");
  t.deepEqual(f.routes, [{ dst: "10.202.0.0/24", via: "10.244.0.254" }, { dst: "0.0.0.0/0", via: "10.244.0.1" }]);
});

const missing: Array<[string, string, string, RegExp]> = [
  ["no such interface", "[]", ROUTES, /no such interface/],
  ["no IPv4 address", JSON.stringify([{ ifname: "eth0", address: "aa:bb:cc:00:11:22", mtu: 1500, addr_info: [] }]), ROUTES, /no IPv4 address/],
  ["no route through a gateway", ADDR, JSON.stringify([{ dst: "10.244.0.0/24" }]), /no route through a gateway/],
];
for (const [name, addr, routes, message] of missing) {
  test(`a pod interface the guest cannot take over says why: ${name}`, (t) => {
    t.throws(() => parsePodInterface(addr, routes, "eth0"), { message });
  });
}

test("the facts survive the bridge's alias (at most 255 bytes); an alias not ours is no facts", (t) => {
  t.true(encodeFacts(FACTS).length < 256);
  t.deepEqual(decodeFacts(`${encodeFacts(FACTS)}\n`), FACTS);
  t.deepEqual(decodeFacts(encodeFacts({ ...FACTS, routes: [] })), { ...FACTS, routes: [] });
  const many = Array.from({ length: 20 }, (_, i) => ({ dst: `10.${i}.0.0/16`, via: "10.203.0.1" }));
  t.throws(() => encodeFacts({ ...FACTS, routes: many }), { message: /do not fit the bridge's alias/ });
  t.is(decodeFacts("someone else's"), undefined);
  t.is(decodeFacts(""), undefined);
});

test("netmasks; the guest's MAC: macAddress when set, else the pod's", (t) => {
  t.deepEqual([32, 24, 20, 16, 0].map(prefixToNetmask), ["255.255.255.255", "255.255.255.0", "255.255.240.0", "255.255.0.0", "0.0.0.0"]);
  t.is(bridgeGuestMac({ mac: "de:ad:00:00:be:ef", macFromSpec: true }, FACTS), "de:ad:00:00:be:ef");
  t.is(bridgeGuestMac({ mac: "02:11:11:11:11:11", macFromSpec: false }, FACTS), "aa:bb:cc:00:11:22");
});
