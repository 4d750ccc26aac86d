import { newCirrosVmi, newVmi, podNetwork, withContainerDisk, withInterface, withMemory, withNetwork, masqueradeInterface, bridgeInterface } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as networks from "./networks";

/** A valid VMI except for its networks, which the test gives. */
const vmiWith = (...options: Parameters<typeof newVmi>) => newVmi(withMemory("64Mi"), withContainerDisk("containerdisk", "img:v1"), ...options);

ruleTable("one source per network", networks.networkHasOneSource, [
  { name: "no network at all", vmi: vmiWith() },
  { name: "no source", vmi: vmiWith(withInterface(bridgeInterface("net1")), withNetwork({ name: "net1" })), denied: { field: "spec.networks[0]", message: "sets no network source" } },
]);

ruleTable("one pod network", networks.singlePodNetwork, [
  { name: "two pod networks", vmi: newCirrosVmi(withInterface(masqueradeInterface("second")), withNetwork(podNetwork("second"))),
    denied: { field: "spec.networks[1].pod", message: "only one network can be the pod network and spec.networks[0] already is" } },
]);

ruleTable("network names are unique", networks.networkNamesAreUnique, [
  { name: "same network twice", vmi: newCirrosVmi(withNetwork(podNetwork("default"))), denied: { field: "spec.networks[1].name", message: "already used by spec.networks[0]" } },
]);

ruleTable("interface names are unique", networks.interfaceNamesAreUnique, [
  { name: "two interfaces on one network", vmi: newCirrosVmi(withInterface(masqueradeInterface("default"))), denied: { field: "spec.domain.devices.interfaces[1].name", message: "only one interface can connect to a network" } },
]);

ruleTable("every interface has a network", networks.interfacesHaveNetworks, [
  { name: "interface without network", vmi: vmiWith(withInterface(masqueradeInterface("default"))),
    denied: { field: "spec.domain.devices.interfaces[0].name", message: "interface 'default' has no matching network; add a network named 'default' to spec.networks" } },
]);

ruleTable("every network has an interface", networks.networksHaveInterfaces, [
  { name: "network without interface", vmi: vmiWith(withNetwork(podNetwork("default"))),
    denied: { field: "spec.networks[0].name", message: "network 'default' is not used by any interface" } },
]);
