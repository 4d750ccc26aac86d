import { Cause } from "../../api";
import { domainOf, isRecord } from "./access";
import { invalidQuantity, requestWithinLimit, resourceQuantity } from "./quantities";
import { at, cause, quote, SpecRule } from "./rule";

export const cpuQuantitiesValid: SpecRule = (spec, path) => [
  ...invalidQuantity(resourceQuantity(spec, path, "requests", "cpu")),
  ...invalidQuantity(resourceQuantity(spec, path, "limits", "cpu")),
];

export const cpuRequestWithinLimit: SpecRule = (spec, path) =>
  requestWithinLimit(resourceQuantity(spec, path, "requests", "cpu"), resourceQuantity(spec, path, "limits", "cpu"));

const TOPOLOGY = ["sockets", "cores", "threads"] as const;

/** The schema enforces this too; kept so raw specs from other callers cannot reach QEMU with 0 CPUs. */
export const cpuTopologyPositive: SpecRule = (spec, path) => {
  const cpu = domainOf(spec)?.cpu;
  if (!isRecord(cpu)) return [];
  return TOPOLOGY.flatMap((name): Cause[] => {
    const value: unknown = cpu[name];
    if (value === undefined || value === null) return [];
    if (typeof value === "number" && Number.isInteger(value) && value >= 1) return [];
    return [cause(at(path, "domain", "cpu", name), `must be a whole number of 1 or more, got ${quote(value)}`)];
  });
};

export const CPU_RULES: readonly SpecRule[] = [cpuQuantitiesValid, cpuRequestWithinLimit, cpuTopologyPositive];
