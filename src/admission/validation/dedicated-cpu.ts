import { Cause } from "../../api";
import { domainOf, isRecord } from "./access";
import { GivenQuantity, positive, resourceQuantity } from "./quantities";
import { at, cause, quote, SpecRule } from "./rule";

/*
 * Dedicated CPU placement pins each vCPU to a physical CPU, which the kubelet's static CPU manager
 * only grants to Guaranteed pods with whole CPUs: requests equal limits, integer CPU counts, and a
 * vCPU count that agrees with the CPU resources.
 */

function dedicated(spec: Parameters<SpecRule>[0]): boolean {
  const cpu = domainOf(spec)?.cpu;
  return isRecord(cpu) && cpu.dedicatedCpuPlacement === true;
}

const whole = (q: GivenQuantity | undefined): number | undefined => {
  const v = positive(q);
  return v === undefined ? undefined : Math.ceil(v);
};

export const dedicatedCpuWholeCpus: SpecRule = (spec, path) => {
  if (!dedicated(spec)) return [];
  return [resourceQuantity(spec, path, "requests", "cpu"), resourceQuantity(spec, path, "limits", "cpu")].flatMap((q): Cause[] => {
    const v = positive(q);
    return q && v !== undefined && !Number.isInteger(v)
      ? [cause(q.field, `${quote(q.raw)} must be a whole number of CPUs when dedicatedCpuPlacement is true, for example 2`)]
      : [];
  });
};

export const dedicatedCpuRequestsEqualLimits: SpecRule = (spec, path) => {
  if (!dedicated(spec)) return [];
  const causes: Cause[] = [];
  for (const name of ["cpu", "memory"] as const) {
    const request = resourceQuantity(spec, path, "requests", name);
    const limit = resourceQuantity(spec, path, "limits", name);
    const [r, l] = name === "cpu" ? [whole(request), whole(limit)] : [positive(request), positive(limit)];
    if (request && limit && r !== undefined && l !== undefined && r !== l) {
      causes.push(cause(request.field, `must equal ${limit.field} when dedicatedCpuPlacement is true (a Guaranteed pod); got ${quote(request.raw)} and ${quote(limit.raw)}`));
    }
  }
  return causes;
};

/** The vCPU count from an explicit topology; undefined when none is given (defaults derive it from the CPU resources). */
function explicitVcpus(spec: Parameters<SpecRule>[0]): number | undefined {
  const cpu = domainOf(spec)?.cpu;
  if (!isRecord(cpu)) return undefined;
  const counts = [cpu.sockets, cpu.cores, cpu.threads];
  if (counts.every(c => typeof c !== "number" || c <= 0)) return undefined;
  return counts.reduce<number>((n, c) => n * (typeof c === "number" && c > 0 ? c : 1), 1);
}

export const dedicatedCpuTopologyMatchesResources: SpecRule = (spec, path) => {
  if (!dedicated(spec)) return [];
  const vcpus = explicitVcpus(spec);
  const request = whole(resourceQuantity(spec, path, "requests", "cpu"));
  const limit = whole(resourceQuantity(spec, path, "limits", "cpu"));
  if (vcpus === undefined || (request === undefined && limit === undefined) || request === vcpus || limit === vcpus) return [];
  return [cause(at(path, "domain", "cpu", "dedicatedCpuPlacement"),
    `the topology gives ${vcpus} vCPUs but the CPU request/limit asks for ${limit ?? request}; with dedicatedCpuPlacement set only one of them, or make them agree`)];
};

export const dedicatedCpuThreads: SpecRule = (spec, path) => {
  const cpu = domainOf(spec)?.cpu;
  if (!dedicated(spec) || !isRecord(cpu) || typeof cpu.threads !== "number" || cpu.threads <= 2) return [];
  return [cause(at(path, "domain", "cpu", "threads"), `at most 2 threads per core are supported with dedicatedCpuPlacement, got ${cpu.threads}`)];
};

export const DEDICATED_CPU_RULES: readonly SpecRule[] = [
  dedicatedCpuWholeCpus,
  dedicatedCpuRequestsEqualLimits,
  dedicatedCpuTopologyMatchesResources,
  dedicatedCpuThreads,
];
