import type { Condition } from "../api";

/** The list with `next` set in place of its type; lastTransitionTime moves only when the status changes. */
export function setCondition(list: Condition[] | undefined, next: Omit<Condition, "lastTransitionTime" | "lastProbeTime">, now: string): Condition[] {
  const current = (list ?? []).find((c) => c.type === next.type);
  const lastTransitionTime = current?.status === next.status && current.lastTransitionTime ? current.lastTransitionTime : now;
  const merged: Condition = { ...next, lastProbeTime: undefined, lastTransitionTime };
  if (merged.lastProbeTime === undefined) delete merged.lastProbeTime;
  if (!current) return [...(list ?? []), merged];
  return (list ?? []).map((c) => (c.type === next.type ? merged : c));
}

export function removeCondition(list: Condition[] | undefined, type: string): Condition[] {
  return (list ?? []).filter((c) => c.type !== type);
}

export const findCondition = (list: Condition[] | undefined, type: string): Condition | undefined => (list ?? []).find((c) => c.type === type);
