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

export type Method = "sync" | "shutdown" | "kill" | "pause" | "unpause" | "domainInfo" | "subscribe" | "ping";
export const METHODS: readonly Method[] = ["sync", "shutdown", "kill", "pause", "unpause", "domainInfo", "subscribe", "ping"];

export type Request =
  | { v: number; id: number; method: "sync"; params: { vmi: VirtualMachineInstance } }
  | { v: number; id: number; method: Exclude<Method, "sync">; params?: Record<string, never> };

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
  return r as Request;
}

export function decodeServerMessage(line: string): ServerMessage {
  return JSON.parse(line) as ServerMessage;
}
