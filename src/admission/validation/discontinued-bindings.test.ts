import { newCirrosVmi, withInterface, withNetwork } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { discontinuedBindings } from "./discontinued-bindings";

const nic = (binding: Record<string, unknown>) => withInterface({ name: "second", ...binding });
const net = withNetwork({ name: "second", multus: { networkName: "second" } });

ruleTable("discontinued bindings", discontinuedBindings, [
  { name: "SR-IOV", vmi: newCirrosVmi(nic({ sriov: {} }), net) },
  { name: "binding plugin", vmi: newCirrosVmi(nic({ binding: { name: "passt" } }), net) },
  { name: "slirp", vmi: newCirrosVmi(nic({ slirp: {} }), net), denied: { field: "spec.domain.devices.interfaces[1].slirp", message: "discontinued in KubeVirt v1.3" } },
  { name: "passt", vmi: newCirrosVmi(nic({ passt: {} }), net), denied: { field: "spec.domain.devices.interfaces[1].passt", message: "discontinued" } },
  { name: "macvtap", vmi: newCirrosVmi(nic({ macvtap: {} }), net), denied: { field: "spec.domain.devices.interfaces[1].macvtap", message: "discontinued" } },
]);
