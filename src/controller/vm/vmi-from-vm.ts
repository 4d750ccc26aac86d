import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import { vmiFromTemplate } from "../vmi-from-template";

/** The VMI a VM runs: its template, named after the VM and owned by it (as KubeVirt). */
export function vmiFromVm(vm: VirtualMachine): VirtualMachineInstance {
  const meta = vm.metadata as { name: string; namespace: string; uid: string };
  return vmiFromTemplate(vm.spec.template, { kind: "VirtualMachine", ...meta }, { name: meta.name });
}
