import type { KubernetesObject } from "kubernetes-fluent-client";
import type { PeprMutateRequest, PeprValidateRequest } from "pepr";
import { formatCauses } from "../api";
import { AdmissionPolicy, mutate, validate, validateCreate, validateUpdate } from "./chain";

type ValidateResponse = ReturnType<PeprValidateRequest<KubernetesObject>["Approve"]>;

/**
 * The thin shell between Pepr's mutate request and the pure chain: the mutated object replaces
 * the request's object, and Pepr turns the difference into the JSON patch it returns.
 */
export function mutateRequest(request: PeprMutateRequest<KubernetesObject>, policy: AdmissionPolicy): void {
  const { operation, requestKind, oldObject } = request.Request;
  if (operation !== "CREATE" && operation !== "UPDATE") return;
  const mutated = mutate({ object: request.Raw, operation, requestKind, oldObject }, policy);
  if (!mutated) return;
  const raw = request.Raw as unknown as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!(key in mutated)) delete raw[key];
  Object.assign(raw, mutated);
}

/** Approves, or denies naming every offending field in one message (HTTP 422, as KubeVirt). */
export function validateRequest(request: PeprValidateRequest<KubernetesObject>, policy: AdmissionPolicy): ValidateResponse {
  const { operation, oldObject, userInfo } = request.Request;
  const causes = validate(request.Raw, policy);
  if (operation === "CREATE") causes.push(...validateCreate(request.Raw, userInfo?.username));
  if (operation === "UPDATE") causes.push(...validateUpdate(request.Raw, oldObject, userInfo?.username, policy));
  return causes.length === 0 ? request.Approve() : request.Deny(formatCauses(causes), 422);
}
