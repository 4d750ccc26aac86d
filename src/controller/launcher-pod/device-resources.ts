import type { VirtualMachineInstance } from "../../api";

/**
 * The extended resources a VMI's GPUs and host devices ask the scheduler for, one per device of
 * each deviceName (as KubeVirt's launcher pod: device plugins advertise them on the node). A
 * node without such a device leaves the pod unschedulable with `Insufficient <deviceName>`,
 * which the VM shows as ErrorUnschedulable.
 */
export function deviceResources(vmi: VirtualMachineInstance): Record<string, string> {
  const devices = vmi.spec.domain.devices ?? {};
  const counts: Record<string, number> = {};
  for (const d of [...(devices.gpus ?? []), ...(devices.hostDevices ?? [])]) {
    if (d.deviceName) counts[d.deviceName] = (counts[d.deviceName] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([name, n]) => [name, String(n)]));
}
