import { VirtualMachineInstanceSpec } from "../../api";

/** KubeVirt's amd64 machine type. */
export const DEFAULT_MACHINE_TYPE = "q35";

export function defaultMachine(spec: VirtualMachineInstanceSpec): void {
  spec.domain.machine ??= {};
  spec.domain.machine.type ||= DEFAULT_MACHINE_TYPE;
}
