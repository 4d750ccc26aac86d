import test from "ava";
import { bridgeGuestMac, decodeFacts, encodeFacts, parsePodInterface, prefixToNetmask } from "./bridge-facts";

const ADDR = JSON.stringify([{ ifname: "eth0", address: "AA:BB:CC:00:11:22", mtu: 1450, addr_info: [
  { family: "inet6", local: "fe80::1", prefixlen: 64, scope: "link" },
  { family: "inet", local: "10.244.0.7", prefixlen: 24, scope: "global" },
] }]);
const ROUTES = JSON.stringify([{ dst: "10.244.0.0/24", protocol: "kernel" }, { dst: "default", gateway: "10.244.0.1" }]);

test("the pod interface's IPv4 address, default gateway, MAC and MTU from ip -j", (t) => {
  t.deepEqual(parsePodInterface(ADDR, ROUTES, "eth0"), { address: "10.244.0.7", prefix: 24, gateway: "10.244.0.1", mac: "aa:bb:cc:00:11:22", mtu: 1450 });
});

const missing: Array<[string, string, string, RegExp]> = [
  ["no such interface", "[]", ROUTES, /no such interface/],
  ["no IPv4 address", JSON.stringify([{ ifname: "eth0", address: "aa:bb:cc:00:11:22", mtu: 1500, addr_info: [] }]), ROUTES, /no IPv4 address/],
  ["no default route", ADDR, JSON.stringify([{ dst: "10.244.0.0/24" }]), /no default route/],
];
for (const [name, addr, routes, message] of missing) {
  test(`a pod interface the guest cannot take over says why: ${name}`, (t) => {
    t.throws(() => parsePodInterface(addr, routes, "eth0"), { message });
  });
}

test("the facts survive the bridge's alias (at most 255 bytes); an alias not ours is no facts", (t) => {
  const facts = { address: "10.244.0.7", prefix: 24, gateway: "10.244.0.1", mac: "aa:bb:cc:00:11:22", mtu: 1450 };
  t.true(encodeFacts(facts).length < 256);
  t.deepEqual(decodeFacts(`${encodeFacts(facts)}\n`), facts);
  t.is(decodeFacts("someone else's"), undefined);
  t.is(decodeFacts(""), undefined);
});

test("netmasks; the guest's MAC: macAddress when set, else the pod's", (t) => {
  t.deepEqual([32, 24, 20, 16, 0].map(prefixToNetmask), ["255.255.255.255", "255.255.255.0", "255.255.240.0", "255.255.0.0", "0.0.0.0"]);
  const facts = { address: "10.244.0.7", prefix: 24, gateway: "10.244.0.1", mac: "aa:bb:cc:00:11:22", mtu: 1500 };
  t.is(bridgeGuestMac({ mac: "de:ad:00:00:be:ef", macFromSpec: true }, facts), "de:ad:00:00:be:ef");
  t.is(bridgeGuestMac({ mac: "02:11:11:11:11:11", macFromSpec: false }, facts), "aa:bb:cc:00:11:22");
});
