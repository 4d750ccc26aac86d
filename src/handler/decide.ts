/**
 * The node agent's decision for one VMI (pure): from what it observes (./observed.ts) to the commands
 * for the launcher, the status it wants and when to look again. Level-based: the same observation
 * always gives the same decision, so a repeated or late round is harmless, and after a handler
 * restart a running launcher is only re-adopted: no command here ever stops a VM that is not being
 * deleted.
 */
import type { DomainInfo } from "../launcher/command/protocol";
import { podNetworkInterfaces } from "./interfaces";
import { vmiMeta, type DomainStop, type LauncherView, type Observed, type PodView } from "./observed";
import { isFinal, type DesiredStatus } from "./status";
import type { EventSpec } from "./transition-events";

export type Command = "sync" | "shutdown" | "kill";

export interface Decision {
  commands: Command[];
  status?: DesiredStatus;
  /** Events not tied to a status transition (those come from ./transition-events.ts). */
  events?: EventSpec[];
  requeueAfterMs?: number;
}

/** KubeVirt's default when a VMI does not say (admission normally fills it in). */
export const DEFAULT_GRACE_SECONDS = 30;
/** How soon to look again while waiting for the pod or the launcher's socket (watches usually come first). */
export const WAIT_MS = 2_000;

const none: Decision = { commands: [] };

export function decide(o: Observed): Decision {
  const phase = o.vmi.status?.phase;
  if (isFinal(phase)) return none;
  const launcher = o.launcher;
  if (launcher?.stopped) return stopped(o, launcher.stopped);
  if (launcher?.syncError !== undefined) {
    const reason = launcher.syncReason ?? "SyncFailed";
    return { commands: [], status: { phase: "Failed", reason, ready: { status: "False", reason, message: launcher.syncError } } };
  }
  if (vmiMeta(o.vmi).deletionTimestamp !== undefined) return terminating(o, launcher);
  // Checked after the event stream's word (launcher.stopped), which is sent before the launcher exits.
  if (o.pod?.computeExit && (phase === "Running" || startable(o))) return ended(exitOutcome(o.pod.computeExit, o.pod.deleting));
  if (!o.pod?.computeRunning) return startable(o) ? { commands: [], requeueAfterMs: WAIT_MS } : none;
  if (!launcher) return { commands: [], requeueAfterMs: WAIT_MS };
  if (!launcher.domain) {
    // Only a VMI not yet running is started: a Running one without a domain has ended, and the
    // event stream or the compute container's exit tells how. Never start it twice.
    return startable(o) ? { commands: ["sync"], requeueAfterMs: 0 } : none;
  }
  return running(o, launcher.domain);
}

/**
 * Scheduled, or Scheduling with a node name: a controller that read a stale pod may step a Scheduled
 * VMI back for a moment, and its pod on this node with a running compute container is what counts.
 */
function startable(o: Observed): boolean {
  const phase = o.vmi.status?.phase;
  return phase === "Scheduled" || (phase === "Scheduling" && o.vmi.status?.nodeName !== undefined);
}

function running(o: Observed, domain: DomainInfo): Decision {
  const interfaces = podNetworkInterfaces(o.vmi, o.pod?.podIPs ?? [], o.pod?.guestMac);
  const base: DesiredStatus = { phase: "Running", interfaces, paused: domain.state === "paused" };
  if (o.pod?.deleting) return { commands: [], status: { ...base, ready: { status: "False", reason: "ShuttingDown", message: "The launcher pod is being deleted." } } };
  switch (domain.state) {
    case "running":
      return { commands: [], status: { ...base, ready: { status: "True" } } };
    case "paused":
      return { commands: [], status: { ...base, ready: { status: "False", reason: "Paused", message: "The guest is paused." } } };
    case "shutdown":
      return { commands: [], status: { ...base, ready: { status: "False", reason: "ShuttingDown", message: "The guest is shutting down." } } };
    default:
      // shutoff/crashed: the stop event is on its way; look again if it got lost.
      return { commands: [], status: base, requeueAfterMs: WAIT_MS };
  }
}

