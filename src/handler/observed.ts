/**
 * What the node agent observes about one VMI before deciding: the VMI itself, its launcher pod on
 * this node, and what the launcher's command socket says. Plain data, gathered by ./observe.ts.
 */
import type { Condition, VirtualMachineInstance, VirtualMachineInstanceNetworkInterface } from "../api";
import type { DomainInfo, LifecycleEventKind } from "../launcher/command/protocol";

export type Vmi = VirtualMachineInstance;
export type { Condition, VirtualMachineInstanceNetworkInterface as GuestInterface };

/** The few VMI metadata fields the handler reads (the API types metadata loosely). */
export interface VmiMeta {
  name: string;
  namespace: string;
  uid: string;
  resourceVersion?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
}

export function vmiMeta(vmi: Vmi): VmiMeta {
  return (vmi.metadata ?? {}) as unknown as VmiMeta;
}

export interface PodView {
  name: string;
  uid: string;
  /** The compute container (virt-launcher) is running: its command socket can be reached. */
  computeRunning: boolean;
  /** The pod is being deleted (its launcher got or gets SIGTERM and shuts the guest down). */
  deleting: boolean;
  /**
   * The compute container ended while the pod runs on (its console and containerDisk containers
   * live, so the pod is not finished and the controller does not act): the launcher's exit code.
   */
  computeExit?: { exitCode: number; message?: string };
  podIPs: string[];
  /** Bridge binding without macAddress: the guest's MAC (the pod interface's), as the node agent learned it. */
  guestMac?: string;
}

/** How the domain ended, as the launcher's event stream told it. */
export interface DomainStop {
  kind: Extract<LifecycleEventKind, "shutdown" | "crashed" | "destroyed">;
  /** libvirt's words, e.g. "Stopped Failed". */
  detail: string;
}

export interface LauncherView {
  /** undefined: the launcher has no domain (not yet started, or already gone). */
  domain?: DomainInfo;
  /** Set once the event stream reported the domain's end. */
  stopped?: DomainStop;
  /** Set when a sync command failed: the launcher could not start the VMI. */
  syncError?: string;
  /** The VMI's status.reason for that failure when not SyncFailed (e.g. PodNetworkSetupFailed). */
  syncReason?: string;
}

export interface Observed {
  vmi: Vmi;
  /** The VMI's launcher pod on this node; undefined when none exists (yet, or any more). */
  pod?: PodView;
  /** undefined: no connection to the launcher's command socket. */
  launcher?: LauncherView;
  now: Date;
}
