/** A VMI on the pod network for the network tests: one interface "default" with the given fields. */
import type { Interface, Network, VirtualMachineInstance } from "../../api";
import { newVmi } from "../testing/vmi-builder";

export function podVmi(name: string, iface: Omit<Interface, "name">, pod: Network["pod"] = {}): VirtualMachineInstance {
  const v = newVmi(name);
  v.metadata = { ...v.metadata, uid: `uid-${name}` } as VirtualMachineInstance["metadata"];
  v.spec.networks = [{ name: "default", pod }];
  v.spec.domain.devices.interfaces = [{ name: "default", ...iface }];
  return v;
}
