import { ApiType, Obj, Str, StrList } from "../schema";

@ApiType("A Secret in the VMI's namespace.")
export class AccessCredentialSecretSource {
  @Str("Name of the Secret.", { required: true })
  secretName!: string;
}

@ApiType("Where SSH public keys come from.")
export class SSHPublicKeyAccessCredentialSource {
  @Obj(() => AccessCredentialSecretSource, "A Secret whose every value is one or more authorized keys.")
  secret?: AccessCredentialSecretSource;
}

@ApiType("Hand the keys to cloud-init through the NoCloud volume.")
export class NoCloudSSHPublicKeyAccessCredentialPropagation {}

@ApiType("Hand the keys to cloud-init through the ConfigDrive volume.")
export class ConfigDriveSSHPublicKeyAccessCredentialPropagation {}

@ApiType("Write the keys into users' authorized_keys through the guest agent, also while running.")
export class QemuGuestAgentSSHPublicKeyAccessCredentialPropagation {
  @StrList("Guest users whose authorized_keys receive the keys.", { required: true })
  users!: string[];
}

@ApiType("How SSH keys reach the guest; exactly one method.")
export class SSHPublicKeyAccessCredentialPropagationMethod {
  @Obj(() => NoCloudSSHPublicKeyAccessCredentialPropagation, "Through cloud-init NoCloud, at first boot.")
  noCloud?: NoCloudSSHPublicKeyAccessCredentialPropagation;
  @Obj(() => ConfigDriveSSHPublicKeyAccessCredentialPropagation, "Through cloud-init ConfigDrive, at first boot.")
  configDrive?: ConfigDriveSSHPublicKeyAccessCredentialPropagation;
  @Obj(() => QemuGuestAgentSSHPublicKeyAccessCredentialPropagation, "Through the guest agent, kept up to date.")
  qemuGuestAgent?: QemuGuestAgentSSHPublicKeyAccessCredentialPropagation;
}

@ApiType("SSH public keys injected into the guest.")
export class SSHPublicKeyAccessCredential {
  @Obj(() => SSHPublicKeyAccessCredentialSource, "Where the keys come from.", { required: true })
  source!: SSHPublicKeyAccessCredentialSource;
  @Obj(() => SSHPublicKeyAccessCredentialPropagationMethod, "How they reach the guest.", { required: true })
  propagationMethod!: SSHPublicKeyAccessCredentialPropagationMethod;
}

@ApiType("Where user passwords come from.")
export class UserPasswordAccessCredentialSource {
  @Obj(() => AccessCredentialSecretSource, "A Secret mapping user names to passwords.")
  secret?: AccessCredentialSecretSource;
}

@ApiType("Set the passwords through the guest agent.")
export class QemuGuestAgentUserPasswordAccessCredentialPropagation {}

@ApiType("How passwords reach the guest.")
export class UserPasswordAccessCredentialPropagationMethod {
  @Obj(() => QemuGuestAgentUserPasswordAccessCredentialPropagation, "Through the guest agent.")
  qemuGuestAgent?: QemuGuestAgentUserPasswordAccessCredentialPropagation;
}

@ApiType("User passwords set in the guest.")
export class UserPasswordAccessCredential {
  @Obj(() => UserPasswordAccessCredentialSource, "Where the passwords come from.", { required: true })
  source!: UserPasswordAccessCredentialSource;
  @Obj(() => UserPasswordAccessCredentialPropagationMethod, "How they reach the guest.", { required: true })
  propagationMethod!: UserPasswordAccessCredentialPropagationMethod;
}

@ApiType("A credential injected into the guest; exactly one kind.")
export class AccessCredential {
  @Obj(() => SSHPublicKeyAccessCredential, "SSH public keys.")
  sshPublicKey?: SSHPublicKeyAccessCredential;
  @Obj(() => UserPasswordAccessCredential, "User passwords.")
  userPassword?: UserPasswordAccessCredential;
}
