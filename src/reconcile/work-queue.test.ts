import test from "ava";
import { WorkQueue, backoffMs, type Clock, type ProcessResult, type WorkQueueOptions } from "./work-queue";

/** A clock whose time moves only when the test says so. */
class FakeClock implements Clock {
  private t = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  now = (): number => this.t;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((x) => x.id !== handle);
  };
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const until = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.fn();
    }
    this.t = until;
  }
  get pending(): number {
    return this.timers.length;
  }
}

function setup(process: (key: string) => Promise<ProcessResult>, extra: Partial<WorkQueueOptions> = {}): { q: WorkQueue; clock: FakeClock } {
  const clock = new FakeClock();
  return { q: new WorkQueue({ process, clock, baseDelayMs: 100, maxDelayMs: 1000, ...extra }), clock };
}

const backoffTable: Array<[number, number]> = [[1, 100], [2, 200], [3, 400], [4, 800], [5, 1000], [30, 1000]];
for (const [failures, expected] of backoffTable) {
  test(`backoff after ${failures} failures is ${expected} ms`, (t) => {
    t.is(backoffMs(failures, 100, 1000), expected);
  });
}

test("a key added several times while waiting is processed once", async (t) => {
  const seen: string[] = [];
  const { q } = setup(async (k) => void seen.push(k), { concurrency: 1 });
  q.add("busy"); // the one worker is busy with it, so the next adds wait
  q.add("a");
  q.add("b");
  q.add("b");
  q.add("a");
  await q.idle();
  t.deepEqual(seen, ["busy", "a", "b"]);
});

test("a key added while it is processed runs once more afterwards, never concurrently", async (t) => {
  let running = 0;
  let maxRunning = 0;
  let calls = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const { q } = setup(async () => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    calls++;
    if (calls === 1) await gate;
    running--;
  }, { concurrency: 4 });
  q.add("a");
  await Promise.resolve();
  q.add("a");
  q.add("a");
  release();
  await q.idle();
  t.is(calls, 2);
  t.is(maxRunning, 1);
});

test("different keys run concurrently up to the limit", async (t) => {
  let running = 0;
  let maxRunning = 0;
  const { q } = setup(async () => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise((r) => setImmediate(r));
    running--;
  }, { concurrency: 2 });
  for (const k of ["a", "b", "c", "d"]) q.add(k);
  await q.idle();
  t.is(maxRunning, 2);
});

test("a failing key is retried with growing backoff and its count resets on success", async (t) => {
  const outcomes = [false, false, true, false];
  const retries: number[] = [];
  const { q, clock } = setup(async () => {
    if (!outcomes.shift()) throw new Error("boom");
  }, { onError: (_k, _e, ms) => retries.push(ms) });
  q.add("a");
  await q.idle();
  clock.advance(100);
  await q.idle();
  clock.advance(200);
  await q.idle();
  t.deepEqual(retries, [100, 200]);
  t.is(outcomes.length, 1);
  q.add("a");
  await q.idle();
  t.deepEqual(retries, [100, 200, 100], "the count started over after the success");
});

test("requeueAfterMs re-adds the key after that delay, the earliest delay wins", async (t) => {
  let calls = 0;
  const { q, clock } = setup(async () => {
    calls++;
    return calls === 1 ? { requeueAfterMs: 500 } : undefined;
  });
  q.add("a");
  await q.idle();
  q.addAfter("a", 800);
  q.addAfter("a", 50);
  t.is(clock.pending, 1);
  clock.advance(49);
  await q.idle();
  t.is(calls, 1);
  clock.advance(1);
  await q.idle();
  t.is(calls, 2);
});

test("resync re-adds every listed key periodically", async (t) => {
  const seen: string[] = [];
  const { q, clock } = setup(async (k) => void seen.push(k), { listKeys: async () => ["x", "y"], resyncMs: 1000 });
  q.start();
  clock.advance(999);
  await q.idle();
  t.deepEqual(seen, []);
  clock.advance(1);
  await new Promise((r) => setImmediate(r));
  await q.idle();
  t.deepEqual(seen, ["x", "y"]);
  await q.stop();
  t.is(clock.pending, 0, "stop clears the resync timer");
});

test("stop waits for active keys and ignores later adds", async (t) => {
  const seen: string[] = [];
  const { q } = setup(async (k) => {
    await new Promise((r) => setImmediate(r));
    seen.push(k);
  });
  q.add("a");
  q.add("b");
  await q.stop();
  q.add("c");
  await q.idle();
  t.deepEqual(seen, ["a"]);
});
