/**
 * Whether a VMI can be paused, unpaused or streamed from (pure), with KubeVirt v1.6's refusals
 * (pkg/virt-api/rest: lifecycle.go, console.go, vnc.go, portforward.go): codes and words as there.
 */
import type { VirtualMachineInstance } from "../api";
import { badRequest, conflict, forbiddenOn, type StatusError } from "./status";

type Vmi = VirtualMachineInstance & { metadata?: { name?: string } };

const nameOf = (vmi: Vmi): string => String(vmi.metadata?.name ?? "");
export const isPaused = (vmi: Vmi): boolean => (vmi.status?.conditions ?? []).some((c) => c.type === "Paused" && c.status === "True");

export function pauseRefusal(vmi: Vmi): StatusError | undefined {
  if (vmi.status?.phase !== "Running") return conflict("virtualmachineinstance", nameOf(vmi), "VM is not running");
  if (vmi.spec.livenessProbe) return forbiddenOn("virtualmachineinstance", nameOf(vmi), "Pausing VMIs with LivenessProbe is currently not supported");
  if (isPaused(vmi)) return conflict("virtualmachineinstance", nameOf(vmi), "VMI is already paused");
  return undefined;
}

export function unpauseRefusal(vmi: Vmi): StatusError | undefined {
  if (!isPaused(vmi)) return conflict("virtualmachineinstance", nameOf(vmi), "VMI is not paused");
  return undefined;
}

export type StreamKind = "console" | "vnc" | "portforward";

/** In KubeVirt's order: the device first (so a VMI without one is refused whatever its phase), then the phase. */
export function streamRefusal(vmi: Vmi, kind: StreamKind): StatusError | undefined {
  const devices = vmi.spec.domain.devices ?? {};
  if (kind === "vnc" && devices.autoattachGraphicsDevice === false) return badRequest("No graphics devices are present.");
  if (kind === "console" && devices.autoattachSerialConsole === false) return badRequest("No serial consoles are present.");
  if (kind === "console" && vmi.status?.phase === "Failed") return conflict("virtualmachineinstance", nameOf(vmi), "VMI is in failed status");
  if (kind === "portforward" && isPaused(vmi)) return conflict("virtualmachineinstance", nameOf(vmi), "VMI is paused");
  if (vmi.status?.phase !== "Running") return badRequest("VMI is not running");
  return undefined;
}

/** portforward/PORT[/PROTOCOL]: the port, or why the path is refused. */
export function portForwardTarget(rest: string[]): { port: number } | StatusError {
  const [rawPort, protocol = "tcp"] = rest;
  const port = Number(rawPort);
  if (rest.length < 1 || rest.length > 2 || !Number.isInteger(port) || port < 1 || port > 65535) {
    return badRequest(`port-forward needs portforward/PORT[/PROTOCOL] with a port from 1 to 65535, not "${rest.join("/")}"`);
  }
  if (protocol === "udp") return badRequest("UDP port-forward is not supported yet by kubevirt-ts: forward a TCP port");
  if (protocol !== "tcp") return badRequest(`protocol "${protocol}": must be tcp or udp`);
  return { port };
}
