import test from "ava";
import { newVmi, withSpec } from "../launcher/testing/vmi-builder";
import { derivedMac } from "../launcher/network/plan";
import { podNetworkInterfaces } from "./interfaces";

const onPodNetwork = withSpec((s) => {
  s.networks = [{ name: "default", pod: {} }, { name: "other" }];
  s.domain.devices.interfaces = [{ name: "default", masquerade: {}, macAddress: "02:00:00:00:00:01" }, { name: "other", bridge: {} }];
});

test("the pod network's interface gets the pod's IPs and its MAC", (t) => {
  t.deepEqual(podNetworkInterfaces(newVmi("vm", onPodNetwork), ["10.88.0.9", "fd00::9"]), [
    { name: "default", ipAddress: "10.88.0.9", ipAddresses: ["10.88.0.9", "fd00::9"], mac: "02:00:00:00:00:01", interfaceName: "eth0" },
  ]);
});

test("no macAddress: the MAC the launcher derives from the VMI's uid", (t) => {
  const vmi = newVmi("vm", withSpec((s) => {
    s.networks = [{ name: "default", pod: {} }];
    s.domain.devices.interfaces = [{ name: "default", masquerade: {} }];
  }));
  vmi.metadata = { ...vmi.metadata, uid: "u-7" } as typeof vmi.metadata;
  t.is(podNetworkInterfaces(vmi, ["10.88.0.9"])[0]?.mac, derivedMac("u-7", "default"));
});

test("no pod IP yet: no interfaces reported", (t) => {
  t.deepEqual(podNetworkInterfaces(newVmi("vm", onPodNetwork), []), []);
});

test("a VMI without networks reports none", (t) => {
  t.deepEqual(podNetworkInterfaces(newVmi("vm"), ["10.88.0.9"]), []);
});

test("bridge: the guest's MAC is the pod interface's as the node agent learned it, unless macAddress is set", (t) => {
  const bridged = (mac?: string) => newVmi("vm", withSpec((s) => {
    s.networks = [{ name: "default", pod: {} }];
    s.domain.devices.interfaces = [{ name: "default", bridge: {}, ...(mac && { macAddress: mac }) }];
  }));
  t.is(podNetworkInterfaces(bridged(), ["10.88.0.9"], "AA:BB:CC:00:11:22")[0]?.mac, "aa:bb:cc:00:11:22");
  t.is(podNetworkInterfaces(bridged("DE:AD:00:00:BE:EF"), ["10.88.0.9"], "aa:bb:cc:00:11:22")[0]?.mac, "de:ad:00:00:be:ef");
});
