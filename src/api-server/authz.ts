/**
 * Every subresource call is checked with a SubjectAccessReview on the subresource, as KubeVirt's
 * virt-api does: `update virtualmachines/stop`, `get virtualmachineinstances/console`, ...
 */
import { request } from "../kube/client";
import type { Identity } from "./authn";
import { GROUP, VERSION } from "./discovery";
import type { Route } from "./routes";
import { rbacVerb } from "./routes";

type Sub = Extract<Route, { kind: "subresource" }>;

export interface Attributes {
  namespace: string;
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource: string;
  name: string;
}

export const attributesOf = (r: Sub): Attributes => ({
  namespace: r.namespace,
  verb: rbacVerb(r.method) ?? r.method.toLowerCase(),
  group: GROUP,
  version: VERSION,
  resource: r.resource,
  subresource: r.subresource,
  name: r.name,
});

export const accessReview = (who: Identity, attrs: Attributes): object => ({
  apiVersion: "authorization.k8s.io/v1",
  kind: "SubjectAccessReview",
  spec: { user: who.user, groups: who.groups, extra: who.extra, resourceAttributes: attrs },
});

export interface Decision {
  allowed: boolean;
  reason?: string;
}

/** Asks the API server; a failure to ask is an error (500), never an allow. */
export async function authorize(who: Identity, attrs: Attributes): Promise<Decision> {
  const review = await request<{ status?: { allowed?: boolean; reason?: string } }>("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", accessReview(who, attrs));
  return { allowed: review.status?.allowed === true, reason: review.status?.reason || undefined };
}
