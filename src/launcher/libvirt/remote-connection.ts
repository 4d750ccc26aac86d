import { connect, type Socket } from "node:net";
import { decodeError, encodeCall, FrameDecoder, MESSAGE_STATUS, MESSAGE_TYPE, REMOTE_PROGRAM, type Message } from "./remote-protocol";

interface Pending {
  resolve: (body: Buffer) => void;
  reject: (err: Error) => void;
}

/**
 * One client connection speaking libvirt's RPC protocol on a daemon's unix socket: numbered calls
 * matched to their replies, and the daemon's own messages (events) handed to `onMessage`. Replies
 * go through `onReply` first, in the order they arrive, before the caller's await resumes: what a
 * reply sets up (a callback ID) is in place for messages that follow it in the same chunk.
 */
export class RemoteConnection {
  private readonly socket: Socket;
  private readonly calls = new Map<number, Pending>();
  private serial = 0;
  /** Resolves when the connection ends. */
  readonly closed: Promise<void>;

  constructor(
    private readonly socketPath: string,
    private readonly handlers: { onMessage: (m: Message) => void; onReply?: (m: Message) => void },
    private readonly timeoutMs = 30_000,
  ) {
    this.socket = connect(socketPath);
    this.closed = new Promise((resolve) => this.socket.once("close", () => resolve()));
    this.socket.on("error", (err) => this.failAll(new Error(`libvirt RPC: ${socketPath}: ${err.message}`, { cause: err })));
    this.socket.once("close", () => this.failAll(new Error(`libvirt RPC: ${socketPath}: connection closed`)));
    const decoder = new FrameDecoder();
    this.socket.on("data", (chunk: Buffer) => {
      try {
        decoder.push(chunk).forEach((m) => this.dispatch(m));
      } catch (err) {
        this.socket.destroy(err as Error); // a stream out of step cannot be resynchronised
      }
    });
  }

  /** Sends a call and resolves with the reply's body; rejects with libvirt's error (and its code). */
  call(procedure: number, body: Buffer, what: string): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const id = ++this.serial;
      const timer = setTimeout(() => {
        this.calls.delete(id);
        reject(new Error(`libvirt RPC: ${what} got no answer from ${this.socketPath} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.calls.set(id, {
        resolve: (b) => (clearTimeout(timer), resolve(b)),
        reject: (e) => (clearTimeout(timer), reject(new Error(`${what}: ${e.message}`, { cause: e }))),
      });
      this.socket.write(encodeCall(procedure, id, body));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private dispatch(m: Message): void {
    const { header } = m;
    if (header.program !== REMOTE_PROGRAM) return; // e.g. keepalive, which this client never asks for
    if (header.type === MESSAGE_TYPE.MESSAGE) return this.handlers.onMessage(m);
    if (header.type !== MESSAGE_TYPE.REPLY) return;
    const pending = this.calls.get(header.serial);
    this.calls.delete(header.serial);
    if (header.status !== MESSAGE_STATUS.OK) {
      const error = decodeError(m.body);
      return pending?.reject(Object.assign(new Error(error.message), { code: error.code }));
    }
    this.handlers.onReply?.(m);
    pending?.resolve(m.body);
  }

  private failAll(err: Error): void {
    for (const p of this.calls.values()) p.reject(err);
    this.calls.clear();
  }
}
