/**
 * Request path → what it asks for (pure). Paths as KubeVirt serves them:
 * /apis/subresources.kubevirt.io/v1/namespaces/NS/(virtualmachines|virtualmachineinstances)/NAME/SUB[/…]
 */
import { GROUP, SUBRESOURCES, VERSION, type Resource } from "./discovery";

export type Route =
  | { kind: "document"; name: "root" | "apis" | "group" | "resources" | "version" | "healthz" | "openapiV2" | "openapiV3" }
  | { kind: "subresource"; namespace: string; resource: Resource; name: string; subresource: string; rest: string[]; method: string }
  | { kind: "unknown" };

const DOCUMENTS: Record<string, Extract<Route, { kind: "document" }>["name"]> = {
  "/": "root",
  "/apis": "apis",
  [`/apis/${GROUP}`]: "group",
  [`/apis/${GROUP}/${VERSION}`]: "resources",
  [`/apis/${GROUP}/${VERSION}/version`]: "version",
  [`/apis/${GROUP}/${VERSION}/healthz`]: "healthz",
  "/healthz": "healthz",
  "/openapi/v2": "openapiV2",
  "/openapi/v3": "openapiV3",
};

export function route(method: string, rawPath: string): Route {
  const path = rawPath.split("?")[0].replace(/\/+$/, "") || "/";
  const doc = DOCUMENTS[path];
  if (doc) return { kind: "document", name: doc };
  const parts = path.split("/").map(decodeURIComponent);
  // ["", "apis", GROUP, VERSION, "namespaces", NS, RESOURCE, NAME, SUB, ...rest]
  if (parts.length < 9 || parts[1] !== "apis" || parts[2] !== GROUP || parts[3] !== VERSION || parts[4] !== "namespaces") return { kind: "unknown" };
  const resource = parts[6];
  if (!(resource in SUBRESOURCES)) return { kind: "unknown" };
  const subresource = parts[8];
  if (!(subresource in SUBRESOURCES[resource as Resource])) return { kind: "unknown" };
  return { kind: "subresource", namespace: parts[5], resource: resource as Resource, name: parts[7], subresource, rest: parts.slice(9), method };
}

/** The RBAC verb a method asks for, as KubeVirt maps it (GET on a named object is `get`, PUT is `update`). */
export function rbacVerb(method: string): string | undefined {
  return ({ GET: "get", HEAD: "get", PUT: "update", POST: "create", PATCH: "patch", DELETE: "delete" } as Record<string, string>)[method.toUpperCase()];
}

/** The HTTP method each subresource answers, or undefined for one not served. */
export const methodOf = (r: Extract<Route, { kind: "subresource" }>): string =>
  (SUBRESOURCES[r.resource] as Record<string, string>)[r.subresource];
