import type { DomainEvent } from "../libvirt/events";
import type { DomainPort } from "../libvirt/port";
import { isNotRunning } from "../libvirt/port";
import type { Outcome } from "./outcome";

export interface SupervisorOptions {
  gracePeriodSeconds: number;
  /** How often to re-send the ACPI request while waiting (a guest still booting misses the first). */
  acpiRepeatMs?: number;
  /** Safety net beside the event stream: how often to check that the domain still exists. */
  pollMs?: number;
  log: (msg: string) => void;
}

/**
 * Watches one running domain until it stops and turns what happened into an Outcome. Learns of
 * stops from libvirt's lifecycle events (see ../libvirt/events.ts); a status poll covers a lost event
 * stream. Shutdown: ACPI request, repeated, then destroy at the grace deadline.
 */
export class DomainSupervisor {
  private settle!: (o: Outcome) => void;
  readonly outcome: Promise<Outcome>;
  private done = false;
  private shutdownAsked = false;
  private destroyReason: "grace-period-expired" | "killed" | undefined;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly port: DomainPort,
    readonly domain: string,
    private readonly opts: SupervisorOptions,
  ) {
    this.outcome = new Promise((resolve) => (this.settle = resolve));
  }

  /** Begins the status poll; call once the domain was created. */
  start(): void {
    const poll = setInterval(() => void this.poll(), this.opts.pollMs ?? 1000);
    this.timers.push(poll);
  }

  onEvent(event: DomainEvent): void {
    if (event.domain !== this.domain) return;
    if (event.kind === "shutdown") this.finish({ kind: "poweroff" });
    else if (event.kind === "crashed") this.finish({ kind: "crashed", detail: event.detail });
    else if (event.kind === "destroyed") this.finish({ kind: "destroyed", reason: this.destroyReason ?? "external" });
  }

  /** ACPI shutdown now, destroy when the grace period is over. Idempotent. */
  requestShutdown(): void {
    if (this.done || this.shutdownAsked) return;
    this.shutdownAsked = true;
    const grace = this.opts.gracePeriodSeconds;
    this.opts.log(`asking ${this.domain} for an ACPI shutdown, destroying it in ${grace}s if it is still running`);
    const ask = (): void => void this.port.shutdown(this.domain).catch((err: unknown) => this.ignoreIfStopped(err));
    ask();
    this.timers.push(setInterval(ask, this.opts.acpiRepeatMs ?? 5000));
    this.timers.push(setTimeout(() => this.kill("grace-period-expired"), grace * 1000));
  }

  kill(reason: "grace-period-expired" | "killed" = "killed"): void {
    if (this.done) return;
    this.destroyReason ??= reason;
    this.opts.log(`destroying ${this.domain} (${reason})`);
    void this.port.destroy(this.domain).catch((err: unknown) => this.ignoreIfStopped(err));
  }

  private async poll(): Promise<void> {
    if (this.done) return;
    const status = await this.port.status(this.domain).catch(() => undefined);
    if (status !== undefined || this.done) return;
    // Gone without an event yet: give the event stream a moment to say why, then call it a crash.
    setTimeout(() => this.finish({ kind: "crashed", detail: "domain vanished without a stop event" }), 2000).unref();
  }

  private ignoreIfStopped(err: unknown): void {
    if (!isNotRunning(err)) this.opts.log(`${(err as Error).message}`);
  }

  private finish(outcome: Outcome): void {
    if (this.done) return;
    this.done = true;
    for (const t of this.timers) clearInterval(t);
    this.settle(outcome);
  }
}
