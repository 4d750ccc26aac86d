import test from "ava";
import type { DomainPort, DomainStatus } from "../libvirt/port";
import { DomainSupervisor } from "./supervisor";
import { exitCode } from "./outcome";

function fakePort(): DomainPort & { calls: string[]; running: boolean } {
  const port = {
    calls: [] as string[],
    running: true,
    create: async () => undefined,
    shutdown: async (n: string) => void port.calls.push(`shutdown ${n}`),
    destroy: async (n: string) => void port.calls.push(`destroy ${n}`),
    pause: async () => undefined,
    unpause: async () => undefined,
    status: async (): Promise<DomainStatus | undefined> => (port.running ? { state: "running", memoryKiB: 1, vcpus: 1, cpuTimeNs: 1 } : undefined),
    xml: async () => "",
    close: async () => undefined,
  };
  return port;
}

const opts = (grace: number) => ({ gracePeriodSeconds: grace, acpiRepeatMs: 50, pollMs: 20, log: () => undefined });
const ev = (kind: "shutdown" | "crashed" | "destroyed", domain = "d") => ({ kind, domain, detail: kind });

test("guest poweroff → exit 0; events of other domains are ignored", async (t) => {
  const s = new DomainSupervisor(fakePort(), "d", opts(30));
  s.onEvent(ev("crashed", "other"));
  s.onEvent(ev("shutdown"));
  t.is(exitCode(await s.outcome), 0);
});

test("QEMU failure → exit 2", async (t) => {
  const s = new DomainSupervisor(fakePort(), "d", opts(30));
  s.onEvent(ev("crashed"));
  t.like(await s.outcome, { kind: "crashed" });
  t.is(exitCode(await s.outcome), 2);
});

test("shutdown request: ACPI repeated, destroy at the grace deadline → exit 3", async (t) => {
  const port = fakePort();
  const s = new DomainSupervisor(port, "d", opts(0.2));
  s.requestShutdown();
  s.requestShutdown();
  await new Promise((r) => setTimeout(r, 300));
  t.true(port.calls.filter((c) => c === "shutdown d").length >= 2);
  t.true(port.calls.includes("destroy d"));
  s.onEvent(ev("destroyed"));
  t.deepEqual(await s.outcome, { kind: "destroyed", reason: "grace-period-expired" });
  t.is(exitCode(await s.outcome), 3);
});

test("a domain that vanishes without an event is a crash", async (t) => {
  const port = fakePort();
  const s = new DomainSupervisor(port, "d", opts(30));
  s.start();
  port.running = false;
  t.like(await s.outcome, { kind: "crashed", detail: "domain vanished without a stop event" });
});
