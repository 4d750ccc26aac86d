import { Cause, Volume } from "../../api";
import { isRecord, text, volumesOf } from "./access";
import { dnsSubdomainErrors } from "./names";
import { at, cause, quote, SpecRule } from "./rule";

/*
 * Names of other Kubernetes objects a volume refers to. The launcher pod mounts each one at a
 * directory named after it (/var/run/kubevirt/secrets/<name>/, a claim's mount, …), so a name
 * that is not a Kubernetes object name (a '/', '..') would become a path outside those
 * directories. PVCs, Secrets, ConfigMaps and ServiceAccounts are all named as DNS-1123
 * subdomains by the API server; the same check here refuses what could never exist.
 */

/** One reference: where it sits under the volume, and what kind of object it names. */
interface Reference {
  readonly fields: readonly string[];
  readonly kind: string;
}

const CLOUD_INIT_SOURCES = ["cloudInitNoCloud", "cloudInitConfigDrive"] as const;

/** Every object name a volume carries, with its field path below the volume. */
function referencesOf(volume: Volume): [Reference, unknown][] {
  const refs: [Reference, unknown][] = [];
  const add = (kind: string, value: unknown, ...fields: string[]): void => void refs.push([{ fields, kind }, value]);
  if (isRecord(volume.persistentVolumeClaim)) add("PersistentVolumeClaim", volume.persistentVolumeClaim.claimName, "persistentVolumeClaim", "claimName");
  if (isRecord(volume.ephemeral) && isRecord(volume.ephemeral.persistentVolumeClaim)) {
    add("PersistentVolumeClaim", volume.ephemeral.persistentVolumeClaim.claimName, "ephemeral", "persistentVolumeClaim", "claimName");
  }
  if (isRecord(volume.secret)) add("Secret", volume.secret.secretName, "secret", "secretName");
  if (isRecord(volume.configMap)) add("ConfigMap", volume.configMap.name, "configMap", "name");
  if (isRecord(volume.serviceAccount)) add("ServiceAccount", volume.serviceAccount.serviceAccountName, "serviceAccount", "serviceAccountName");
  for (const source of CLOUD_INIT_SOURCES) {
    const cloudInit = volume[source];
    if (!isRecord(cloudInit)) continue;
    for (const ref of ["secretRef", "networkDataSecretRef"] as const) {
      const value = cloudInit[ref];
      if (isRecord(value)) add("Secret", value.name, source, ref, "name");
    }
  }
  return refs;
}

/**
 * Every referenced object's name is a DNS-1123 subdomain. An empty or missing name is left to the
 * rules that require it (one cause per mistake).
 */
export const referencedNamesAreObjectNames: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) =>
    referencesOf(volume).flatMap(([ref, value]): Cause[] => {
      const name = text(value);
      if (name === undefined || name === "") return [];
      const errors = dnsSubdomainErrors(name);
      if (errors.length === 0) return [];
      return [cause(at(path, "volumes", i, ...ref.fields), `${quote(name)} is not a valid ${ref.kind} name: ${errors.join("; ")}`)];
    }),
  );

export const REFERENCED_NAME_RULES: readonly SpecRule[] = [referencedNamesAreObjectNames];