/** The VMI is being deleted: ACPI shutdown, then destroy once terminationGracePeriodSeconds have passed. */
function terminating(o: Observed, launcher: LauncherView | undefined): Decision {
  if (!launcher?.domain) return none; // nothing runs (or the launcher is gone): the controller deletes the pod
  const grace = o.vmi.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const deadline = Date.parse(vmiMeta(o.vmi).deletionTimestamp!) + grace * 1000;
  const left = deadline - o.now.getTime();
  const ready = { status: "False", reason: "ShuttingDown", message: "Signaled Graceful Shutdown" } as const;
  if (left > 0) return { commands: ["shutdown"], status: { ready }, requeueAfterMs: left };
  return {
    commands: ["kill"],
    status: { ready },
    events: [{ type: "Warning", reason: "Killed", message: `The guest did not shut down within ${grace}s: destroying it.` }],
    requeueAfterMs: WAIT_MS,
  };
}

/** How a VMI ended: its final phase, status.reason and the Ready condition's message. */
export interface EndOutcome {
  phase: "Succeeded" | "Failed";
  reason: string;
  message: string;
}

const ended = (outcome: EndOutcome): Decision => ({
  commands: [],
  status: { phase: outcome.phase, reason: outcome.reason, ready: { status: "False", reason: outcome.reason, message: outcome.message } },
});

/** The domain ended: Succeeded when it was shut down as asked (or by the guest), Failed otherwise. */
function stopped(o: Observed, stop: DomainStop): Decision {
  const deleting = vmiMeta(o.vmi).deletionTimestamp !== undefined;
  return ended(stopOutcome(stop, deleting, o.pod?.deleting ?? false));
}

/**
 * The launcher ended without this handler hearing how its domain stopped: it was killed, its libvirtd
 * died, or this handler was restarting when the stop event went out. Its exit code says how
 * (../launcher/lifecycle/outcome.ts); any other code (a signal's 128+n) is a launcher that died.
 * Without this the VMI would stay Running for ever: the pod runs on (its other containers live).
 */
export function exitOutcome(exit: NonNullable<PodView["computeExit"]>, podDeleting: boolean): EndOutcome {
  const detail = `virt-launcher exited with code ${exit.exitCode}${exit.message ? `: ${exit.message}` : ""}`;
  if (podDeleting) return { phase: "Failed", reason: "LauncherPodDeleted", message: `The launcher pod was deleted (${detail}).` };
  switch (exit.exitCode) {
    case 0:
      return { phase: "Succeeded", reason: "GuestShutdown", message: `The VirtualMachineInstance was shut down (${detail}).` };
    case 2:
      return { phase: "Failed", reason: "QEMUCrashed", message: `The VirtualMachineInstance crashed (${detail}).` };
    case 3:
      return { phase: "Failed", reason: "Destroyed", message: `The guest was destroyed (${detail}).` };
    default:
      return { phase: "Failed", reason: "LauncherExited", message: `The launcher ended before its guest did (${detail}).` };
  }
}

export function stopOutcome(stop: DomainStop, vmiDeleting: boolean, podDeleting: boolean): EndOutcome {
  if (stop.kind === "crashed") return { phase: "Failed", reason: "QEMUCrashed", message: `The VirtualMachineInstance crashed (${stop.detail}).` };
  if (vmiDeleting) return { phase: "Succeeded", reason: "Deleted", message: `The VirtualMachineInstance was shut down for its deletion (${stop.detail}).` };
  if (podDeleting) return { phase: "Failed", reason: "LauncherPodDeleted", message: `The launcher pod was deleted (${stop.detail}).` };
  if (stop.kind === "shutdown") return { phase: "Succeeded", reason: "GuestShutdown", message: "The VirtualMachineInstance was shut down." };
  return { phase: "Failed", reason: "Destroyed", message: `The guest was destroyed (${stop.detail}).` };
}
