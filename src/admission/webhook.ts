import type { KubernetesObject } from "kubernetes-fluent-client";
import type { PeprMutateRequest, PeprValidateRequest } from "pepr";
import { formatCauses, type Cause } from "../api";
import { AdmissionPolicy, mutate, validate, validateCreate, validateUpdate } from "./chain";
import { readInstancetypes } from "./instancetype-reads";
import { clusterInferenceReader, inferMatchers, infersMatchers } from "./infer-matchers";

type ValidateResponse = ReturnType<PeprValidateRequest<KubernetesObject>["Approve"]>;

/**
 * The thin shell between Pepr's mutate request and the pure chain: the mutated object replaces
 * the request's object, and Pepr turns the difference into the JSON patch it returns.
 */
export async function mutateRequest(request: PeprMutateRequest<KubernetesObject>, policy: AdmissionPolicy): Promise<void> {
  const { operation, requestKind, oldObject } = request.Request;
  if (operation !== "CREATE" && operation !== "UPDATE") return;
  // Inference first, as KubeVirt's VM mutator; a failure leaves the VM for the validating half to deny.
  const object = infersMatchers(request.Raw) ? (await inferMatchers(request.Raw as never, clusterInferenceReader).catch(() => ({ vm: request.Raw }))).vm : request.Raw;
  const mutated = mutate({ object, operation, requestKind, oldObject }, policy);
  if (!mutated) return;
  const raw = request.Raw as unknown as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!(key in mutated)) delete raw[key];
  Object.assign(raw, mutated);
}

/** The cluster reads a VM's validation needs (its instancetype and preference); none for other kinds. */
async function clusterFacts(object: unknown, policy: AdmissionPolicy): Promise<AdmissionPolicy> {
  const vm = object as { kind?: string; spec?: { instancetype?: unknown; preference?: unknown } };
  if (vm.kind !== "VirtualMachine" || (vm.spec?.instancetype === undefined && vm.spec?.preference === undefined)) return policy;
  return { ...policy, instancetypes: await readInstancetypes(vm as never) };
}

/** Why a VM that reached validation still infers a matcher: the mutating half could not infer it. */
async function inferenceFailures(vm: unknown): Promise<Cause[]> {
  try {
    const { failures } = await inferMatchers(vm as never, clusterInferenceReader);
    return failures.length > 0 ? failures : [{ field: "spec.instancetype.inferFromVolume", message: "was not resolved by the mutating webhook; apply the VM again" }];
  } catch (err) {
    return [{ field: "spec.instancetype.inferFromVolume", message: `the volume's source could not be read: ${err instanceof Error ? err.message : String(err)}` }];
  }
}

/**
 * Approves, or denies naming every offending field in one message (HTTP 422, as KubeVirt). The
 * reads happen first; the decision is the pure chain's.
 */
export async function validateRequest(request: PeprValidateRequest<KubernetesObject>, policy: AdmissionPolicy): Promise<ValidateResponse> {
  const { operation, oldObject, userInfo } = request.Request;
  const withFacts = await clusterFacts(request.Raw, policy);
  const causes = validate(request.Raw, withFacts);
  if (causes.length === 0 && infersMatchers(request.Raw)) causes.push(...(await inferenceFailures(request.Raw)));
  if (operation === "CREATE") causes.push(...validateCreate(request.Raw, userInfo?.username));
  if (operation === "UPDATE") causes.push(...validateUpdate(request.Raw, oldObject, userInfo?.username, policy));
  return causes.length === 0 ? request.Approve() : request.Deny(formatCauses(causes), 422);
}
