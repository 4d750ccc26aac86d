import type { VolumeSources } from "./sources";

/** Volume sources that answer Secrets from `secrets` (sent with sync by the node agent) before asking `base`. */
export function withSecrets(base: VolumeSources, secrets: Record<string, Record<string, string>> | undefined): VolumeSources {
  if (!secrets || Object.keys(secrets).length === 0) return base;
  return { ...base, secret: async (name) => secrets[name] ?? base.secret(name) };
}
