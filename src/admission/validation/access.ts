import { Disk, DomainSpec, Interface, Network, Volume, VirtualMachineInstanceSpec } from "../../api";

/*
 * Defensive readers. The rules run after the structural check, but a fuzz test (and any caller
 * that skips that check) may hand them anything; these readers turn odd shapes into "absent"
 * so a rule never throws.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object entries of a list with their original indexes (field paths must keep them). */
export function entries<T>(list: unknown): [T, number][] {
  if (!Array.isArray(list)) return [];
  const out: [T, number][] = [];
  list.forEach((item, index) => {
    if (isRecord(item)) out.push([item as T, index]);
  });
  return out;
}

/** The value when it is a string, otherwise undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value when it is an object, otherwise undefined. */
export function record<T>(value: T | undefined | null): T | undefined {
  return isRecord(value) ? value : undefined;
}

/** Whether the field is set at all (JSON null counts as unset, as in Go). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export function domainOf(spec: VirtualMachineInstanceSpec): DomainSpec | undefined {
  return isRecord(spec) ? record(spec.domain) : undefined;
}

export function disksOf(spec: VirtualMachineInstanceSpec): [Disk, number][] {
  return entries<Disk>(record(domainOf(spec)?.devices)?.disks);
}

export function interfacesOf(spec: VirtualMachineInstanceSpec): [Interface, number][] {
  return entries<Interface>(record(domainOf(spec)?.devices)?.interfaces);
}

export function volumesOf(spec: VirtualMachineInstanceSpec): [Volume, number][] {
  return isRecord(spec) ? entries<Volume>(spec.volumes) : [];
}

export function networksOf(spec: VirtualMachineInstanceSpec): [Network, number][] {
  return isRecord(spec) ? entries<Network>(spec.networks) : [];
}

/** Indexes that appeared earlier with the same key: the first one wins, later ones are duplicates. */
export function firstIndexByKey<T>(items: [T, number][], key: (item: T) => string | undefined): Map<string, number> {
  const first = new Map<string, number>();
  for (const [item, index] of items) {
    const k = key(item);
    if (k !== undefined && !first.has(k)) first.set(k, index);
  }
  return first;
}

export interface DuplicateName {
  readonly name: string;
  /** Index of the item that repeats the name. */
  readonly index: number;
  /** Index of the first item with that name. */
  readonly first: number;
}

/** Every item whose name an earlier item already has (the first one keeps it). */
export function duplicateNames<T extends { name?: unknown }>(items: [T, number][]): DuplicateName[] {
  const first = firstIndexByKey(items, item => text(item.name));
  return items.flatMap(([item, index]) => {
    const name = text(item.name);
    const firstIndex = name === undefined ? undefined : first.get(name);
    return name !== undefined && firstIndex !== undefined && firstIndex !== index ? [{ name, index, first: firstIndex }] : [];
  });
}
