import test from "ava";
import { parseVirshEvent, type DomainEventKind } from "./events";

const rows: Array<[string, DomainEventKind | undefined]> = [
  ["event 'lifecycle' for domain 'default_vm': Started Booted", "started"],
  ["event 'lifecycle' for domain 'default_vm': Suspended Paused", "paused"],
  ["event 'lifecycle' for domain 'default_vm': Resumed Unpaused", "resumed"],
  ["event 'lifecycle' for domain 'default_vm': Stopped Shutdown", "shutdown"],
  ["event 'lifecycle' for domain 'default_vm': Stopped Destroyed", "destroyed"],
  ["event 'lifecycle' for domain 'default_vm': Stopped Failed", "crashed"],
  ["event 'lifecycle' for domain 'default_vm': Crashed Panicked", "crashed"],
  ["event 'lifecycle' for domain 'default_vm': Shutdown Finished after guest request", undefined],
  ["event 'reboot' for domain 'default_vm'", undefined],
  ["", undefined],
];

for (const [line, kind] of rows) {
  test(`virsh event line → ${kind ?? "ignored"}: ${line || "(empty)"}`, (t) => {
    const event = parseVirshEvent(line);
    t.is(event?.kind, kind);
    if (event) t.is(event.domain, "default_vm");
  });
}
