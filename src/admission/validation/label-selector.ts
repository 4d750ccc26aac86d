import { Cause, LabelSelector } from "../../api";
import { entries, isRecord, text } from "./access";
import { at, cause, quote } from "./rule";

type Labels = Readonly<Record<string, unknown>>;

/** Why a selector cannot be used (Kubernetes' LabelSelectorAsSelector errors). */
export function selectorErrors(selector: LabelSelector, field: string): Cause[] {
  return entries<{ key?: unknown; operator?: unknown; values?: unknown }>(selector.matchExpressions).flatMap(([req, i]): Cause[] => {
    const values = Array.isArray(req.values) ? req.values : [];
    const where = at(field, "matchExpressions", i);
    if ((req.operator === "In" || req.operator === "NotIn") && values.length === 0) return [cause(at(where, "values"), `must not be empty for operator ${req.operator}`)];
    if ((req.operator === "Exists" || req.operator === "DoesNotExist") && values.length > 0) return [cause(at(where, "values"), `must be empty for operator ${req.operator}`)];
    if (!["In", "NotIn", "Exists", "DoesNotExist"].includes(text(req.operator) ?? "")) return [cause(at(where, "operator"), `unknown operator ${quote(req.operator)}; use In, NotIn, Exists or DoesNotExist`)];
    return [];
  });
}

export function isEmptySelector(selector: LabelSelector): boolean {
  const labels = isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels) : [];
  return labels.length === 0 && entries(selector.matchExpressions).length === 0;
}

/** Whether objects with `labels` are selected (call only when `selectorErrors` found none). */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  const wanted = isRecord(selector.matchLabels) ? Object.entries(selector.matchLabels) : [];
  if (!wanted.every(([k, v]) => labels[k] === v)) return false;
  return entries<{ key?: unknown; operator?: unknown; values?: unknown }>(selector.matchExpressions).every(([req]) => {
    const key = text(req.key) ?? "";
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const values = Array.isArray(req.values) ? req.values : [];
    switch (req.operator) {
      case "In": return has && values.includes(labels[key]);
      case "NotIn": return !has || !values.includes(labels[key]);
      case "Exists": return has;
      case "DoesNotExist": return !has;
      default: return false;
    }
  });
}
