/**
 * Domain lifecycle events, as libvirt reports them (virDomainEventType and its detail enums in
 * libvirt-domain.h): event-stream.ts receives them over libvirt's RPC protocol. libvirt tells there
 * why a domain stopped: "Stopped Shutdown" (guest powered off), "Stopped Destroyed", "Stopped Failed"
 * (QEMU died), "Crashed …" (guest panic). `detail` keeps the words virsh prints for the same event.
 */
export type DomainEventKind = "started" | "paused" | "resumed" | "shutdown" | "destroyed" | "crashed";

export interface DomainEvent {
  kind: DomainEventKind;
  domain: string;
  /** libvirt's own words, e.g. "Stopped Failed". */
  detail: string;
}

/** Index = virDomainEventType; each with its detail enum's names, index = detail. */
const EVENTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Defined", ["Added", "Updated", "Renamed", "Snapshot"]],
  ["Undefined", ["Removed", "Renamed"]],
  ["Started", ["Booted", "Migrated", "Restored", "Snapshot", "Event wakeup"]],
  ["Suspended", ["Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot", "API error", "Post-copy", "Post-copy Error"]],
  ["Resumed", ["Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error"]],
  ["Stopped", ["Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed", "Snapshot"]],
  ["Shutdown", ["Finished", "Finished after guest request", "Finished after host request"]],
  ["PMSuspended", ["Memory", "Disk"]],
  ["Crashed", ["Panicked", "Crashloaded"]],
];

/** A lifecycle event (numbers from libvirt) → event; undefined for events the launcher does not act on. */
export function lifecycleEvent(domain: string, event: number, detail: number): DomainEvent | undefined {
  const [what, details] = EVENTS[event] ?? [`Event ${event}`, []];
  const why = details[detail] ?? `Detail ${detail}`;
  const kind = classify(what, why);
  return kind ? { kind, domain, detail: `${what} ${why}` } : undefined;
}

function classify(what: string, why: string): DomainEventKind | undefined {
  switch (what) {
    case "Started":
      return "started";
    case "Suspended":
      return "paused";
    case "Resumed":
      return "resumed";
    case "Crashed":
      return "crashed";
    case "Stopped":
      if (why === "Shutdown") return "shutdown";
      if (why === "Destroyed") return "destroyed";
      return "crashed"; // Failed (QEMU died), Crashed, and anything else not asked for
    default:
      return undefined;
  }
}
