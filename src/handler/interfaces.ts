/**
 * status.interfaces for the pod network (pure): a VM on the pod network takes its pod's address
 * (masquerade NATs it, bridge hands it to the guest by DHCP), so the pod's IPs are the interface's,
 * as KubeVirt reports them; the MAC is the guest NIC's (its macAddress, or the one the launcher
 * derives: src/launcher/network/plan.ts; on the bridge binding, the pod interface's, which only the node
 * agent knows), and the guest names its only virtio NIC eth0.
 * Interfaces on other networks are left out until the guest agent tells.
 */
import { derivedMac, POD_INTERFACE } from "../launcher/network/plan";
import type { GuestInterface, Vmi } from "./observed";

export function podNetworkInterfaces(vmi: Vmi, podIPs: readonly string[], bridgeGuestMac?: string): GuestInterface[] {
  if (podIPs.length === 0) return [];
  const uid = String((vmi.metadata as { uid?: string } | undefined)?.uid ?? "");
  const podNetworks = new Set((vmi.spec.networks ?? []).filter((n) => n.pod !== undefined).map((n) => n.name));
  return (vmi.spec.domain.devices?.interfaces ?? [])
    .filter((i) => podNetworks.has(i.name))
    .map((i) => ({
      name: i.name,
      ipAddress: podIPs[0],
      ipAddresses: [...podIPs],
      mac: (i.macAddress ?? (i.bridge !== undefined ? bridgeGuestMac : undefined) ?? derivedMac(uid, i.name)).toLowerCase(),
      interfaceName: POD_INTERFACE,
    }));
}
