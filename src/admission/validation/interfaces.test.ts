import { bridgeInterface, newVmi, podNetwork, withContainerDisk, withInterface, withMemory, withNetwork, withPodNetwork } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as interfaces from "./interfaces";
import { forwardedPorts } from "./ports";

const vmiWith = (...options: Parameters<typeof newVmi>) => newVmi(withMemory("64Mi"), withContainerDisk("containerdisk", "img:v1"), ...options);
const NIC = "spec.domain.devices.interfaces[0]";

ruleTable("interface name format", interfaces.interfaceNameFormat, [
  { name: "underscore and capitals", vmi: vmiWith(withPodNetwork("Pod_Net")) },
  { name: "dot", vmi: vmiWith(withPodNetwork("pod.net")), denied: { field: `${NIC}.name`, message: "may only contain letters, digits, '-' and '_'" } },
]);

ruleTable("one binding per interface", interfaces.interfaceHasOneBinding, [
  { name: "bridge on the pod network", vmi: vmiWith(withInterface(bridgeInterface()), withNetwork(podNetwork())) },
  { name: "no binding", vmi: vmiWith(withInterface({ name: "default" }), withNetwork(podNetwork())), denied: { field: NIC, message: "has no binding" } },
  { name: "two bindings", vmi: vmiWith(withInterface({ name: "default", bridge: {}, masquerade: {} }), withNetwork(podNetwork())), denied: { field: NIC, message: "sets masquerade and bridge" } },
]);

ruleTable("masquerade only on the pod network", interfaces.masqueradeOnPodNetwork, [
  { name: "masquerade on a sourceless network", vmi: vmiWith(withInterface({ name: "net1", masquerade: {} }), withNetwork({ name: "net1" })), denied: { field: `${NIC}.masquerade`, message: "only works on the pod network" } },
]);

ruleTable("NIC model", interfaces.interfaceModel, [
  { name: "e1000e", vmi: vmiWith(withPodNetwork("default", { model: "e1000e" })) },
  { name: "unknown model (raw spec)", vmi: vmiWith(withPodNetwork("default", { model: "virtio-net" })), denied: { field: `${NIC}.model`, message: "unsupported NIC model 'virtio-net'" } },
]);

ruleTable("MAC address", interfaces.interfaceMacAddress, [
  { name: "colon form", vmi: vmiWith(withPodNetwork("default", { macAddress: "de:ad:00:00:be:af" })) },
  { name: "dash form", vmi: vmiWith(withPodNetwork("default", { macAddress: "02-00-00-00-00-01" })) },
  { name: "dotted form", vmi: vmiWith(withPodNetwork("default", { macAddress: "0200.0000.0001" })) },
  { name: "malformed", vmi: vmiWith(withPodNetwork("default", { macAddress: "de:ad:00:00:be" })), denied: { field: `${NIC}.macAddress`, message: "malformed MAC address" } },
  { name: "mixed separators", vmi: vmiWith(withPodNetwork("default", { macAddress: "de:ad-00:00:be:af" })), denied: { field: `${NIC}.macAddress`, message: "malformed MAC address" } },
  { name: "EUI-64", vmi: vmiWith(withPodNetwork("default", { macAddress: "02:00:00:00:00:00:00:01" })), denied: { field: `${NIC}.macAddress`, message: "too long" } },
  { name: "multicast", vmi: vmiWith(withPodNetwork("default", { macAddress: "01:00:5e:00:00:01" })), denied: { field: `${NIC}.macAddress`, message: "multicast" } },
  { name: "reserved for masquerade", vmi: vmiWith(withPodNetwork("default", { macAddress: "02:00:00:00:00:00" })), denied: { field: `${NIC}.macAddress`, message: "reserved for the masquerade binding" } },
  { name: "the reserved address on bridge", vmi: vmiWith(withInterface(bridgeInterface("default", { macAddress: "02:00:00:00:00:00" })), withNetwork(podNetwork())) },
]);

ruleTable("interface PCI address", interfaces.interfacePciAddress, [
  { name: "valid", vmi: vmiWith(withPodNetwork("default", { pciAddress: "0000:81:01.1" })) },
  { name: "function 8", vmi: vmiWith(withPodNetwork("default", { pciAddress: "0000:81:01.8" })), denied: { field: `${NIC}.pciAddress`, message: "malformed PCI address" } },
]);

ruleTable("forwarded ports", forwardedPorts, [
  { name: "named TCP and UDP ports", vmi: vmiWith(withPodNetwork("default", { ports: [{ name: "http", port: 80 }, { name: "dns", port: 53, protocol: "UDP" }] })) },
  { name: "port 0 (raw spec)", vmi: vmiWith(withPodNetwork("default", { ports: [{ port: 0 }] })), denied: { field: `${NIC}.ports[0].port`, message: "is required" } },
  { name: "port 70000 (raw spec)", vmi: vmiWith(withPodNetwork("default", { ports: [{ port: 70000 }] })), denied: { field: `${NIC}.ports[0].port`, message: "use 1 to 65535" } },
  { name: "unknown protocol (raw spec)", vmi: vmiWith(withPodNetwork("default", { ports: [{ port: 80, protocol: "SCTP" }] })), denied: { field: `${NIC}.ports[0].protocol`, message: "use TCP or UDP" } },
  { name: "duplicate names", vmi: vmiWith(withPodNetwork("default", { ports: [{ name: "http", port: 80 }, { name: "http", port: 8080 }] })), denied: { field: `${NIC}.ports[1].name`, message: "duplicate port name 'http'" } },
  { name: "the same port twice", vmi: vmiWith(withPodNetwork("default", { ports: [{ port: 80 }, { port: 80, protocol: "TCP" }] })), denied: { field: `${NIC}.ports[1].port`, message: "TCP/80 is declared twice" } },
  { name: "one number, two protocols", vmi: vmiWith(withPodNetwork("default", { ports: [{ port: 53 }, { port: 53, protocol: "UDP" }] })) },
  { name: "invalid name", vmi: vmiWith(withPodNetwork("default", { ports: [{ name: "HTTP_8080", port: 8080 }] })), denied: { field: `${NIC}.ports[0].name`, message: "invalid port name" } },
  { name: "name without a letter", vmi: vmiWith(withPodNetwork("default", { ports: [{ name: "8080", port: 8080 }] })), denied: { field: `${NIC}.ports[0].name`, message: "at least one letter" } },
  // found by the fuzz test (seed -392446047): String() of an object without a prototype throws
  { name: "a port number that is an object without a prototype (raw spec)", vmi: vmiWith(withPodNetwork("default", { ports: [{ port: Object.create(null) as never }] })), denied: { field: `${NIC}.ports[0].port`, message: "is not a port number" } },
]);

