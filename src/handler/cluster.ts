/**
 * The node agent's calls to the Kubernetes API (kubernetes-fluent-client), behind a narrow port the
 * reconciler uses. Status writes are JSON merge patches on /status carrying the resourceVersion the
 * decision was made from: a concurrent writer (the controller) makes them conflict, and the key is
 * simply processed again from the new state.
 */
import { GenericKind, K8s, kind, fetch as kfcFetch } from "kubernetes-fluent-client";
import { k8sCfg } from "kubernetes-fluent-client/dist/fluent/utils.js";
import type { PodLike } from "./pod-view";
import { vmiMeta, type Vmi } from "./observed";
import { secretText } from "./secrets";
import type { StatusPatch } from "./status";
import type { EventSpec } from "./transition-events";

export const VMI_KIND = { group: "kubevirt.io", version: "v1", kind: "VirtualMachineInstance", plural: "virtualmachineinstances" };
export const NODE_LABEL = "kubevirt.io/nodeName";
export const LAUNCHER_LABELS = { app: "kubevirt.io", appValue: "virt-launcher", createdBy: "kubevirt.io/created-by" };

export interface HandlerCluster {
  getVmi(namespace: string, name: string): Promise<Vmi | undefined>;
  /** The VMIs labelled with this node (the resync's key list). */
  listNodeVmis(): Promise<Vmi[]>;
  launcherPods(namespace: string, vmiUid: string): Promise<PodLike[]>;
  /** false: the VMI changed since it was read (conflict) or is gone. */
  patchVmiStatus(vmi: Vmi, patch: StatusPatch): Promise<boolean>;
  recordEvent(vmi: Vmi, event: EventSpec): Promise<void>;
  /** undefined when the Secret does not exist. */
  secret(namespace: string, name: string): Promise<Record<string, string> | undefined>;
}

const status = (err: unknown): number | undefined => (err as { status?: number } | null)?.status;
const notFound = (err: unknown): boolean => status(err) === 404;

export function vmis(): ReturnType<typeof K8s<typeof GenericKind>> {
  return K8s(GenericKind, { kindOverride: VMI_KIND });
}

export function kubeCluster(nodeName: string): HandlerCluster {
  return {
    async getVmi(namespace, name) {
      return (await vmis().InNamespace(namespace).Get(name).catch((err: unknown) => {
        if (notFound(err)) return undefined;
        throw err;
      })) as Vmi | undefined;
    },
    async listNodeVmis() {
      return (await vmis().WithLabel(NODE_LABEL, nodeName).Get()).items as Vmi[];
    },
    async launcherPods(namespace, vmiUid) {
      const list = await K8s(kind.Pod).InNamespace(namespace).WithLabel(LAUNCHER_LABELS.app, LAUNCHER_LABELS.appValue).WithLabel(LAUNCHER_LABELS.createdBy, vmiUid).Get();
      return list.items as PodLike[];
    },
    patchVmiStatus: (vmi, patch) => mergePatchStatus(vmi, patch),
    async recordEvent(vmi, event) {
      const m = vmiMeta(vmi);
      const now = new Date().toISOString();
      await K8s(kind.CoreEvent).Create({
        apiVersion: "v1",
        kind: "Event",
        metadata: { generateName: `${m.name}.`, namespace: m.namespace },
        involvedObject: { apiVersion: "kubevirt.io/v1", kind: "VirtualMachineInstance", name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion },
        type: event.type,
        reason: event.reason,
        message: event.message,
        source: { component: "virt-handler", host: nodeName },
        reportingComponent: "virt-handler",
        reportingInstance: nodeName,
        firstTimestamp: now as unknown as Date,
        lastTimestamp: now as unknown as Date,
        count: 1,
      });
    },
    async secret(namespace, name) {
      const s = await K8s(kind.Secret).InNamespace(namespace).Get(name).catch((err: unknown) => {
        if (notFound(err)) return undefined;
        throw err;
      });
      return s ? secretText(s as { data?: Record<string, string> }) : undefined;
    },
  };
}

async function mergePatchStatus(vmi: Vmi, patch: StatusPatch): Promise<boolean> {
  const m = vmiMeta(vmi);
  const { opts, serverUrl } = await k8sCfg("PATCH" as never);
  const url = new URL(`/apis/${VMI_KIND.group}/${VMI_KIND.version}/namespaces/${m.namespace}/${VMI_KIND.plural}/${m.name}/status`, serverUrl);
  const body = { metadata: { resourceVersion: m.resourceVersion }, status: patch };
  const res = await kfcFetch(url, { ...opts, method: "PATCH", headers: { ...opts.headers, "Content-Type": "application/merge-patch+json" }, body: JSON.stringify(body) });
  if (res.ok) return true;
  if (res.status === 409 || res.status === 404) return false;
  throw new Error(`patching the status of VMI ${m.namespace}/${m.name}: ${res.status} ${res.statusText}: ${JSON.stringify(res.data)}`);
}
