import type { VirtualMachine } from "../../api";
import { defaultDiskPerVolume } from "../../admission/defaults/disks";
import { defaultPodNetwork } from "../../admission/defaults/network";
import { applyToTemplate, type Resolved } from "../../instancetype/apply";
import { applyDevicePreferences } from "../../instancetype/apply-preference-devices";
import { nameAnnotations } from "../../instancetype/matcher";
import type { Cause } from "../../api/cause";

type Template = VirtualMachine["spec"]["template"];

/**
 * The template a VM's VMI is made from, in KubeVirt's order: the preference's device settings
 * first (its auto-attach switches decide what is added next), then a disk for every volume and the
 * default pod interface, then the instancetype and the whole preference, so the devices added here
 * get the preferred bus and model too. The VMI is named after its instancetype and preference.
 */
export function vmiTemplate(vm: VirtualMachine, resolved: Resolved): { template: Template } | { conflicts: Cause[] } {
  const spec = structuredClone(vm.spec.template.spec ?? { domain: { devices: {} } });
  spec.domain ??= { devices: {} };
  spec.domain.devices ??= {};
  if (resolved.preference) applyDevicePreferences(resolved.preference, spec);
  defaultDiskPerVolume(spec);
  defaultPodNetwork(spec);
  const applied = applyToTemplate(resolved, { spec, metadata: vm.spec.template.metadata as { annotations?: Record<string, string> } | undefined });
  if (!("spec" in applied)) return { conflicts: applied.conflicts };
  const metadata = { ...(vm.spec.template.metadata ?? {}), annotations: { ...applied.meta.annotations, ...nameAnnotations(vm.spec) } };
  return { template: { ...vm.spec.template, metadata, spec: applied.spec } };
}
