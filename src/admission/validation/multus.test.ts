import { masqueradeInterface, newCirrosVmi, bridgeInterface, withInterface, withNetwork } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { multusDefaultNetwork } from "./multus";

const multus = (name: string, extra: Record<string, unknown> = {}) => ({ name, multus: { networkName: `ns/${name}`, ...extra } });

ruleTable("Multus default network", multusDefaultNetwork, [
  { name: "secondary Multus network beside the pod network", vmi: newCirrosVmi(withInterface(bridgeInterface("blue")), withNetwork(multus("blue"))) },
  { name: "two Multus defaults",
    vmi: newCirrosVmi(withInterface(bridgeInterface("a")), withNetwork(multus("a", { default: true })), withInterface(bridgeInterface("b")), withNetwork(multus("b", { default: true }))),
    denied: { field: "spec.networks[2].multus.default", message: "only one Multus network can be the default" } },
  { name: "Multus default beside the pod network",
    vmi: newCirrosVmi(withInterface(masqueradeInterface("a")), withNetwork(multus("a", { default: true }))),
    denied: { field: "spec.networks[0].pod", message: "cannot be used while spec.networks[1] is the Multus default network" } },
]);
