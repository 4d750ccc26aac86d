/**
 * One reconcile round for one VMI key ("namespace/name"): re-read the VMI and its launcher pod,
 * ask the launcher, decide (./decide.ts, pure), then carry the decision out: launcher commands,
 * the status patch (with its transition events), extra events. Errors reject: the work queue
 * retries the key with backoff. The round is safe to repeat at any time.
 */
import type { HandlerCluster } from "./cluster";
import { decide, type Command } from "./decide";
import type { Launchers } from "./launchers";
import { errorText, type Logger } from "./log";
import { vmiMeta, type Observed, type PodView, type Vmi } from "./observed";
import { launcherPodView } from "./pod-view";
import { isFinal, statusPatch } from "./status";
import { transitionEvents, type EventSpec } from "./transition-events";
import type { PodNetworkPort } from "./network/setup";

/** What a round needs of the launcher connections (./launchers.ts); a fake in the unit test. */
export type LauncherPort = Pick<Launchers, "view" | "sync" | "command" | "forgetVmi" | "firstReport"> & Partial<Pick<Launchers, "failSync">>;

export interface ReconcilerDeps {
  nodeName: string;
  cluster: HandlerCluster;
  launchers: LauncherPort;
  log: Logger;
  /** Builds each launcher pod's network before its first sync (./network/); none: VMs get no NIC set-up. */
  network?: PodNetworkPort;
  now?: () => Date;
}

/** What a round asks for: nothing more, or another round after a delay. */
export type ProcessResult = void | { requeueAfterMs: number };

export const vmiKey = (namespace: string, name: string): string => `${namespace}/${name}`;

export function onNode(vmi: Vmi, nodeName: string): boolean {
  return vmi.status?.nodeName === nodeName || vmiMeta(vmi).labels?.["kubevirt.io/nodeName"] === nodeName;
}

export async function reconcileVmi(deps: ReconcilerDeps, key: string): Promise<ProcessResult> {
  const [namespace, name] = key.split("/") as [string, string];
  const vmi = await deps.cluster.getVmi(namespace, name);
  if (!vmi || !onNode(vmi, deps.nodeName) || isFinal(vmi.status?.phase)) {
    deps.launchers.forgetVmi(key);
    deps.network?.forgetVmi?.(key);
    return;
  }
  const observed = await observe(deps, key, vmi);
  deps.launchers.forgetVmi(key, observed.pod?.uid);
  deps.network?.forgetVmi?.(key, observed.pod?.uid);
  const decision = decide(observed);
  for (const command of decision.commands) {
    const again = await run(deps, key, observed, command);
    if (again) return again;
  }
  if (decision.status) {
    const patch = statusPatch(vmi, decision.status, observed.now);
    if (patch) {
      if (!(await deps.cluster.patchVmiStatus(vmi, patch))) return { requeueAfterMs: 0 }; // changed meanwhile: decide again
      deps.log("status updated", { vmi: key, phase: patch.phase, ready: patch.conditions?.find((c) => c.type === "Ready")?.status });
      await record(deps, vmi, transitionEvents(vmi.status, patch));
    }
  }
  const pod = observed.pod;
  await record(deps, vmi, (decision.events ?? []).filter((e) => pod && deps.launchers.firstReport(pod.uid, key, e.reason)));
  return decision.requeueAfterMs !== undefined ? { requeueAfterMs: decision.requeueAfterMs } : undefined;
}

async function observe(deps: ReconcilerDeps, key: string, vmi: Vmi): Promise<Observed> {
  const m = vmiMeta(vmi);
  const view = launcherPodView(await deps.cluster.launcherPods(m.namespace, m.uid), deps.nodeName);
  // A failed look into the pod only leaves the MAC unknown for this round.
  const guestMac = view?.computeRunning ? await deps.network?.guestMac?.(view.uid, vmi).catch(() => undefined) : undefined;
  const pod = view && guestMac ? { ...view, guestMac } : view;
  const launcher = pod ? await deps.launchers.view(pod.uid, key, pod.computeRunning) : undefined;
  return { vmi, pod, launcher, now: deps.now?.() ?? new Date() };
}

/** Carries out one command; a result means "stop this round and look again". */
async function run(deps: ReconcilerDeps, key: string, o: Observed, command: Command): Promise<ProcessResult> {
  const pod = o.pod as PodView; // decide only commands a launcher it can reach
  deps.log(`launcher command: ${command}`, { vmi: key, pod: pod.name });
  if (command !== "sync") return deps.launchers.command(pod.uid, key, command);
  try {
    await deps.network?.setup(pod.uid, o.vmi).catch((err: unknown) => {
      // A failed set-up step fails the VMI as a refused sync does (the message names the step).
      if ((err as { code?: string }).code === "failed") deps.launchers.failSync?.(pod.uid, key, (err as Error).message, "PodNetworkSetupFailed");
      throw err;
    });
    await deps.launchers.sync(pod.uid, key, { vmi: o.vmi });
  } catch (err) {
    deps.log("sync failed", { vmi: key, error: errorText(err) });
    if ((err as { code?: string }).code === "failed") return { requeueAfterMs: 0 }; // the next round writes Failed
    throw err;
  }
  return { requeueAfterMs: 0 };
}

async function record(deps: ReconcilerDeps, vmi: Vmi, events: EventSpec[]): Promise<void> {
  for (const e of events) {
    // An event is a report, not state: losing one must not fail or repeat the round.
    await deps.cluster.recordEvent(vmi, e).catch((err: unknown) => deps.log("recording an event failed", { reason: e.reason, error: errorText(err) }));
  }
}
