import { Cause } from "../../api";
import { isRecord } from "./access";
import { isPlatformUser } from "./vmi-update";

/*
 * The labels on a VMI that the platform itself sets and acts on, as KubeVirt reserves them: the
 * node agent finds its VMIs by kubevirt.io/nodeName and the controller its launcher pods by
 * kubevirt.io/created-by, so a user who set or changed them could hand a VMI to another node's
 * agent or adopt pods. Only the platform's service accounts may write them.
 */
export const RESERVED_VMI_LABELS: readonly string[] = [
  "kubevirt.io/created-by",
  "kubevirt.io/migrationJobUID",
  "kubevirt.io/nodeName",
  "kubevirt.io/migrationTargetNodeName",
  "kubevirt.io/schedulable",
  "kubevirt.io/install-strategy",
];

function reserved(object: unknown): Record<string, string> {
  const labels = isRecord(object) && isRecord(object.metadata) && isRecord(object.metadata.labels) ? object.metadata.labels : {};
  return Object.fromEntries(Object.entries(labels).filter(([k]) => RESERVED_VMI_LABELS.includes(k)).sort()) as Record<string, string>;
}

const isVmi = (object: unknown): boolean => isRecord(object) && object.kind === "VirtualMachineInstance";

/** KubeVirt's messages, with the labels named and the way out. */
export function reservedVmiLabelsOnCreate(object: unknown, username: string | undefined): Cause[] {
  if (!isVmi(object) || isPlatformUser(username)) return [];
  const found = Object.keys(reserved(object));
  if (found.length === 0) return [];
  return [{ field: `metadata.labels[${found[0]}]`, message: `creation of the following reserved kubevirt.io/ labels on a VMI object is prohibited: ${found.join(", ")}; the platform sets them itself: remove them from the manifest` }];
}

export function reservedVmiLabelsUnchanged(oldObject: unknown, object: unknown, username: string | undefined): Cause[] {
  if (!isVmi(object) || isPlatformUser(username)) return [];
  const [before, after] = [reserved(oldObject), reserved(object)];
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
  if (changed.length === 0) return [];
  return [{ field: `metadata.labels[${changed[0]}]`, message: `modification of the following reserved kubevirt.io/ labels on a VMI object is prohibited: ${changed.join(", ")}; only the platform changes them` }];
}
