import { ApiType, Int, List, Obj, Str } from "../schema";
import { DHCPOptions } from "./dhcp-options";
import { DeprecatedInterfaceMacvtap, DeprecatedInterfacePasst, DeprecatedInterfaceSlirp, InterfaceSRIOV, MultusNetwork, PluginBinding } from "./interface-bindings";
import { INTERFACE_MODELS, PORT_PROTOCOLS } from "./enums";

@ApiType("A port the guest exposes through the masquerade binding.")
export class Port {
  @Str("Name of the port.")
  name?: string;
  @Str("Protocol: TCP or UDP. Defaults to TCP.", { enum: PORT_PROTOCOLS })
  protocol?: string;
  @Int("Port number, 1 to 65535.", { required: true, minimum: 1, maximum: 65535, format: "int32" })
  port!: number;
}

@ApiType("NAT the guest behind the pod's address.")
export class InterfaceMasquerade {}

@ApiType("Bridge the guest onto the pod's network, handing it the pod's address.")
export class InterfaceBridge {}

@ApiType("A network interface the guest sees; its name matches a network in spec.networks.")
export class Interface {
  @Str("Name of the interface; must match the name of a network.", { required: true })
  name!: string;
  @Str("NIC model: virtio (default), e1000, e1000e, igb, ne2k_pci, pcnet or rtl8139.", { enum: INTERFACE_MODELS })
  model?: string;
  @Str("MAC address, for example de:ad:00:00:be:af.")
  macAddress?: string;
  @Int("Boot order of the interface; lower boots first.", { minimum: 1, format: "int32" })
  bootOrder?: number;
  @Str("PCI address of the NIC, for example 0000:81:01.10.")
  pciAddress?: string;
  @List(() => Port, "Ports to forward to the guest (masquerade only). All ports when empty.")
  ports?: Port[];
  @Obj(() => InterfaceMasquerade, "Masquerade binding: NAT behind the pod's address. The default for the pod network.")
  masquerade?: InterfaceMasquerade;
  @Obj(() => InterfaceBridge, "Bridge binding: the guest takes the pod's address.")
  bridge?: InterfaceBridge;
  @Obj(() => InterfaceSRIOV, "SR-IOV binding: a virtual function of a host NIC.")
  sriov?: InterfaceSRIOV;
  @Obj(() => DeprecatedInterfaceSlirp, "Deprecated slirp binding.")
  slirp?: DeprecatedInterfaceSlirp;
  @Obj(() => DeprecatedInterfacePasst, "Deprecated passt binding.")
  passt?: DeprecatedInterfacePasst;
  @Obj(() => DeprecatedInterfaceMacvtap, "Deprecated macvtap binding.")
  macvtap?: DeprecatedInterfaceMacvtap;
  @Obj(() => PluginBinding, "Binding through a network binding plugin. Not with the other bindings.")
  binding?: PluginBinding;
  @Obj(() => DHCPOptions, "Extra DHCP options for the guest.")
  dhcpOptions?: DHCPOptions;
  @Int("ACPI index of the NIC, which fixes its name in the guest (for example eno1).", { format: "int32" })
  acpiIndex?: number;
  @Str("Link state: up, down or absent (unplugged). Defaults to up.")
  state?: string;
  @Str("Tag the NIC carries in the guest's device metadata.")
  tag?: string;
}

@ApiType("The pod's own network.")
export class PodNetwork {
  @Str("IPv4 CIDR of the guest's network behind masquerade. Defaults to 10.0.2.0/24.")
  vmNetworkCIDR?: string;
  @Str("IPv6 CIDR of the guest's network behind masquerade.")
  vmIPv6NetworkCIDR?: string;
}

@ApiType("A network the VMI connects to; exactly one source.")
export class Network {
  @Str("Name of the network; interfaces refer to it by this name.", { required: true })
  name!: string;
  @Obj(() => PodNetwork, "Connect to the pod network.")
  pod?: PodNetwork;
  @Obj(() => MultusNetwork, "Connect to a Multus secondary network.")
  multus?: MultusNetwork;
}
