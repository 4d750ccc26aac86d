/**
 * The Secrets a VMI's volumes name (pure): cloud-init user data and network data Secrets, and secret
 * volumes. The handler reads them from the API and sends their contents with sync, since a launcher
 * pod has no credentials to read Secrets itself. Their contents never go to logs or events.
 */
import type { Vmi } from "./observed";

export function secretNames(vmi: Vmi): string[] {
  const names = new Set<string>();
  for (const v of vmi.spec.volumes ?? []) {
    const cloudInit = v.cloudInitNoCloud ?? v.cloudInitConfigDrive;
    if (cloudInit?.secretRef?.name) names.add(cloudInit.secretRef.name);
    if (cloudInit?.networkDataSecretRef?.name) names.add(cloudInit.networkDataSecretRef.name);
    if (v.secret?.secretName) names.add(v.secret.secretName);
  }
  return [...names];
}

/** A Secret's data (base64 values, as the API returns them) and stringData as text. */
export function secretText(secret: { data?: Record<string, string>; stringData?: Record<string, string> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(secret.data ?? {})) out[k] = Buffer.from(v, "base64").toString("utf8");
  return { ...out, ...(secret.stringData ?? {}) };
}
