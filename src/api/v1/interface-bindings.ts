import { ApiType, Bool, Str } from "../schema";

@ApiType("Pass an SR-IOV virtual function to the guest.")
export class InterfaceSRIOV {}

@ApiType("Deprecated slirp binding: user-mode networking. Kept so old manifests still parse.")
export class DeprecatedInterfaceSlirp {}

@ApiType("Deprecated passt binding: use binding with the passt plugin instead.")
export class DeprecatedInterfacePasst {}

@ApiType("Deprecated macvtap binding: use binding with the macvtap plugin instead.")
export class DeprecatedInterfaceMacvtap {}

@ApiType("A network binding plugin registered in the cluster's configuration.")
export class PluginBinding {
  @Str("Name of the plugin, as registered in the KubeVirt configuration.", { required: true })
  name!: string;
}

@ApiType("A secondary network from a Multus NetworkAttachmentDefinition.")
export class MultusNetwork {
  @Str("Name of the NetworkAttachmentDefinition, as <name> or <namespace>/<name>.", { required: true })
  networkName!: string;
  @Bool("Use this network as the pod's default network instead of the cluster network.")
  default?: boolean;
}
