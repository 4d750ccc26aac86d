import test from "ava";
import { serviceFor } from "./expose";

const vm = { metadata: { name: "myvm" }, spec: { template: { spec: { networks: [{ name: "default", pod: {} }], domain: { devices: { interfaces: [{ name: "default", ports: [{ name: "http", port: 80 }] }] } } } } } };

test("a VM's Service selects its pods by vm.kubevirt.io/name; ports from --port, else the pod network's", (t) => {
  t.like(serviceFor("vm", vm, { name: "web", port: "8080", "target-port": "80" }, "ns1"), {
    metadata: { name: "web", namespace: "ns1" },
    spec: { selector: { "vm.kubevirt.io/name": "myvm" }, ports: [{ protocol: "TCP", port: 8080, targetPort: 80 }], type: "ClusterIP" },
  });
  t.like(serviceFor("vm", vm, { name: "web" }, "ns1"), { spec: { ports: [{ name: "http", protocol: "TCP", port: 80 }] } });
});

test("replica sets by matchLabels; bad flags and missing ports are named", (t) => {
  const rs = { metadata: { name: "rs" }, spec: { selector: { matchLabels: { app: "a" } } } };
  t.like(serviceFor("vmirs", rs, { name: "s", port: "22", type: "nodeport" }, "n"), { spec: { selector: { app: "a" }, type: "NodePort" } });
  t.throws(() => serviceFor("vmirs", { metadata: { name: "rs" }, spec: {} }, { name: "s", port: "22" }, "n"), { message: /without any selector labels/ });
  t.throws(() => serviceFor("vmi", { metadata: { name: "x" }, spec: {} }, { name: "s" }, "n"), { message: /couldn't find port/ });
  t.throws(() => serviceFor("vmi", { metadata: { name: "x" } }, { name: "s", port: "70000" }, "n"), { message: /--port: 70000/ });
  t.throws(() => serviceFor("vmi", { metadata: { name: "x" } }, { port: "80" }, "n"), { message: /--name/ });
  t.throws(() => serviceFor("vmi", { metadata: { name: "x" } }, { name: "s", port: "80", type: "ExternalName" }, "n"), { message: /--type/ });
});
