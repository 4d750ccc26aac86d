import { VirtualMachineInstanceSpec } from "../../api";
import { DefaultsContext } from "./context";

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

export function defaultGracePeriod(spec: VirtualMachineInstanceSpec): void {
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
}

/** The SMBIOS UUID the guest sees; set once so the guest keeps its identity across restarts. */
export function defaultFirmwareUuid(spec: VirtualMachineInstanceSpec, ctx: DefaultsContext): void {
  if (!ctx.assignFirmwareUuid || spec.domain.firmware?.uuid) return;
  spec.domain.firmware = { ...spec.domain.firmware, uuid: ctx.newUuid() };
}
