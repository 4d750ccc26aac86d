import { connect } from "node:net";
import { lifecycleEvent, type DomainEvent } from "./events";
import {
  connectOpenArgs, decodeError, decodeLifecycleMessage, decodeRegisterAnyReply, encodeCall, FrameDecoder, MESSAGE_STATUS,
  MESSAGE_TYPE, PROC, REMOTE_PROGRAM, registerAnyArgs, VIR_DOMAIN_EVENT_ID_LIFECYCLE, type Message,
} from "./remote-protocol";

export interface EventStream {
  stop(): void;
  /** Resolves when the connection to libvirtd ends (unexpectedly, unless stop() was called). */
  exited: Promise<void>;
}

interface Pending {
  resolve: (body: Buffer) => void;
  reject: (err: Error) => void;
}

/**
 * A second connection to the launcher's own libvirtd, only for lifecycle events: @unraid/libvirt
 * has no event API, and a `virsh event` child cost 19 MiB per VM. It speaks libvirt's RPC protocol
 * (remote-protocol.ts) on the daemon's unix socket: open, register for lifecycle events of every
 * domain, then read the event messages as they come. Resolves once registered, so no event of a
 * domain started afterwards is missed.
 */
export async function followDomainEvents(socketPath: string, uri: string, onEvent: (e: DomainEvent) => void, timeoutMs = 30_000): Promise<EventStream> {
  const socket = connect(socketPath);
  const exited = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  const calls = new Map<number, Pending>();
  let serial = 0;
  let callbackId: number | undefined;

  const fail = (err: Error): void => {
    for (const p of calls.values()) p.reject(err);
    calls.clear();
  };
  socket.on("error", (err) => fail(new Error(`libvirt events: ${socketPath}: ${err.message}`, { cause: err })));
  socket.once("close", () => fail(new Error(`libvirt events: ${socketPath}: connection closed`)));

  const onMessage = (m: Message): void => {
    const { header } = m;
    if (header.program !== REMOTE_PROGRAM) return; // e.g. keepalive, which this client never asks for
    if (header.type === MESSAGE_TYPE.REPLY) {
      const pending = calls.get(header.serial);
      calls.delete(header.serial);
      if (header.status !== MESSAGE_STATUS.OK) {
        const error = decodeError(m.body);
        return pending?.reject(Object.assign(new Error(`libvirt events: ${error.message}`), { code: error.code }));
      }
      // Taken here, not after the await: events may follow the reply in the same chunk.
      if (header.procedure === PROC.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY) callbackId = decodeRegisterAnyReply(m.body);
      pending?.resolve(m.body);
    } else if (header.type === MESSAGE_TYPE.MESSAGE && header.procedure === PROC.DOMAIN_EVENT_CALLBACK_LIFECYCLE) {
      const msg = decodeLifecycleMessage(m.body);
      if (msg.callbackId !== callbackId) return;
      const event = lifecycleEvent(msg.domain, msg.event, msg.detail);
      if (event) onEvent(event);
    }
  };
  const decoder = new FrameDecoder();
  socket.on("data", (chunk: Buffer) => {
    try {
      decoder.push(chunk).forEach(onMessage);
    } catch (err) {
      socket.destroy(err as Error); // a stream out of step cannot be resynchronised
    }
  });

  const call = (procedure: number, body: Buffer, what: string): Promise<Buffer> =>
    new Promise<Buffer>((resolve, reject) => {
      const id = ++serial;
      const timer = setTimeout(() => {
        calls.delete(id);
        reject(new Error(`libvirt events: ${what} got no answer from ${socketPath} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = <T>(f: (v: T) => void) => (v: T): void => {
        clearTimeout(timer);
        f(v);
      };
      calls.set(id, { resolve: done(resolve), reject: done(reject) });
      socket.write(encodeCall(procedure, id, body));
    });

  try {
    await call(PROC.CONNECT_OPEN, connectOpenArgs(uri.split("?")[0]!), `opening ${uri}`);
    await call(PROC.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, registerAnyArgs(VIR_DOMAIN_EVENT_ID_LIFECYCLE), "registering for lifecycle events");
  } catch (err) {
    socket.destroy();
    throw err;
  }
  return { stop: () => void socket.destroy(), exited };
}

