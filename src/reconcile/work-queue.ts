/**
 * A keyed, level-based work queue (the shape of client-go's rate-limited workqueue): a key is queued
 * at most once, never processed twice at the same time, re-run once more when it was added while
 * being processed, retried with exponential backoff when processing throws, and re-added for every
 * key a periodic resync lists. A dropped or duplicated watch event therefore never strands or doubles
 * work: the processor re-reads the object's current state for the key and acts on that.
 *
 * Timers come from an injected Clock, so the queue's behaviour is unit-tested without waiting.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What a processing round asks for: nothing more, or another round after a delay. */
export type ProcessResult = void | { requeueAfterMs: number };

export interface WorkQueueOptions {
  process(key: string): Promise<ProcessResult>;
  /** Keys to re-add on every resync (level-based safety net); none: no periodic resync. */
  listKeys?(): Promise<readonly string[]>;
  resyncMs?: number;
  /** Keys processed at the same time (each key is processed by one worker at a time). */
  concurrency?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called with each failure before its retry is scheduled. */
  onError?(key: string, err: unknown, retryInMs: number): void;
  clock?: Clock;
}

/** Exponential backoff for the nth consecutive failure (n ≥ 1), capped. Pure. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly active = new Set<string>();
  /** Keys added again while being processed: they run once more when done. */
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, { at: number; handle: unknown }>();
  private readonly inFlight = new Set<Promise<void>>();
  private resyncHandle: unknown;
  private stopped = false;
  private readonly clock: Clock;

  constructor(private readonly opts: WorkQueueOptions) {
    this.clock = opts.clock ?? realClock;
  }

  /** Starts the periodic resync (if configured); keys added before start are processed right away. */
  start(): void {
    if (this.opts.listKeys && this.opts.resyncMs) this.scheduleResync(this.opts.resyncMs);
  }

  add(key: string): void {
    if (this.stopped) return;
    if (this.active.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.pump();
  }

  /** Adds the key after ms; an earlier pending delay for the same key wins. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const pending = this.delayed.get(key);
    if (pending && pending.at <= at) return;
    if (pending) this.clock.clearTimeout(pending.handle);
    const handle = this.clock.setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, ms);
    this.delayed.set(key, { at, handle });
  }

  /** Forgets a key's failure count (e.g. the object is gone). */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Number of keys waiting (not counting delayed or active ones). */
  get length(): number {
    return this.queue.length;
  }

  /** Stops accepting keys and timers; resolves once the keys being processed are done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.resyncHandle !== undefined) this.clock.clearTimeout(this.resyncHandle);
    for (const { handle } of this.delayed.values()) this.clock.clearTimeout(handle);
    this.delayed.clear();
    this.queue.length = 0;
    this.queued.clear();
    await Promise.all([...this.inFlight]);
  }

  /** Resolves when nothing is queued or active (delayed keys do not count): for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private pump(): void {
    const limit = this.opts.concurrency ?? 1;
    while (!this.stopped && this.active.size < limit && this.queue.length > 0) {
      const key = this.queue.shift()!;
      this.queued.delete(key);
      this.active.add(key);
      const run = this.run(key).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }
  }

  private async run(key: string): Promise<void> {
    let result: ProcessResult;
    try {
      result = await this.opts.process(key);
      this.failures.delete(key);
    } catch (err) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      const delay = backoffMs(n, this.opts.baseDelayMs ?? 500, this.opts.maxDelayMs ?? 60_000);
      this.opts.onError?.(key, err, delay);
      result = { requeueAfterMs: delay };
    }
    this.active.delete(key);
    if (this.dirty.delete(key)) this.add(key);
    else if (result) this.addAfter(key, result.requeueAfterMs);
    this.pump();
  }

  private scheduleResync(ms: number): void {
    this.resyncHandle = this.clock.setTimeout(() => {
      void this.resync().finally(() => !this.stopped && this.scheduleResync(ms));
    }, ms);
  }

  private async resync(): Promise<void> {
    const keys = await this.opts.listKeys!().catch(() => [] as readonly string[]);
    for (const key of keys) this.add(key);
  }
}
