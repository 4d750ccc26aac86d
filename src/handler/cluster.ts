/**
 * The node agent's calls to the Kubernetes API (the shared client in src/kube), behind a narrow port
 * the reconciler uses. Status writes are JSON merge patches on /status carrying the resourceVersion
 * the decision was made from: a concurrent writer (the controller) makes them conflict, and the key
 * is simply processed again from the new state.
 */
import { KubeError } from "../kube/client";
import { recordEvent } from "../kube/events";
import { getObject, listObjects, mergePatch, type KubeObject } from "../kube/objects";
import { RESOURCES } from "../kube/resources";
import { LABELS, LAUNCHER } from "../controller/labels";
import type { PodLike } from "./pod-view";
import { vmiMeta, type Vmi } from "./observed";
import type { StatusPatch } from "./status";
import type { EventSpec } from "./transition-events";

export interface HandlerCluster {
  getVmi(namespace: string, name: string): Promise<Vmi | undefined>;
  /** The VMIs labelled with this node (the resync's key list). */
  listNodeVmis(): Promise<Vmi[]>;
  launcherPods(namespace: string, vmiUid: string): Promise<PodLike[]>;
  /** false: the VMI changed since it was read (conflict) or is gone. */
  patchVmiStatus(vmi: Vmi, patch: StatusPatch): Promise<boolean>;
  recordEvent(vmi: Vmi, event: EventSpec): Promise<void>;
}

const asKubeObject = (vmi: Vmi): KubeObject => ({ apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstance", ...vmi, metadata: vmiMeta(vmi) });

export function kubeCluster(nodeName: string, log: (msg: string, err?: unknown) => void): HandlerCluster {
  return {
    getVmi: async (namespace, name) => (await getObject<KubeObject>(RESOURCES.vmi, namespace, name)) as Vmi | undefined,
    listNodeVmis: async () => (await listObjects<KubeObject>(RESOURCES.vmi, undefined, `${LABELS.nodeName}=${nodeName}`)) as unknown as Vmi[],
    launcherPods: async (namespace, vmiUid) =>
      (await listObjects<KubeObject>(RESOURCES.pod, namespace, `${LABELS.app}=${LAUNCHER},${LABELS.createdBy}=${vmiUid}`)) as PodLike[],
    async patchVmiStatus(vmi, patch) {
      const m = vmiMeta(vmi);
      try {
        await mergePatch(RESOURCES.vmi, m.namespace, m.name, { metadata: { resourceVersion: m.resourceVersion }, status: patch }, "status");
        return true;
      } catch (err) {
        if (err instanceof KubeError && (err.conflict || err.notFound)) return false;
        throw err;
      }
    },
    recordEvent: (vmi, event) => recordEvent("virt-handler", asKubeObject(vmi), event, log),
  };
}
