/**
 * The few messages of libvirt's RPC protocol (src/remote/remote_protocol.x, XDR over a unix
 * socket) the launcher needs for lifecycle events, which @unraid/libvirt does not expose: open the
 * connection, register for domain lifecycle events, read the event messages. Pure encoding and
 * decoding; event-stream.ts does the socket I/O. Domain calls stay on the bindings (connection.ts).
 *
 * A message on the wire: uint32 length (including itself), the header (program, version,
 * procedure, type, serial, status: six 32-bit words), then the XDR-encoded body.
 */
import { XdrReader, XdrWriter } from "./xdr";

export const REMOTE_PROGRAM = 0x20008086;
export const REMOTE_PROTOCOL_VERSION = 1;

export const PROC = {
  CONNECT_OPEN: 1,
  CONNECT_CLOSE: 2,
  CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY: 316,
  DOMAIN_EVENT_CALLBACK_LIFECYCLE: 318,
} as const;

export const MESSAGE_TYPE = { CALL: 0, REPLY: 1, MESSAGE: 2 } as const;
export const MESSAGE_STATUS = { OK: 0, ERROR: 1 } as const;

/** virDomainEventID: lifecycle events (virConnectDomainEventCallback). */
export const VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0;

/** libvirt refuses bigger messages (VIR_NET_MESSAGE_MAX); a bigger length means a broken stream. */
const MESSAGE_MAX = 32 * 1024 * 1024;
const HEADER_BYTES = 24;

export interface Header {
  program: number;
  version: number;
  procedure: number;
  type: number;
  serial: number;
  status: number;
}

export interface Message {
  header: Header;
  body: Buffer;
}

/** A CALL message, framed (length word included). */
export function encodeCall(procedure: number, serial: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = new XdrWriter()
    .uint(0) // length, filled below
    .uint(REMOTE_PROGRAM).uint(REMOTE_PROTOCOL_VERSION).int(procedure).int(MESSAGE_TYPE.CALL).uint(serial).int(MESSAGE_STATUS.OK)
    .bytes();
  const frame = Buffer.concat([header, body]);
  frame.writeUInt32BE(frame.length, 0);
  return frame;
}

/** remote_connect_open_args: the URI (optional string) and flags. */
export const connectOpenArgs = (uri: string): Buffer => new XdrWriter().optionalString(uri).uint(0).bytes();

/** remote_connect_domain_event_callback_register_any_args: the event ID and no domain filter (all domains). */
export const registerAnyArgs = (eventId: number): Buffer => new XdrWriter().int(eventId).uint(0).bytes();

/** remote_connect_domain_event_callback_register_any_ret: the callback's ID. */
export const decodeRegisterAnyReply = (body: Buffer): number => new XdrReader(body).int("callbackID");

/**
 * Splits a byte stream into messages. push() takes any chunk (a message may arrive in pieces, or
 * several in one chunk) and returns the messages it completed.
 */
export class FrameDecoder {
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): Message[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const out: Message[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32BE(0);
      if (length < 4 + HEADER_BYTES || length > MESSAGE_MAX) throw new Error(`libvirt RPC: bad message length ${length}`);
      if (this.pending.length < length) break;
      out.push(decodeMessage(this.pending.subarray(4, length)));
      this.pending = this.pending.subarray(length);
    }
    return out;
  }
}

function decodeMessage(buf: Buffer): Message {
  const r = new XdrReader(buf);
  const header: Header = {
    program: r.uint("program"), version: r.uint("version"), procedure: r.int("procedure"),
    type: r.int("type"), serial: r.uint("serial"), status: r.int("status"),
  };
  return { header, body: buf.subarray(HEADER_BYTES) };
}

/** The leading fields of remote_error (code, domain, message) that say what went wrong. */
export interface RemoteError {
  code: number;
  domain: number;
  message: string;
}

export function decodeError(body: Buffer): RemoteError {
  const r = new XdrReader(body);
  const code = r.int("error code");
  const domain = r.int("error domain");
  return { code, domain, message: r.optionalString("error message") ?? `libvirt error ${code}` };
}

/** remote_domain_event_callback_lifecycle_msg. */
export interface LifecycleMessage {
  callbackId: number;
  domain: string;
  uuid: string;
  /** virDomainEventType and its detail: see events.ts. */
  event: number;
  detail: number;
}

export function decodeLifecycleMessage(body: Buffer): LifecycleMessage {
  const r = new XdrReader(body);
  const callbackId = r.int("callbackID");
  const domain = r.string("the domain's name");
  const uuid = formatUuid(r.opaque(16, "the domain's UUID"));
  r.int("the domain's id");
  return { callbackId, domain, uuid, event: r.int("the event"), detail: r.int("the event's detail") };
}

function formatUuid(b: Buffer): string {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
