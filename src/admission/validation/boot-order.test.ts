import { newCirrosVmi, withContainerDisk, withSpec } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import { bootOrders } from "./boot-order";

const withNicBootOrder = (order: number) => withSpec(s => void (s.domain.devices.interfaces![0].bootOrder = order));
const withRootBootOrder = (order: number) => withSpec(s => void (s.domain.devices.disks![0].bootOrder = order));

ruleTable("boot orders", bootOrders, [
  { name: "distinct orders on disk and interface", vmi: newCirrosVmi(withRootBootOrder(1), withNicBootOrder(2)) },
  { name: "zero (raw spec)", vmi: newCirrosVmi(withRootBootOrder(0)), denied: { field: "spec.domain.devices.disks[0].bootOrder", message: "1 or more" } },
  { name: "two disks with order 1", vmi: newCirrosVmi(withRootBootOrder(1), withContainerDisk("second", "img:v1", { bootOrder: 1 })), denied: { field: "spec.domain.devices.disks[2].bootOrder", message: "already used by spec.domain.devices.disks[0]" } },
  { name: "interface repeats a disk's order", vmi: newCirrosVmi(withRootBootOrder(1), withNicBootOrder(1)), denied: { field: "spec.domain.devices.interfaces[0].bootOrder", message: "already used by spec.domain.devices.disks[0]" } },
]);
