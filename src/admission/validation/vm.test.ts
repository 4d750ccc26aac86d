import test from "ava";
import { formatCauses, VirtualMachine } from "../../api";
import { newCirrosVmi, newVm, withMachineType, withRunning, withRunStrategy } from "../../../test/fixtures/vmi-builder";
import { context } from "../../../test/fixtures/rule-table";
import { validateVirtualMachine } from "./vm";

interface VmCase {
  readonly name: string;
  readonly vm: VirtualMachine;
  readonly denied?: { readonly field: string; readonly message: string };
}

const CASES: readonly VmCase[] = [
  { name: "runStrategy Always", vm: newVm(newCirrosVmi(), withRunStrategy("Always")) },
  { name: "running: false (deprecated)", vm: newVm(newCirrosVmi(), withRunning(false)) },
  { name: "running and runStrategy", vm: newVm(newCirrosVmi(), withRunning(true), withRunStrategy("Always")), denied: { field: "spec.running", message: "mutually exclusive" } },
  { name: "neither", vm: newVm(newCirrosVmi()), denied: { field: "spec.runStrategy", message: "is required" } },
  { name: "unknown run strategy (raw spec)", vm: newVm(newCirrosVmi(), withRunStrategy("Sometimes")), denied: { field: "spec.runStrategy", message: "unknown run strategy 'Sometimes'" } },
  { name: "template rules use the template's path", vm: newVm(newCirrosVmi(withMachineType("pc")), withRunStrategy("Halted")), denied: { field: "spec.template.spec.domain.machine.type", message: "is not supported" } },
  { name: "missing template (raw spec)", vm: { spec: { runStrategy: "Always" } } as unknown as VirtualMachine, denied: { field: "spec.template", message: "is required" } },
  { name: "template without spec (raw spec)", vm: { spec: { runStrategy: "Always", template: { metadata: {} } } } as VirtualMachine, denied: { field: "spec.template.spec", message: "is required" } },
];

for (const row of CASES) {
  test(`virtual machine: ${row.name}`, t => {
    const causes = validateVirtualMachine(row.vm, context());
    if (!row.denied) return t.deepEqual(causes, [], formatCauses(causes));
    const { field, message } = row.denied;
    t.true(causes.some(c => c.field === field && c.message.includes(message)), `expected ${field}: ${message}; got ${formatCauses(causes)}`);
  });
}
