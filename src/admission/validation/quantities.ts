import { Cause } from "../../api";
import { parseQuantity } from "../../api/schema";
import { domainOf, isRecord } from "./access";
import { at, cause, quote, SpecRule } from "./rule";

export type ResourceList = "requests" | "limits";
export type ResourceName = "memory" | "cpu";

/** A quantity the user gave: its text for messages and its value in bytes or cores. */
export interface GivenQuantity {
  readonly field: string;
  readonly raw: unknown;
  /** undefined when the text is not a Kubernetes quantity. */
  readonly value: number | undefined;
}

export function resourceQuantity(spec: Parameters<SpecRule>[0], path: string, list: ResourceList, name: ResourceName): GivenQuantity | undefined {
  const resources = domainOf(spec)?.resources;
  const map = isRecord(resources) ? resources[list] : undefined;
  if (!isRecord(map) || map[name] === undefined || map[name] === null) return undefined;
  return { field: at(path, "domain", "resources", list, name), raw: map[name], value: parseQuantity(map[name]) };
}

export function guestMemory(spec: Parameters<SpecRule>[0], path: string): GivenQuantity | undefined {
  const memory = domainOf(spec)?.memory;
  if (!isRecord(memory) || memory.guest === undefined || memory.guest === null) return undefined;
  return { field: at(path, "domain", "memory", "guest"), raw: memory.guest, value: parseQuantity(memory.guest) };
}

/** A quantity that is malformed or below zero; the other rules then ignore it. */
export function invalidQuantity(q: GivenQuantity | undefined): Cause[] {
  if (q === undefined) return [];
  if (q.value === undefined) return [cause(q.field, `${quote(q.raw)} is not a valid quantity; write it like 64Mi, 2Gi or 500m`)];
  if (q.value < 0) return [cause(q.field, `${quote(q.raw)} must be greater than or equal to 0`)];
  return [];
}

/** The positive value of a quantity, or undefined when it is absent, invalid, zero or negative. */
export function positive(q: GivenQuantity | undefined): number | undefined {
  return q?.value !== undefined && q.value > 0 ? q.value : undefined;
}

/** `request` must not exceed `limit` (a zero or absent limit means no limit). */
export function requestWithinLimit(request: GivenQuantity | undefined, limit: GivenQuantity | undefined): Cause[] {
  const r = positive(request);
  const l = positive(limit);
  if (r === undefined || l === undefined || r <= l || !request || !limit) return [];
  return [cause(request.field, `${quote(request.raw)} is greater than ${limit.field} ${quote(limit.raw)}; lower the request or raise the limit`)];
}
