import test from "ava";
import { parsePort, parseTarget } from "./ports";

test("targets as virtctl v1.6 reads them", (t) => {
  t.deepEqual(parseTarget("vmi/myvm", "default"), { kind: "vmi", name: "myvm", namespace: "default" });
  t.deepEqual(parseTarget("vm/myvm/ns1", "default"), { kind: "vm", name: "myvm", namespace: "ns1" });
  t.deepEqual(parseTarget("virtualmachineinstance/myvm.ns2", "default"), { kind: "vmi", name: "myvm", namespace: "ns2" });
  t.like(parseTarget("myvm", "d"), { problem: "target must contain type and name separated by '/'" });
  t.like(parseTarget("pod/x", "d"), { problem: "unsupported resource type 'pod'" });
});

test("ports: LOCAL[:REMOTE] with an optional PROTOCOL/ prefix", (t) => {
  t.deepEqual(parsePort("8080:80"), { local: 8080, remote: 80, protocol: "tcp" });
  t.deepEqual(parsePort("22"), { local: 22, remote: 22, protocol: "tcp" });
  t.deepEqual(parsePort("udp/5353:53"), { local: 5353, remote: 53, protocol: "udp" });
  t.deepEqual(parsePort("0:80"), { local: 0, remote: 80, protocol: "tcp" });
  t.true("problem" in parsePort("x:80"));
  t.true("problem" in parsePort("80:70000"));
  t.true("problem" in parsePort(":"));
});
