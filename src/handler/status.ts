/**
 * The handler's share of VMI status as data, and the merge patch that brings the stored status to
 * it. Phases only move forward (a final phase never changes), the Ready condition keeps its
 * lastTransitionTime while its status holds, and nothing is written when nothing changes: the
 * decision can be re-run any number of times.
 */
import type { Condition, GuestInterface, Vmi } from "./observed";

export type Phase = "Pending" | "Scheduling" | "Scheduled" | "Running" | "Succeeded" | "Failed";

export interface ReadyState {
  status: "True" | "False";
  reason?: string;
  message?: string;
}

/** What the handler wants the status to say; absent fields are left alone. */
export interface DesiredStatus {
  phase?: Phase;
  /** status.reason, written together with a phase change. */
  reason?: string;
  ready?: ReadyState;
  /** The domain is paused (the Paused condition, reason PausedByUser as KubeVirt's); undefined leaves it. */
  paused?: boolean;
  interfaces?: GuestInterface[];
}

export interface PhaseTransition {
  phase: string;
  phaseTransitionTimestamp: string;
}

/** The status fields a handler patch writes (arrays whole: a merge patch replaces them). */
export interface StatusPatch {
  phase?: Phase;
  reason?: string;
  conditions?: Condition[];
  interfaces?: GuestInterface[];
  phaseTransitionTimestamps?: PhaseTransition[];
}

const ORDER: Record<string, number> = { Pending: 0, Scheduling: 1, Scheduled: 2, Running: 3, Succeeded: 4, Failed: 4 };

export const isFinal = (phase: string | undefined): boolean => phase === "Succeeded" || phase === "Failed";

/** A phase may replace another only by moving forward; final phases are never replaced. */
export function phaseAdvances(from: string | undefined, to: Phase): boolean {
  if (from === to || isFinal(from)) return false;
  return from === undefined || ORDER[from] === undefined || ORDER[to]! > ORDER[from]!;
}

function readyCondition(current: Condition[], ready: ReadyState, now: string): Condition[] | undefined {
  const old = current.find((c) => c.type === "Ready");
  if (old && old.status === ready.status && old.reason === ready.reason && old.message === ready.message) return undefined;
  const next: Condition = {
    type: "Ready",
    status: ready.status,
    ...(ready.reason !== undefined && { reason: ready.reason }),
    ...(ready.message !== undefined && { message: ready.message }),
    lastTransitionTime: old && old.status === ready.status && old.lastTransitionTime ? old.lastTransitionTime : now,
  };
  return [...current.filter((c) => c.type !== "Ready"), next];
}

/** KubeVirt's Paused condition: present while the domain is paused, gone once it runs again. */
function pausedCondition(current: Condition[], paused: boolean, now: string): Condition[] | undefined {
  const has = current.some((c) => c.type === "Paused");
  if (has === paused) return undefined;
  if (!paused) return current.filter((c) => c.type !== "Paused");
  const condition = { type: "Paused", status: "True", reason: "PausedByUser", message: "VMI was paused by user", lastProbeTime: now, lastTransitionTime: now } as Condition;
  return [...current, condition];
}

function transitions(status: Vmi["status"]): PhaseTransition[] {
  const raw = (status as { phaseTransitionTimestamps?: unknown } | undefined)?.phaseTransitionTimestamps;
  return Array.isArray(raw) ? (raw as PhaseTransition[]) : [];
}

/** The merge patch for `/status` that reaches `desired` from the VMI's stored status; undefined: nothing to write. */
export function statusPatch(vmi: Vmi, desired: DesiredStatus, now: Date): StatusPatch | undefined {
  const status = vmi.status ?? {};
  const stamp = now.toISOString();
  const patch: StatusPatch = {};
  if (desired.phase !== undefined && phaseAdvances(status.phase, desired.phase)) {
    patch.phase = desired.phase;
    if (desired.reason !== undefined) patch.reason = desired.reason;
    patch.phaseTransitionTimestamps = [...transitions(status), { phase: desired.phase, phaseTransitionTimestamp: stamp }];
  }
  // Once final, the status is the controller's history to keep: only the phase rule above applies.
  if (!isFinal(status.phase)) {
    const withReady = desired.ready ? readyCondition(status.conditions ?? [], desired.ready, stamp) : undefined;
    const withPaused = desired.paused !== undefined ? pausedCondition(withReady ?? status.conditions ?? [], desired.paused, stamp) : undefined;
    const conditions = withPaused ?? withReady;
    if (conditions) patch.conditions = conditions;
    if (desired.interfaces && JSON.stringify(desired.interfaces) !== JSON.stringify(status.interfaces ?? [])) {
      patch.interfaces = desired.interfaces;
    }
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}
