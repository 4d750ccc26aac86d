import { hostname } from "node:os";
import { KubeError } from "../kube/client";
import { applyObject, createObject, getObject, type KubeObject } from "../kube/objects";
import { FIELD_MANAGER } from "./install";
import { request } from "../kube/client";
import { resourcePath, RESOURCES } from "../kube/resources";
import { electionTimings, leaderAction, type LeaderState, type RenewOutcome } from "./leader-decision";

const NAMESPACES = { group: "", version: "v1", plural: "namespaces", namespaced: false } as const;

/** A coordination.k8s.io Lease's spec. */
interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  renewTime?: string;
  acquireTime?: string;
  leaseTransitions?: number;
}
type Lease = KubeObject & { spec?: LeaseSpec };

export interface LeaderOptions {
  namespace: string;
  name: string;
  durationSeconds?: number;
  log: (message: string, err?: unknown) => void;
}

/** Whether `identity` may take or keep the lease at `now` (pure). */
export function mayHold(spec: LeaseSpec | undefined, identity: string, now: Date): boolean {
  if (!spec?.holderIdentity || spec.holderIdentity === identity) return true;
  const renewed = Date.parse(spec.renewTime ?? spec.acquireTime ?? "");
  return !Number.isFinite(renewed) || now.getTime() - renewed > (spec.leaseDurationSeconds ?? 15) * 1000;
}

/**
 * Leader election over a Lease, as client-go's: one virt-controller acts at a time, even while a
 * rolling update or `pepr dev` next to a deployed watcher runs two. Writes are guarded by the
 * Lease's resourceVersion, so two candidates never both win. What to do after each attempt is
 * leader-decision.ts's (pure): failed renewals are ridden out until the renew deadline.
 */
export class LeaderElector {
  readonly identity = `${hostname()}-${process.pid}`;
  private state: LeaderState = { leading: false };
  private inFlight = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly o: LeaderOptions) {}

  /**
   * Calls onStart once this process leads. Once it must stop (another holds the lease, or no renewal
   * got through before the renew deadline) it calls onStop, then exits so a restart starts clean —
   * after an outage only once the API server answers again, so the pod does not crash-loop meanwhile.
   */
  run(onStart: () => void, onStop: () => void = () => undefined): void {
    const duration = this.o.durationSeconds ?? 15;
    const { renewDeadlineMs, retryMs } = electionTimings(duration);
    const tick = async (): Promise<void> => {
      // A renewal still waiting for its answer counts as failed: a silent API server must not
      // keep this process acting past its deadline.
      const outcome: RenewOutcome = this.inFlight ? "failed" : await this.attempt(duration);
      if (this.stopped) return;
      const action = leaderAction(this.state, outcome, Date.now(), renewDeadlineMs);
      if (action === "start") {
        this.state = { ...this.state, leading: true };
        this.o.log(`leader election: ${this.identity} leads`);
        onStart();
      } else if (action === "step-down") {
        clearInterval(this.timer);
        this.stopped = true;
        onStop();
        this.o.log(`leader election: ${this.identity} ${outcome === "lost" ? "lost the lease" : `renewed nothing for ${renewDeadlineMs / 1000} s`}; stopped acting, exiting once the API server answers`);
        await untilApiAnswers(retryMs);
        process.exit(1);
      }
    };
    void tick();
    this.timer = setInterval(() => void tick(), retryMs);
    this.timer.unref();
  }

  private async attempt(duration: number): Promise<RenewOutcome> {
    this.inFlight = true;
    try {
      const held = await this.tryHold(duration);
      if (held) this.state = { ...this.state, lastRenewMs: Date.now() };
      return held ? "held" : "lost";
    } catch (err) {
      this.o.log("leader election: lease update failed", err);
      return "failed";
    } finally {
      this.inFlight = false;
    }
  }

  private async tryHold(duration: number): Promise<boolean> {
    const now = new Date();
    const lease = await getObject<Lease>(RESOURCES.lease, this.o.namespace, this.o.name);
    const spec: LeaseSpec = { holderIdentity: this.identity, leaseDurationSeconds: duration, renewTime: now.toISOString().replace("Z", "000Z") };
    if (!lease) {
      try {
        await createObject(RESOURCES.lease, this.o.namespace, { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: this.o.name, namespace: this.o.namespace }, spec: { ...spec, acquireTime: spec.renewTime, leaseTransitions: 0 } });
        return true;
      } catch (err) {
        if (err instanceof KubeError && err.conflict) return false;
        // A new cluster: the platform's namespace comes with the components, after the lease.
        // Applied (by name: the module's RBAC grants create and patch of this namespace only).
        if (err instanceof KubeError && err.notFound) await applyObject(NAMESPACES, undefined, this.o.namespace, { apiVersion: "v1", kind: "Namespace", metadata: { name: this.o.namespace } }, FIELD_MANAGER).catch(() => undefined);
        throw err;
      }
    }
    if (!mayHold(lease.spec, this.identity, now)) return false;
    const taking = lease.spec?.holderIdentity !== this.identity;
    const next = { ...lease, spec: { ...lease.spec, ...spec, ...(taking ? { acquireTime: spec.renewTime, leaseTransitions: (lease.spec?.leaseTransitions ?? 0) + 1 } : {}) } };
    // A 409 (someone wrote the lease since it was read) is no proof that another holds it: it
    // throws, a failed attempt as client-go counts it, and the next attempt re-reads.
    await request("PUT", resourcePath(RESOURCES.lease, this.o.namespace, this.o.name), next);
    return true;
  }
}

/** Resolves once the API server answers /readyz (readable by every client, even unauthenticated). */
async function untilApiAnswers(retryMs: number): Promise<void> {
  for (;;) {
    const answered = await request("GET", "/readyz").then(() => true, () => false);
    if (answered) return;
    await new Promise((r) => setTimeout(r, retryMs));
  }
}
