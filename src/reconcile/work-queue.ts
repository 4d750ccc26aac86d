/**
 * A level-based work queue, as client-go's: keys (not events) are queued, so a burst of events for one
 * object becomes one run that re-reads the object; one key never runs twice at once; a key added
 * while it runs runs again afterwards; a failing run is retried with exponential backoff. Pepr drops
 * a throwing watch callback and may deliver duplicates, so reconcilers enqueue here instead of acting
 * in the callback.
 */
export interface WorkQueueOptions<K> {
  handle: (key: K) => Promise<void>;
  log?: (message: string, err?: unknown) => void;
  /** First retry delay after a failure; doubles per consecutive failure up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How many keys run at once. */
  concurrency?: number;
}

export class WorkQueue<K> {
  private readonly queued: K[] = [];
  private readonly queuedSet = new Set<K>();
  private readonly running = new Set<K>();
  /** Keys added while running: run again when the current run ends. */
  private readonly dirty = new Set<K>();
  private readonly failures = new Map<K, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private started = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: WorkQueueOptions<K>) {}

  start(): void {
    this.started = true;
    this.pump();
  }

  stop(): void {
    this.started = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  add(key: K): void {
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.queuedSet.has(key)) return;
    this.queuedSet.add(key);
    this.queued.push(key);
    this.pump();
  }

  addAfter(key: K, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.add(key);
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  get length(): number {
    return this.queued.length + this.running.size;
  }

  /** Resolves when nothing is queued or running (tests, benchmarks). */
  idle(): Promise<void> {
    if (this.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    while (this.started && this.running.size < limit && this.queued.length > 0) {
      const key = this.queued.shift() as K;
      this.queuedSet.delete(key);
      this.running.add(key);
      void this.run(key);
    }
    if (this.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async run(key: K): Promise<void> {
    try {
      await this.options.handle(key);
      this.failures.delete(key);
    } catch (err) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      const delay = Math.min((this.options.baseBackoffMs ?? 500) * 2 ** (n - 1), this.options.maxBackoffMs ?? 30_000);
      this.options.log?.(`${String(key)}: failed (attempt ${n}), retrying in ${delay} ms`, err);
      this.addAfter(key, delay);
    } finally {
      this.running.delete(key);
      if (this.dirty.delete(key)) this.add(key);
      this.pump();
    }
  }
}
