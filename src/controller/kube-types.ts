/** The parts of core/v1 Pods and conditions the controller's decisions read (no client types in pure code). */
export interface PodCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; reason?: string; message?: string };
}

export interface ContainerStatus {
  name: string;
  ready?: boolean;
  state?: ContainerState;
}

export interface ObservedPod {
  metadata: { name: string; namespace?: string; uid?: string; deletionTimestamp?: string; labels?: Record<string, string>; creationTimestamp?: string };
  spec?: { nodeName?: string };
  status?: {
    phase?: string;
    conditions?: PodCondition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    message?: string;
    reason?: string;
  };
}

export const isLive = (pod: ObservedPod): boolean =>
  pod.metadata.deletionTimestamp === undefined && pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed";
