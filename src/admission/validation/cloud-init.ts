import { Buffer } from "node:buffer";
import { Cause, CloudInitNoCloudSource } from "../../api";
import { isRecord, text, volumesOf } from "./access";
import { at, cause, SpecRule } from "./rule";

/** KubeVirt's inline cloud-init limit; larger data belongs in a Secret (secretRef). */
export const CLOUD_INIT_MAX_BYTES = 2048;
const CLOUD_INIT_SOURCES = ["cloudInitNoCloud", "cloudInitConfigDrive"] as const;
/** Standard base64 with padding (line breaks are ignored, as by Go's decoder). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface DataKind {
  readonly label: string;
  readonly secretRef: "secretRef" | "networkDataSecretRef";
  readonly plain: "userData" | "networkData";
  readonly base64: "userDataBase64" | "networkDataBase64";
}
const USER_DATA: DataKind = { label: "user data", secretRef: "secretRef", plain: "userData", base64: "userDataBase64" };
const NETWORK_DATA: DataKind = { label: "network data", secretRef: "networkDataSecretRef", plain: "networkData", base64: "networkDataBase64" };

/** Decoded byte length of base64 text, or undefined when it is not valid base64. */
export function decodedLength(value: string): number | undefined {
  const compact = value.replace(/[\r\n]/g, "");
  return BASE64.test(compact) ? Buffer.from(compact, "base64").length : undefined;
}

type CloudInit = CloudInitNoCloudSource;

function sourcesSet(source: CloudInit, kind: DataKind): string[] {
  const set: string[] = [];
  const ref = source[kind.secretRef];
  if (isRecord(ref) && text(ref.name)) set.push(kind.secretRef);
  if (text(source[kind.plain])) set.push(kind.plain);
  if (text(source[kind.base64])) set.push(kind.base64);
  return set;
}

/** One kind of data (user or network): a single source, valid base64, within the inline limit. */
function checkData(source: CloudInit, kind: DataKind, field: string): Cause[] {
  const causes: Cause[] = [];
  const set = sourcesSet(source, kind);
  if (set.length > 1) causes.push(cause(field, `sets ${kind.label} more than once (${set.join(", ")}); keep exactly one of ${kind.secretRef}, ${kind.plain} or ${kind.base64}`));
  const encoded = text(source[kind.base64]);
  const decoded = encoded ? decodedLength(encoded) : undefined;
  if (encoded && decoded === undefined) causes.push(cause(at(field, kind.base64), "is not valid base64; encode the data with `base64 -w0`, or use the plain field instead"));
  const plain = text(source[kind.plain]);
  const bytes = Math.max(plain ? Buffer.byteLength(plain, "utf8") : 0, decoded ?? 0);
  if (bytes > CLOUD_INIT_MAX_BYTES) {
    causes.push(cause(field, `${kind.label} is ${bytes} bytes, over the ${CLOUD_INIT_MAX_BYTES}-byte limit for inline data; put it in a Secret and reference it with ${kind.secretRef}`));
  }
  return causes;
}

export const cloudInitData: SpecRule = (spec, path) =>
  volumesOf(spec).flatMap(([volume, i]) =>
    CLOUD_INIT_SOURCES.flatMap(name => {
      const source = volume[name];
      if (!isRecord(source)) return [];
      const field = at(path, "volumes", i, name);
      const causes = [...checkData(source, USER_DATA, field), ...checkData(source, NETWORK_DATA, field)];
      if (sourcesSet(source, USER_DATA).length === 0 && sourcesSet(source, NETWORK_DATA).length === 0) {
        causes.push(cause(field, "has no data; set user data (userData, userDataBase64 or secretRef) or network data (networkData, networkDataBase64 or networkDataSecretRef)"));
      }
      return causes;
    }),
  );

/** The guest's cloud-init reads one data source; a second volume would be silently ignored. */
export const atMostOneCloudInitVolume: SpecRule = (spec, path) => {
  const indexes = volumesOf(spec)
    .filter(([v]) => CLOUD_INIT_SOURCES.some(name => isRecord(v[name])))
    .map(([, i]) => i);
  return indexes.slice(1).map(i =>
    cause(at(path, "volumes", i), `is a second cloud-init volume (the first is ${at(path, "volumes", indexes[0])}); a VMI takes at most one cloudInitNoCloud or cloudInitConfigDrive volume: merge their data`),
  );
};

export const CLOUD_INIT_RULES: readonly SpecRule[] = [cloudInitData, atMostOneCloudInitVolume];
