import { VirtualMachineInstanceSpec } from "../../api";

export const DEFAULT_NETWORK_NAME = "default";

/**
 * A VMI that names no interface and no network joins the pod network through an interface named
 * `default`. Its binding is masquerade: NAT behind the pod's address, the binding KubeVirt
 * recommends for the pod network (KubeVirt's own default is configurable cluster-wide).
 */
export function defaultPodNetwork(spec: VirtualMachineInstanceSpec): void {
  const devices = spec.domain.devices;
  if (devices.autoattachPodInterface === false) return;
  if ((devices.interfaces?.length ?? 0) > 0 || (spec.networks?.length ?? 0) > 0) return;
  devices.interfaces = [{ name: DEFAULT_NETWORK_NAME, masquerade: {} }];
  spec.networks = [{ name: DEFAULT_NETWORK_NAME, pod: {} }];
}
