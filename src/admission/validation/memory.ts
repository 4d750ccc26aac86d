import { Cause } from "../../api";
import { parseQuantity } from "../../api/schema";
import { domainOf, isRecord, text } from "./access";
import { guestMemory, invalidQuantity, positive, requestWithinLimit, resourceQuantity } from "./quantities";
import { at, cause, quote, SpecRule } from "./rule";

/** KubeVirt's floor for a memory request: anything smaller cannot boot a guest. */
export const MIN_MEMORY_BYTES = 1e6;

function hugepagesOf(spec: Parameters<SpecRule>[0]): { pageSize?: unknown } | undefined {
  const memory = domainOf(spec)?.memory;
  return isRecord(memory) && isRecord(memory.hugepages) ? memory.hugepages : undefined;
}

export const memoryIsGiven: SpecRule = (spec, path) => {
  const given = [
    positive(resourceQuantity(spec, path, "requests", "memory")),
    positive(resourceQuantity(spec, path, "limits", "memory")),
    positive(guestMemory(spec, path)),
  ].some(v => v !== undefined);
  if (given || hugepagesOf(spec)) return [];
  return [cause(at(path, "domain", "resources", "requests", "memory"),
    `no memory requested; set ${at(path, "domain", "resources", "requests", "memory")} (for example 64Mi), ${at(path, "domain", "memory", "guest")} or ${at(path, "domain", "memory", "hugepages")}`)];
};

export const memoryQuantitiesValid: SpecRule = (spec, path) => {
  const request = resourceQuantity(spec, path, "requests", "memory");
  const causes: Cause[] = [
    ...invalidQuantity(request),
    ...invalidQuantity(resourceQuantity(spec, path, "limits", "memory")),
    ...invalidQuantity(guestMemory(spec, path)),
  ];
  const r = positive(request);
  if (request && r !== undefined && r < MIN_MEMORY_BYTES) {
    causes.push(cause(request.field, `${quote(request.raw)} is too small; a guest needs at least 1M of memory`));
  }
  return causes;
};

export const memoryRequestWithinLimit: SpecRule = (spec, path) =>
  requestWithinLimit(resourceQuantity(spec, path, "requests", "memory"), resourceQuantity(spec, path, "limits", "memory"));

export const guestMemoryWithinLimit: SpecRule = (spec, path) => {
  const guest = guestMemory(spec, path);
  const limit = resourceQuantity(spec, path, "limits", "memory");
  const g = positive(guest);
  const l = positive(limit);
  if (!guest || !limit || g === undefined || l === undefined || g <= l) return [];
  // A request at least as large is already reported against the limit (defaults copy it to guest).
  const r = positive(resourceQuantity(spec, path, "requests", "memory"));
  if (r !== undefined && r >= g) return [];
  return [cause(guest.field, `${quote(guest.raw)} must be equal to or less than the memory limit ${limit.field} ${quote(limit.raw)}`)];
};

/** Hugepages back the whole guest memory, so it must hold at least one page and whole pages only. */
export const memoryFitsHugepages: SpecRule = (spec, path) => {
  const hugepages = hugepagesOf(spec);
  if (!hugepages) return [];
  const pageField = at(path, "domain", "memory", "hugepages", "pageSize");
  const pageSize = parseQuantity(hugepages.pageSize);
  if (pageSize === undefined || pageSize <= 0) return [cause(pageField, `${quote(hugepages.pageSize)} is not a valid page size; use 2Mi or 1Gi`)];
  const memory = [resourceQuantity(spec, path, "requests", "memory"), guestMemory(spec, path), resourceQuantity(spec, path, "limits", "memory")]
    .find(q => positive(q) !== undefined);
  const bytes = positive(memory);
  if (!memory || bytes === undefined) return [];
  const page = text(hugepages.pageSize) ?? quote(hugepages.pageSize);
  if (bytes < pageSize) return [cause(memory.field, `${quote(memory.raw)} must be equal to or larger than the hugepage size ${page}`)];
  if (bytes % pageSize !== 0) return [cause(memory.field, `${quote(memory.raw)} is not a multiple of the hugepage size ${page}; round it to whole pages`)];
  return [];
};

export const MEMORY_RULES: readonly SpecRule[] = [
  memoryIsGiven,
  memoryQuantitiesValid,
  memoryRequestWithinLimit,
  guestMemoryWithinLimit,
  memoryFitsHugepages,
];
