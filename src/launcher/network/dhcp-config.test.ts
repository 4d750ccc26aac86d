import test from "ava";
import { bridgeLeaseSettings, leaseSettings, parseResolvConf, udhcpdConfig } from "./dhcp-config";
import { podNetworkPlan } from "./plan";
import { podVmi } from "./testing";

test("resolv.conf: IPv4 nameservers and the last search line", (t) => {
  const dns = parseResolvConf("search ns1.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\nnameserver fd00::a\noptions ndots:5\n");
  t.deepEqual(dns, { servers: ["10.96.0.10"], search: ["ns1.svc.cluster.local", "svc.cluster.local", "cluster.local"] });
  t.deepEqual(parseResolvConf(""), { servers: [], search: [] });
});

test("udhcpd.conf: one static lease for the guest's MAC with router, DNS, search and hostname", (t) => {
  const v = podVmi("web", { masquerade: {}, macAddress: "DE:AD:00:00:BE:EF" });
  const plan = podNetworkPlan(v)!;
  const conf = udhcpdConfig(leaseSettings(plan, "web", { servers: ["10.96.0.10"], search: ["default.svc.cluster.local", "bad;name"] }, "/w"), plan.mac);
  t.true(conf.includes("interface k6t-eth0\n"));
  t.true(conf.includes("start 10.0.2.2\nend 10.0.2.2\n"));
  t.true(conf.includes("static_lease de:ad:00:00:be:ef 10.0.2.2\n"));
  t.true(conf.includes("option router 10.0.2.1\n"));
  t.true(conf.includes("option subnet 255.255.255.0\n"));
  t.true(conf.includes("option dns 10.96.0.10\n"));
  t.true(conf.includes("option search default.svc.cluster.local\n"), "an unsafe search domain is dropped, not quoted");
  t.true(conf.includes("option hostname web\n"));
});

test("bridge: the pod's address, mask, gateway, routes and MTU for the guest's MAC, served on the bridge", (t) => {
  const plan = podNetworkPlan(podVmi("web", { bridge: {} }))!;
  const facts = { address: "10.244.0.7", prefix: 24, gateway: "10.244.0.1", routes: [{ dst: "10.202.0.0/24", via: "10.244.0.1" }, { dst: "10.201.4.1/32", via: "10.244.0.1" }], mac: "aa:bb:cc:00:11:22", mtu: 1450 };
  const conf = udhcpdConfig(bridgeLeaseSettings(plan, facts, "web", { servers: ["10.202.0.10"], search: [] }, "/w"), facts.mac);
  t.true(conf.includes("interface k6t-eth0\n"));
  t.true(conf.includes("start 10.244.0.7\nend 10.244.0.7\n"));
  t.true(conf.includes("static_lease aa:bb:cc:00:11:22 10.244.0.7\n"));
  t.true(conf.includes("option subnet 255.255.255.0\n"));
  t.true(conf.includes("option router 10.244.0.1\n"));
  t.true(conf.includes("option mtu 1450\n"));
  t.true(conf.includes("option staticroutes 10.202.0.0/24 10.244.0.1, 10.201.4.1/32 10.244.0.1\n"));
});
