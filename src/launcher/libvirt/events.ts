/**
 * Domain lifecycle events. @unraid/libvirt has no event API, so the launcher runs `virsh event --loop`
 * against its own daemon as a child (with a parent-death signal) and parses its lines; libvirt tells
 * there why a domain stopped: "Stopped Shutdown" (guest powered off), "Stopped Destroyed",
 * "Stopped Failed" (QEMU died), "Crashed …" (guest panic).
 */
export type DomainEventKind = "started" | "paused" | "resumed" | "shutdown" | "destroyed" | "crashed";

export interface DomainEvent {
  kind: DomainEventKind;
  domain: string;
  /** libvirt's own words, e.g. "Stopped Failed". */
  detail: string;
}

const LINE = /^event 'lifecycle' for domain '(.+)': (\w+) (.+)$/;

/** One `virsh event` line → event; undefined for lines that are not lifecycle events we act on. */
export function parseVirshEvent(line: string): DomainEvent | undefined {
  const m = LINE.exec(line.trim());
  if (!m) return undefined;
  const [, domain, what, why] = m as unknown as [string, string, string, string];
  const detail = `${what} ${why}`;
  const kind = classify(what, why);
  return kind ? { kind, domain, detail } : undefined;
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
