import test from "ava";
import { lifecycleEvent, type DomainEventKind } from "./events";

// [virDomainEventType, detail, kind, the words virsh prints]
const rows: Array<[number, number, DomainEventKind | undefined, string]> = [
  [2, 0, "started", "Started Booted"],
  [3, 0, "paused", "Suspended Paused"],
  [4, 0, "resumed", "Resumed Unpaused"],
  [5, 0, "shutdown", "Stopped Shutdown"],
  [5, 1, "destroyed", "Stopped Destroyed"],
  [5, 5, "crashed", "Stopped Failed"],
  [8, 0, "crashed", "Crashed Panicked"],
  [6, 1, undefined, "Shutdown Finished after guest request"],
  [0, 0, undefined, "Defined Added"],
  [42, 0, undefined, "Event 42 Detail 0"],
];

for (const [event, detail, kind, words] of rows) {
  test(`lifecycle event ${event}/${detail} (${words}) → ${kind ?? "ignored"}`, (t) => {
    const e = lifecycleEvent("default_vm", event, detail);
    t.is(e?.kind, kind);
    if (e) t.deepEqual(e, { kind: e.kind, domain: "default_vm", detail: words });
  });
}

test("a detail libvirt added later still stops as a crash, with its number", (t) => {
  t.deepEqual(lifecycleEvent("vm", 5, 99), { kind: "crashed", domain: "vm", detail: "Stopped Detail 99" });
});
