import { EVICTION_STRATEGIES, START_STRATEGIES } from "../../api";
import { domainOf, isRecord, text } from "./access";
import { dnsLabelErrors, dnsSubdomainErrors } from "./names";
import { at, cause, quote, SpecRule } from "./rule";

/** KubeVirt's default emulated machines on amd64: the q35 family only (no i440fx/IDE). */
export const MACHINE_TYPE_PATTERNS = ["q35*", "pc-q35*"] as const;

function matchesGlob(pattern: string, value: string): boolean {
  const prefix = pattern.endsWith("*") ? pattern.slice(0, -1) : undefined;
  return prefix === undefined ? pattern === value : value.startsWith(prefix);
}

export const machineType: SpecRule = (spec, path) => {
  const machine = domainOf(spec)?.machine;
  const type = isRecord(machine) ? machine.type : undefined;
  if (type === undefined || type === null || type === "") return [];
  if (typeof type === "string" && MACHINE_TYPE_PATTERNS.some(p => matchesGlob(p, type))) return [];
  return [cause(at(path, "domain", "machine", "type"), `machine type ${quote(type)} is not supported (allowed values: ${MACHINE_TYPE_PATTERNS.join(", ")}); use q35 or a versioned pc-q35-* type`)];
};

export const hostnameIsDnsLabel: SpecRule = (spec, path) => {
  const hostname = isRecord(spec) ? spec.hostname : undefined;
  if (hostname === undefined || hostname === null || hostname === "") return [];
  const errors = typeof hostname === "string" ? dnsLabelErrors(hostname) : ["must be a string"];
  return errors.length ? [cause(at(path, "hostname"), `hostname ${quote(hostname)} is not a valid DNS label (RFC 1123): ${errors.join("; ")}`)] : [];
};

export const subdomainIsDnsSubdomain: SpecRule = (spec, path) => {
  const subdomain = isRecord(spec) ? spec.subdomain : undefined;
  if (subdomain === undefined || subdomain === null || subdomain === "") return [];
  const errors = typeof subdomain === "string" ? dnsSubdomainErrors(subdomain) : ["must be a string"];
  return errors.length ? [cause(at(path, "subdomain"), `subdomain ${quote(subdomain)} is not a valid DNS subdomain (RFC 1123): ${errors.join("; ")}`)] : [];
};

/** Kept beside the schema's enum so that raw specs passed straight to the rules are still checked. */
export const evictionStrategy: SpecRule = (spec, path) => {
  const value = isRecord(spec) ? spec.evictionStrategy : undefined;
  if (value === undefined || value === null || (EVICTION_STRATEGIES as readonly unknown[]).includes(value)) return [];
  return [cause(at(path, "evictionStrategy"), `unknown eviction strategy ${quote(value)}; use one of ${EVICTION_STRATEGIES.join(", ")}`)];
};

export const terminationGracePeriod: SpecRule = (spec, path) => {
  const value: unknown = isRecord(spec) ? spec.terminationGracePeriodSeconds : undefined;
  if (value === undefined || value === null) return [];
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return [];
  return [cause(at(path, "terminationGracePeriodSeconds"), `must be a whole number of seconds, 0 or more; got ${quote(value)}`)];
};

export const startStrategy: SpecRule = (spec, path) => {
  const value = isRecord(spec) ? spec.startStrategy : undefined;
  if (value === undefined || value === null || (START_STRATEGIES as readonly unknown[]).includes(value)) return [];
  return [cause(at(path, "startStrategy"), `unrecognised start strategy ${quote(text(value) ?? value)}; the only option is Paused (omit the field to start normally)`)];
};

export const DOMAIN_RULES: readonly SpecRule[] = [
  machineType,
  hostnameIsDnsLabel,
  subdomainIsDnsSubdomain,
  evictionStrategy,
  terminationGracePeriod,
  startStrategy,
];
