import { ApiType, Str, Obj } from "../schema";

@ApiType("A reference to an object in the same namespace.")
export class LocalObjectReference {
  @Str("Name of the referenced object.")
  name?: string;
}

/** The fields NoCloud and ConfigDrive share: user data and network data from one source each. */
abstract class CloudInitSource {
  @Obj(() => LocalObjectReference, "Secret whose 'userdata' (or 'userData') key holds the user data.")
  secretRef?: LocalObjectReference;
  @Str("Cloud-init user data, at most 2048 bytes (use a Secret for more).")
  userData?: string;
  @Str("Cloud-init user data, base64-encoded, at most 2048 bytes once decoded.")
  userDataBase64?: string;
  @Obj(() => LocalObjectReference, "Secret whose 'networkdata' (or 'networkData') key holds the network config.")
  networkDataSecretRef?: LocalObjectReference;
  @Str("Cloud-init network config (version 1 or 2), at most 2048 bytes.")
  networkData?: string;
  @Str("Cloud-init network config, base64-encoded.")
  networkDataBase64?: string;
}

@ApiType("A cloud-init NoCloud data source: a disk labelled cidata.")
export class CloudInitNoCloudSource extends CloudInitSource {}

@ApiType("A cloud-init ConfigDrive data source: a disk labelled config-2 in the OpenStack layout.")
export class CloudInitConfigDriveSource extends CloudInitSource {}
