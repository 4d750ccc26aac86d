import { hostname } from "node:os";
import { KubeError } from "../kube/client";
import { createObject, getObject, type KubeObject } from "../kube/objects";
import { request } from "../kube/client";
import { resourcePath, RESOURCES } from "../kube/resources";

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
 * Lease's resourceVersion, so two candidates never both win.
 */
export class LeaderElector {
  readonly identity = `${hostname()}-${process.pid}`;
  private leading = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly o: LeaderOptions) {}

  /** Calls onStart once this process leads; if it loses the lease it exits, so nothing acts twice. */
  run(onStart: () => void): void {
    const duration = this.o.durationSeconds ?? 15;
    const tick = async (): Promise<void> => {
      const held = await this.tryHold(duration).catch((err) => {
        this.o.log("leader election: lease update failed", err);
        return false;
      });
      if (held && !this.leading) {
        this.leading = true;
        this.o.log(`leader election: ${this.identity} leads`);
        onStart();
      } else if (!held && this.leading) {
        this.o.log(`leader election: ${this.identity} lost the lease; exiting so a restart starts clean`);
        process.exit(1);
      }
    };
    void tick();
    this.timer = setInterval(() => void tick(), (duration * 1000) / 3);
    this.timer.unref();
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
        if (err instanceof KubeError && err.notFound) await createObject(NAMESPACES, undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name: this.o.namespace } }).catch(() => undefined);
        throw err;
      }
    }
    if (!mayHold(lease.spec, this.identity, now)) return false;
    const taking = lease.spec?.holderIdentity !== this.identity;
    const next = { ...lease, spec: { ...lease.spec, ...spec, ...(taking ? { acquireTime: spec.renewTime, leaseTransitions: (lease.spec?.leaseTransitions ?? 0) + 1 } : {}) } };
    try {
      await request("PUT", resourcePath(RESOURCES.lease, this.o.namespace, this.o.name), next);
      return true;
    } catch (err) {
      if (err instanceof KubeError && err.conflict) return false;
      throw err;
    }
  }
}
