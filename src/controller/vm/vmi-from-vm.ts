import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import { vmiFromTemplate } from "../vmi-from-template";

/** The VMI a VM runs: its template (with its instancetype and preference applied, when it has them), named after the VM and owned by it (as KubeVirt). */
export function vmiFromVm(vm: VirtualMachine, template: VirtualMachine["spec"]["template"] = vm.spec.template): VirtualMachineInstance {
  const meta = vm.metadata as { name: string; namespace: string; uid: string };
  return vmiFromTemplate(template, { kind: "VirtualMachine", ...meta }, { name: meta.name });
}
