import type { JSONSchemaProps } from "../../src/api/crd/openapi-schema";
import type { UpstreamSchema } from "./upstream";

/** One way the project's CRD schema differs from upstream's OpenAPI definition at a field path. */
export interface Difference {
  readonly path: string;
  readonly kind: "missing" | "mistyped" | "required" | "enum" | "opaque" | "extra";
  readonly detail: string;
}

/** Types this project keeps as free objects on purpose: Kubernetes' own and CDI's, which their own APIs check. */
const OPAQUE_ALLOWED = /^(k8s\.io\.|v1beta1\.DataVolume)/;
const QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";
const TIMES = new Set(["k8s.io.apimachinery.pkg.apis.meta.v1.Time", "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime"]);
const INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
/** Object metadata's schema belongs to the API server; a CRD may only say it is an object. */
const OBJECT_META = "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta";

/**
 * Walks upstream's definition from `root` beside the CRD schema and lists every difference:
 * fields missing or extra, types, formats, enums and required lists. A free object
 * (x-kubernetes-preserve-unknown-fields) stands for a whole subtree and is reported as "opaque"
 * unless it stands for a Kubernetes or CDI type.
 */
export function diffSchemas(definitions: Record<string, UpstreamSchema>, root: string, crd: JSONSchemaProps): Difference[] {
  const out: Difference[] = [];
  compareRef(definitions, root, crd, "", out);
  return out;
}

function compareRef(defs: Record<string, UpstreamSchema>, name: string, crd: JSONSchemaProps, path: string, out: Difference[]): void {
  if (name === QUANTITY || name === INT_OR_STRING) {
    if (!crd["x-kubernetes-int-or-string"]) out.push({ path, kind: "mistyped", detail: `upstream ${name} is int-or-string; the CRD says ${describe(crd)}` });
    return;
  }
  if (TIMES.has(name)) return comparePrimitive({ type: "string" }, crd, path, out);
  if (name === OBJECT_META && crd.type === "object" && !crd.properties) return;
  const def = defs[name];
  if (!def) throw new Error(`upstream definition ${name} is not in the OpenAPI document`);
  if (def.type !== "object" && !def.properties) return comparePrimitive(def, crd, path, out);
  if (crd.type !== "object") return void out.push({ path, kind: "mistyped", detail: `upstream ${name} is an object; the CRD says ${describe(crd)}` });
  if (crd["x-kubernetes-preserve-unknown-fields"] && !crd.properties) {
    if (!OPAQUE_ALLOWED.test(name) && Object.keys(def.properties ?? {}).length > 0) out.push({ path, kind: "opaque", detail: `${name} is kept as a free object instead of being declared` });
    return;
  }
  compareObject(defs, def, crd, path, out, name);
}

function compareObject(defs: Record<string, UpstreamSchema>, def: UpstreamSchema, crd: JSONSchemaProps, path: string, out: Difference[], name: string): void {
  const upstream = def.properties ?? {};
  const ours = crd.properties ?? {};
  for (const [field, schema] of Object.entries(upstream)) {
    const child = path ? `${path}.${field}` : field;
    if (!ours[field]) out.push({ path: child, kind: "missing", detail: `declared by upstream ${name}` });
    else compareSchema(defs, schema, ours[field], child, out);
  }
  if (OPAQUE_ALLOWED.test(name) && !def.properties) return;
  for (const field of Object.keys(ours)) {
    if (!(field in upstream)) out.push({ path: path ? `${path}.${field}` : field, kind: "extra", detail: `not a field of upstream ${name}` });
  }
  const want = [...(def.required ?? [])].sort();
  const have = [...(crd.required ?? [])].sort();
  if (want.join() !== have.join()) out.push({ path: path || "<root>", kind: "required", detail: `upstream requires [${want}], the CRD [${have}]` });
}

function compareSchema(defs: Record<string, UpstreamSchema>, up: UpstreamSchema, crd: JSONSchemaProps, path: string, out: Difference[]): void {
  const ref = up.$ref ?? (up.allOf?.length === 1 ? up.allOf[0].$ref : undefined);
  if (ref) return compareRef(defs, ref.split("/").pop()!, crd, path, out);
  const type = primaryType(up);
  if (type === "array") {
    if (crd.type !== "array" || !crd.items) return void out.push({ path, kind: "mistyped", detail: `upstream is a list; the CRD says ${describe(crd)}` });
    return compareSchema(defs, up.items ?? {}, crd.items, `${path}[]`, out);
  }
  if (type === "object") {
    if (crd.type !== "object") return void out.push({ path, kind: "mistyped", detail: `upstream is a map; the CRD says ${describe(crd)}` });
    const values = typeof up.additionalProperties === "object" ? up.additionalProperties : undefined;
    if (values && crd.additionalProperties) compareSchema(defs, values, crd.additionalProperties, `${path}{}`, out);
    else if (values && !crd["x-kubernetes-preserve-unknown-fields"]) out.push({ path, kind: "mistyped", detail: "upstream is a map; the CRD declares no value type" });
    return;
  }
  comparePrimitive(up, crd, path, out);
}

function comparePrimitive(up: UpstreamSchema, crd: JSONSchemaProps, path: string, out: Difference[]): void {
  const type = primaryType(up);
  if (crd.type !== type) return void out.push({ path, kind: "mistyped", detail: `upstream is ${type}; the CRD says ${describe(crd)}` });
  if (up.format && type === "integer" && crd.format !== up.format) out.push({ path, kind: "mistyped", detail: `upstream format ${up.format}, the CRD ${crd.format ?? "none"}` });
  if (up.enum) {
    const want = up.enum.map(String).sort().join(", ");
    const have = [...(crd.enum ?? [])].sort().join(", ");
    if (want !== have) out.push({ path, kind: "enum", detail: `upstream allows [${want}], the CRD [${have}]` });
  }
}

/** OpenAPI v2 spells a nullable string as type ["string", "null"]. */
function primaryType(up: UpstreamSchema): string | undefined {
  if (Array.isArray(up.type)) return up.type.find(t => t !== "null");
  return up.type ?? (up.properties ? "object" : undefined);
}

function describe(crd: JSONSchemaProps): string {
  if (crd["x-kubernetes-int-or-string"]) return "int-or-string";
  return crd.type ?? "no type";
}
