import { fetch } from "kubernetes-fluent-client";
// KFC builds its request options (server, TLS, token) from the in-cluster or local kubeconfig here;
// reused so the controller, the node agent and Pepr authenticate the same way.
import { k8sCfg } from "kubernetes-fluent-client/dist/fluent/utils.js";

/** A failed API request, with the status and the API server's message. */
export class KubeError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    message: string,
  ) {
    super(`${method} ${path}: ${status} ${message}`);
  }
  get notFound(): boolean {
    return this.status === 404;
  }
  /** 409: a resourceVersion or uid precondition failed, or the object already exists. */
  get conflict(): boolean {
    return this.status === 409;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export const CONTENT = { json: "application/json", mergePatch: "application/merge-patch+json", jsonPatch: "application/json-patch+json", apply: "application/apply-patch+yaml" } as const;

/** One request to the API server; the parsed body, or a KubeError. */
export async function request<T>(method: Method, path: string, body?: unknown, contentType: string = CONTENT.json): Promise<T> {
  const { opts, serverUrl } = await k8sCfg(method as never);
  const init = opts as unknown as { headers: Record<string, string>; method: string; body?: string };
  init.headers = { ...init.headers, "Content-Type": contentType };
  if (body !== undefined) init.body = JSON.stringify(body);
  const resp = await fetch<T>(`${String(serverUrl).replace(/\/$/, "")}${path}`, init as never);
  if (resp.ok) return resp.data;
  const data = resp.data as { message?: string } | string | undefined;
  const message = typeof data === "object" && data?.message ? data.message : typeof data === "string" && data ? data : resp.statusText;
  throw new KubeError(resp.status, method, path, message);
}

/** The object, or undefined when it does not exist. */
export async function getOrUndefined<T>(path: string): Promise<T | undefined> {
  try {
    return await request<T>("GET", path);
  } catch (err) {
    if (err instanceof KubeError && err.notFound) return undefined;
    throw err;
  }
}
