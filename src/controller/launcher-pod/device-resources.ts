import type { VirtualMachineInstance } from "../../api";

/** The node-agent's device plugins (src/handler/device-plugins), by KubeVirt's resource names. */
export const TUN_RESOURCE = "devices.kubevirt.io/tun";
export const VHOST_NET_RESOURCE = "devices.kubevirt.io/vhost-net";
export const KVM_RESOURCE = "devices.kubevirt.io/kvm";

/**
 * The extended resources the compute container asks the scheduler for (as KubeVirt's launcher pod;
 * device plugins advertise them on the node):
 * - `tun` always: the pod network's tap. While virt-handler restarts, the kubelet counts a plugin's
 *   devices unhealthy and refuses pods that ask for them (UnexpectedAdmissionError); the controller
 *   makes another pod after a back-off (vmi/kubelet-refusal.ts), so the VMI rides the window out;
 * - the node devices QEMU opens: `kvm` and `vhost-net` unless guests run emulated (`useEmulation`):
 *   a node whose KVM does not work advertises no `kvm`, so without emulation a VM does not land there;
 * - one per GPU or host device of each deviceName. A node without such a device leaves the pod
 *   unschedulable with `Insufficient <deviceName>`, which the VM shows as ErrorUnschedulable.
 */
export function deviceResources(vmi: VirtualMachineInstance, useEmulation: boolean): Record<string, string> {
  const devices = vmi.spec.domain.devices ?? {};
  const counts: Record<string, number> = { [TUN_RESOURCE]: 1, ...(useEmulation ? {} : { [KVM_RESOURCE]: 1, [VHOST_NET_RESOURCE]: 1 }) };
  for (const d of [...(devices.gpus ?? []), ...(devices.hostDevices ?? [])]) {
    if (d.deviceName) counts[d.deviceName] = (counts[d.deviceName] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([name, n]) => [name, String(n)]));
}
