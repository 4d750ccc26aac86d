/**
 * The launcher's command-socket wire protocol, shared with the node agent (virt-handler): one module
 * defines it, both sides import it.
 *
 * Transport: a unix stream socket; framing: one JSON object per line (UTF-8, "\n"-terminated).
 * On connect the launcher sends a Hello naming the protocol and the versions it speaks; every later
 * message carries `v`, the version in use. Requests carry an `id` echoed by their Response. A client
 * that sent `subscribe` also receives Event messages (no id) for the domain's lifecycle.
 * Incompatible changes bump PROTOCOL_VERSION; a launcher answers requests of a version it does not
 * speak with error code "unsupported-version".
 */
import type { VirtualMachineInstance } from "../../api";

export const PROTOCOL = "kubevirt-ts.io/launcher-cmd";
export const PROTOCOL_VERSION = 1;

export type Method = "sync" | "shutdown" | "kill" | "pause" | "unpause" | "domainInfo" | "subscribe" | "ping" | "stream";
export const METHODS: readonly Method[] = ["sync", "shutdown", "kill", "pause", "unpause", "domainInfo", "subscribe", "ping", "stream"];

/**
 * What a `stream` request opens: the serial console, the VNC display, or a TCP port of the guest.
 * After its ok response the connection stops being JSON lines and carries the target's bytes both
 * ways until either side closes (one connection per stream; the handler opens a new one each time).
 */
export type StreamTarget = { target: "console" } | { target: "vnc" } | { target: "tcp"; port: number };

export type Request =
  | { v: number; id: number; method: "sync"; params: { vmi: VirtualMachineInstance } }
  | { v: number; id: number; method: "stream"; params: StreamTarget }
  | { v: number; id: number; method: Exclude<Method, "sync" | "stream">; params?: Record<string, never> };

export type ErrorCode = "bad-request" | "unsupported-version" | "unknown-method" | "no-domain" | "failed";

export type Response =
  | { v: number; id: number; ok: true; result?: unknown }
  | { v: number; id: number; ok: false; error: { code: ErrorCode; message: string } };

export type LifecycleEventKind = "started" | "paused" | "resumed" | "shutdown" | "crashed" | "destroyed";

export interface EventMessage {
  v: number;
  event: { kind: LifecycleEventKind; domain: string; detail: string; at: string };
}

export interface Hello {
  v: number;
  hello: { protocol: string; versions: number[]; pid: number };
}

export type ServerMessage = Hello | Response | EventMessage;

/** domainInfo's result. */
export interface DomainInfo {
  name: string;
  state: "running" | "paused" | "shutdown" | "shutoff" | "crashed" | "other";
  memoryKiB: number;
  vcpus: number;
  cpuTimeNs: number;
}

export function encode(message: ServerMessage | Request): string {
  return JSON.stringify(message) + "\n";
}

/** Parses one request line; a string is the reason it is not a valid request. */
export function decodeRequest(line: string): Request | { error: ErrorCode; message: string; id?: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { error: "bad-request", message: "not JSON" };
  }
  const r = raw as Partial<Request> | null;
  if (r === null || typeof r !== "object" || typeof r.id !== "number") return { error: "bad-request", message: "a request needs a numeric id" };
  if (r.v !== PROTOCOL_VERSION) return { error: "unsupported-version", message: `version ${String(r.v)} not spoken, use ${PROTOCOL_VERSION}`, id: r.id };
  if (!METHODS.includes(r.method as Method)) return { error: "unknown-method", message: `unknown method ${String(r.method)}`, id: r.id };
  if (r.method === "sync" && typeof (r.params as { vmi?: unknown } | undefined)?.vmi !== "object") {
    return { error: "bad-request", message: "sync needs params.vmi", id: r.id };
  }
  if (r.method === "stream") {
    const why = streamTargetProblem(r.params);
    if (why) return { error: "bad-request", message: why, id: r.id };
  }
  return r as Request;
}

export function decodeServerMessage(line: string): ServerMessage {
  return JSON.parse(line) as ServerMessage;
}

/** Why params are not a StreamTarget, or undefined when they are. */
export function streamTargetProblem(params: unknown): string | undefined {
  const p = params as Partial<{ target: string; port: unknown }> | undefined;
  if (p?.target === "console" || p?.target === "vnc") return undefined;
  if (p?.target !== "tcp") return `stream needs params.target console, vnc or tcp, not ${String(p?.target)}`;
  const port = p.port;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) return `stream tcp needs params.port from 1 to 65535, not ${String(port)}`;
  return undefined;
}
