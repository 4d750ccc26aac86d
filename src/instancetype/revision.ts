import type { Matcher } from "./matcher";

/** Labels KubeVirt puts on the ControllerRevision of an instancetype or preference. */
export const REVISION_LABELS = {
  generation: "instancetype.kubevirt.io/object-generation",
  kind: "instancetype.kubevirt.io/object-kind",
  name: "instancetype.kubevirt.io/object-name",
  uid: "instancetype.kubevirt.io/object-uid",
  version: "instancetype.kubevirt.io/object-version",
} as const;

export interface StatusRef {
  name?: string;
  kind?: string;
  controllerRevisionRef?: { name?: string };
  inferFromVolume?: string;
  inferFromVolumeFailurePolicy?: string;
}

export interface StoredObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; uid?: string; generation?: number; resourceVersion?: string; [k: string]: unknown };
  spec?: unknown;
}

interface Vm {
  metadata: { name: string; namespace?: string; uid?: string };
}

const VERSION = "v1beta1";

/** KubeVirt's revision name: `<vm>-<object>-<version>-<object uid>-<object generation>`. */
export const revisionName = (vmName: string, obj: StoredObject): string =>
  `${vmName}-${obj.metadata.name}-${VERSION}-${obj.metadata.uid ?? ""}-${obj.metadata.generation ?? 0}`;

/**
 * The ControllerRevision that freezes the object for the VM: the object with its bookkeeping
 * metadata dropped, owned by the VM (garbage-collected with it), labelled as KubeVirt does.
 */
export function controllerRevisionFor(vm: Vm, obj: StoredObject): Record<string, unknown> {
  const { name, uid, generation } = obj.metadata;
  const data = { apiVersion: `instancetype.kubevirt.io/${VERSION}`, kind: obj.kind, metadata: { name, uid, generation, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}) }, spec: obj.spec };
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: {
      name: revisionName(vm.metadata.name, obj),
      namespace: vm.metadata.namespace,
      ownerReferences: [{ apiVersion: "kubevirt.io/v1", kind: "VirtualMachine", name: vm.metadata.name, uid: vm.metadata.uid, controller: true, blockOwnerDeletion: true }],
      labels: {
        [REVISION_LABELS.generation]: String(generation ?? 0),
        [REVISION_LABELS.kind]: obj.kind ?? "",
        [REVISION_LABELS.name]: name,
        [REVISION_LABELS.uid]: uid ?? "",
        [REVISION_LABELS.version]: VERSION,
      },
    },
    data,
    revision: 1,
  };
}

/**
 * The VM's status reference after looking at its matcher (KubeVirt's syncStatusWithMatcher): a
 * changed name, kind or volume drops the recorded revision; a revisionName in the matcher wins.
 * `needsRevision`: no revision is recorded, so the live object must be frozen now.
 */
export function syncStatusRef(matcher: Matcher, current: StatusRef | undefined): { ref: StatusRef; needsRevision: boolean } {
  const ref: StatusRef = structuredClone(current ?? {});
  let changed = false;
  for (const f of ["name", "kind", "inferFromVolume"] as const) {
    if (matcher[f] && matcher[f] !== ref[f]) {
      ref[f] = matcher[f];
      changed = true;
    }
  }
  if (changed) delete ref.controllerRevisionRef;
  if (matcher.revisionName && ref.controllerRevisionRef?.name !== matcher.revisionName) ref.controllerRevisionRef = { name: matcher.revisionName };
  return { ref, needsRevision: !ref.controllerRevisionRef?.name };
}

/** The spec a revision froze, if the revision is for the object the matcher names. */
export function specFromRevision<T>(revision: { metadata?: { labels?: Record<string, string> }; data?: unknown }, objectName: string | undefined): T | undefined {
  const labelled = revision.metadata?.labels?.[REVISION_LABELS.name];
  if (labelled !== undefined && objectName !== undefined && labelled !== objectName) return undefined;
  const data = revision.data as { spec?: T } | undefined;
  return data?.spec;
}
