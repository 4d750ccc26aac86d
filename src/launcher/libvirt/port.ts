/**
 * The narrow port the launcher drives libvirt through (as KubeVirt's virtwrap/cli): transient domains
 * by name, plus the few calls the command socket needs. connection.ts implements it with @unraid/libvirt.
 */
export type DomainRunState = "running" | "paused" | "shutdown" | "shutoff" | "crashed" | "other";

export interface DomainStatus {
  state: DomainRunState;
  memoryKiB: number;
  vcpus: number;
  cpuTimeNs: number;
}

export interface DomainPort {
  /** Creates and starts a transient domain: nothing stays defined once it stops. */
  create(xml: string): Promise<void>;
  /** ACPI power button. */
  shutdown(name: string): Promise<void>;
  destroy(name: string): Promise<void>;
  pause(name: string): Promise<void>;
  unpause(name: string): Promise<void>;
  /** undefined when no such domain is running. */
  status(name: string): Promise<DomainStatus | undefined>;
  xml(name: string): Promise<string>;
  close(): Promise<void>;
}

/** libvirt's VIR_ERR_NO_DOMAIN: the domain is gone. */
export const VIR_ERR_NO_DOMAIN = 42;
/** VIR_ERR_OPERATION_INVALID: e.g. destroying a domain that just stopped. */
export const VIR_ERR_OPERATION_INVALID = 55;

export function libvirtErrorCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : undefined;
}

export const isNotFound = (err: unknown): boolean => libvirtErrorCode(err) === VIR_ERR_NO_DOMAIN;
export const isNotRunning = (err: unknown): boolean => isNotFound(err) || libvirtErrorCode(err) === VIR_ERR_OPERATION_INVALID;
