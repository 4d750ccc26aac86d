import { CONTENT, getOrUndefined, request } from "./client";
import { resourcePath, withQuery, type ResourceRef } from "./resources";

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  deletionTimestamp?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }>;
}
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export const getObject = <T extends KubeObject>(r: ResourceRef, namespace: string | undefined, name: string): Promise<T | undefined> =>
  getOrUndefined<T>(resourcePath(r, namespace, name));

export async function listObjects<T extends KubeObject>(r: ResourceRef, namespace?: string, labelSelector?: string): Promise<T[]> {
  const list = await request<{ items: T[] }>("GET", withQuery(resourcePath(r, namespace), { labelSelector }));
  return list.items;
}

export const createObject = <T extends KubeObject>(r: ResourceRef, namespace: string | undefined, body: unknown): Promise<T> =>
  request<T>("POST", resourcePath(r, namespace), body);

/** Deletes the object, only if it is still the one with `uid` (never a same-named successor); gone already is fine. */
export async function deleteObject(r: ResourceRef, namespace: string | undefined, name: string, uid?: string, propagationPolicy?: "Background" | "Foreground"): Promise<void> {
  const body = { kind: "DeleteOptions", apiVersion: "v1", ...(uid ? { preconditions: { uid } } : {}), ...(propagationPolicy ? { propagationPolicy } : {}) };
  try {
    await request("DELETE", resourcePath(r, namespace, name), body);
  } catch (err) {
    if ((err as { status?: number }).status === 404) return;
    throw err;
  }
}

/** Replaces the object as read (PUT with its resourceVersion): a 409 when it changed since. */
export const replaceObject = <T extends KubeObject>(r: ResourceRef, obj: T): Promise<T> =>
  request<T>("PUT", resourcePath(r, obj.metadata.namespace, obj.metadata.name), obj);

/** Replaces the status of the object as read: a 409 when it changed since (the caller re-reads and decides again). */
export const replaceStatus = <T extends KubeObject>(r: ResourceRef, obj: T, status: unknown): Promise<T> =>
  request<T>("PUT", resourcePath(r, obj.metadata.namespace, obj.metadata.name, "status"), { ...obj, status });

/** A JSON patch guarded by the object's resourceVersion (RFC 6902 `test`). */
export const patchIfUnchanged = <T extends KubeObject>(r: ResourceRef, obj: T, ops: Array<Record<string, unknown>>): Promise<T> =>
  request<T>("PATCH", resourcePath(r, obj.metadata.namespace, obj.metadata.name), [{ op: "test", path: "/metadata/resourceVersion", value: obj.metadata.resourceVersion }, ...ops], CONTENT.jsonPatch);

export const mergePatch = <T extends KubeObject>(r: ResourceRef, namespace: string | undefined, name: string, patch: unknown, subresource?: string): Promise<T> =>
  request<T>("PATCH", resourcePath(r, namespace, name, subresource), patch, CONTENT.mergePatch);

/** Server-side apply with the platform's field manager (KFC's Apply always uses "pepr"). */
export const applyObject = <T extends KubeObject>(r: ResourceRef, namespace: string | undefined, name: string, body: unknown, fieldManager: string): Promise<T> =>
  request<T>("PATCH", withQuery(resourcePath(r, namespace, name), { fieldManager, force: "true" }), body, CONTENT.apply);
