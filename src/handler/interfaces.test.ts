import test from "ava";
import { newVmi, withSpec } from "../launcher/testing/vmi-builder";
import { podNetworkInterfaces } from "./interfaces";

const onPodNetwork = withSpec((s) => {
  s.networks = [{ name: "default", pod: {} }, { name: "other" }];
  s.domain.devices.interfaces = [{ name: "default", masquerade: {}, macAddress: "02:00:00:00:00:01" }, { name: "other", bridge: {} }];
});

test("the pod network's interface gets the pod's IPs and its MAC", (t) => {
  t.deepEqual(podNetworkInterfaces(newVmi("vm", onPodNetwork), ["10.88.0.9", "fd00::9"]), [
    { name: "default", ipAddress: "10.88.0.9", ipAddresses: ["10.88.0.9", "fd00::9"], mac: "02:00:00:00:00:01" },
  ]);
});

test("no pod IP yet: no interfaces reported", (t) => {
  t.deepEqual(podNetworkInterfaces(newVmi("vm", onPodNetwork), []), []);
});

test("a VMI without networks reports none", (t) => {
  t.deepEqual(podNetworkInterfaces(newVmi("vm"), ["10.88.0.9"]), []);
});
