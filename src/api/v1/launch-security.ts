import { ApiType, Bool, Obj, Str } from "../schema";

@ApiType("Ask for a SEV attestation before the guest starts.")
export class SEVAttestation {}

@ApiType("SEV guest policy bits.")
export class SEVPolicy {
  @Bool("Encrypt the guest's CPU register state too (SEV-ES).")
  encryptedState?: boolean;
}

@ApiType("AMD Secure Encrypted Virtualization settings.")
export class SEV {
  @Obj(() => SEVPolicy, "Policy of the encrypted guest.")
  policy?: SEVPolicy;
  @Obj(() => SEVAttestation, "Start the guest paused until its launch measurement is attested.")
  attestation?: SEVAttestation;
  @Str("Guest owner's Diffie-Hellman certificate, base64-encoded.")
  dhCert?: string;
  @Str("Guest owner's session parameters, base64-encoded.")
  session?: string;
}

@ApiType("Memory encryption of the guest.")
export class LaunchSecurity {
  @Obj(() => SEV, "Use AMD SEV.")
  sev?: SEV;
}
