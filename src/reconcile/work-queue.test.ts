import test from "ava";
import { WorkQueue } from "./work-queue";

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

test("a key added many times while queued runs once", async (t) => {
  const runs: string[] = [];
  const q = new WorkQueue<string>({ handle: async (k) => void runs.push(k) });
  q.add("a");
  q.add("a");
  q.add("b");
  q.start();
  await q.idle();
  t.deepEqual(runs, ["a", "b"]);
});

test("a key added while it runs runs again afterwards, never concurrently", async (t) => {
  // The first run waits on a gate the test opens, so the adds below land while it runs whatever the
  // machine's load (a timer-based version failed under CI load).
  let active = 0;
  let maxActive = 0;
  let runs = 0;
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let firstStarted!: () => void;
  const started = new Promise<void>((r) => (firstStarted = r));
  const q = new WorkQueue<string>({
    handle: async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs++;
      if (runs === 1) {
        firstStarted();
        await gate;
      }
      active--;
    },
  });
  q.start();
  q.add("a");
  await started;
  q.add("a");
  q.add("a");
  open();
  await q.idle();
  t.is(runs, 2);
  t.is(maxActive, 1);
});

test("a failing run is retried with backoff until it succeeds", async (t) => {
  let attempts = 0;
  const logged: string[] = [];
  const q = new WorkQueue<string>({
    handle: async () => {
      attempts++;
      if (attempts < 3) throw new Error("conflict");
    },
    baseBackoffMs: 2,
    log: (m) => logged.push(m),
  });
  q.start();
  q.add("x");
  for (let i = 0; i < 2000 && attempts < 3; i++) await tick();
  t.is(attempts, 3);
  t.is(logged.length, 2);
  t.regex(logged[0]!, /x: failed \(attempt 1\)/);
  q.stop();
});

test("nothing runs before start", async (t) => {
  let runs = 0;
  const q = new WorkQueue<string>({ handle: async () => void runs++ });
  q.add("a");
  await tick();
  t.is(runs, 0);
  q.start();
  await q.idle();
  t.is(runs, 1);
});
