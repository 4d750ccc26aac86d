/**
 * A VMI's launcher pod on this node, picked from the pods that carry its uid (pure): the live one if
 * any (a VMI has one launcher; an older, finished one may linger until the controller removes it).
 */
import { COMPUTE_CONTAINER } from "../controller/labels";
import type { PodView } from "./observed";

/** The fields of a core/v1 Pod the handler reads. */
export interface PodLike {
  metadata?: { name?: string; uid?: string; deletionTimestamp?: string | Date; creationTimestamp?: string | Date; labels?: Record<string, string> };
  spec?: { nodeName?: string };
  status?: {
    phase?: string;
    podIPs?: Array<{ ip?: string }>;
    podIP?: string;
    containerStatuses?: Array<{ name: string; state?: { running?: unknown; terminated?: { exitCode?: number; message?: string; reason?: string } } }>;
  };
}


const finished = (p: PodLike): boolean => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
const created = (p: PodLike): number => new Date(p.metadata?.creationTimestamp ?? 0).getTime();

export function launcherPodView(pods: readonly PodLike[], nodeName: string): PodView | undefined {
  const mine = pods.filter((p) => p.spec?.nodeName === nodeName && p.metadata?.uid !== undefined);
  const pod = [...mine].sort((a, b) => Number(finished(a)) - Number(finished(b)) || created(b) - created(a))[0];
  if (!pod) return undefined;
  const ips = (pod.status?.podIPs ?? []).map((x) => x.ip).filter((ip): ip is string => typeof ip === "string");
  const compute = (pod.status?.containerStatuses ?? []).find((c) => c.name === COMPUTE_CONTAINER);
  const terminated = compute?.state?.terminated;
  return {
    name: pod.metadata!.name ?? "",
    uid: pod.metadata!.uid!,
    computeRunning: !finished(pod) && compute?.state?.running !== undefined,
    deleting: pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null,
    podIPs: ips.length > 0 ? ips : pod.status?.podIP ? [pod.status.podIP] : [],
    // A finished pod is the controller's to conclude (PodFailed/PodCompleted): only a live pod's ended launcher is reported here.
    ...(!finished(pod) && terminated && { computeExit: { exitCode: terminated.exitCode ?? -1, ...(terminated.message?.trim() && { message: terminated.message.trim() }) } }),
  };
}
