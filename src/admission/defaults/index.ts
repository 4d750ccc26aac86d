import { VirtualMachineInstanceSpec } from "../../api";
import { DefaultsContext } from "./context";
import { defaultContainerDiskPullPolicy } from "./container-disk";
import { defaultDiskPerVolume, defaultDiskTargets } from "./disks";
import { defaultFirmwareUuid, defaultGracePeriod } from "./lifecycle";
import { defaultMachine } from "./machine";
import { defaultPodNetwork } from "./network";
import { defaultCpuTopology, defaultResources } from "./resources";

export type { DefaultsContext } from "./context";
export { pullPolicyFor } from "./container-disk";

type Defaulter = (spec: VirtualMachineInstanceSpec, ctx: DefaultsContext) => void;

/** KubeVirt's amd64 defaults, in order: each step one concern, later steps see earlier results. */
const DEFAULTERS: readonly Defaulter[] = [
  defaultMachine,
  defaultResources,
  defaultCpuTopology,
  defaultDiskPerVolume,
  defaultDiskTargets,
  defaultPodNetwork,
  defaultContainerDiskPullPolicy,
  defaultFirmwareUuid,
  defaultGracePeriod,
];

/**
 * The spec with every default applied; the input is not changed. Expects a spec that passed the
 * structural check (the API classes' schema).
 */
export function defaultVmiSpec(spec: VirtualMachineInstanceSpec, ctx: DefaultsContext): VirtualMachineInstanceSpec {
  const draft = structuredClone(spec);
  draft.domain ??= { devices: {} };
  draft.domain.devices ??= {};
  for (const apply of DEFAULTERS) apply(draft, ctx);
  return draft;
}
