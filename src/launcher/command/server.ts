import { chmod, mkdir, rm } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { PROTOCOL, PROTOCOL_VERSION, decodeRequest, encode, type EventMessage, type Request, type Response, type StreamTarget } from "./protocol";
import { peerUid } from "./peer";

/** What the command socket drives; implemented by the launcher. Errors reject with a message. */
export interface CommandHandler {
  handle(request: Request): Promise<unknown>;
  /** Opens a stream's target (the console, VNC or a guest port); absent: streams are not served. */
  openStream?(target: StreamTarget): Promise<Duplex>;
}

export interface CommandServerOptions {
  socketPath: string;
  /**
   * Peers allowed to connect, by uid (the node agent's and the launcher's own); "any" where the
   * socket's directory is the only gate: in a pod the node agent connects from outside the pod's
   * PID namespace, so its uid cannot be looked up here, and only root on the node reaches the
   * directory (the pod mounts it into the compute container alone).
   */
  allowedUids: ReadonlySet<number> | "any";
  log: (msg: string) => void;
}

/**
 * The launcher's command socket: a unix socket in a 0700 directory; each peer's uid is checked
 * before it is served. Pushes lifecycle events to subscribed connections.
 */
export class CommandServer {
  private server: Server | undefined;
  private readonly subscribers = new Set<Socket>();

  constructor(
    private readonly handler: CommandHandler,
    private readonly opts: CommandServerOptions,
  ) {}

  async start(): Promise<void> {
    const dir = dirname(this.opts.socketPath);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    await rm(this.opts.socketPath, { force: true });
    const server = createServer((socket) => void this.accept(socket));
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(this.opts.socketPath, resolve));
    this.server = server;
  }

  publish(event: EventMessage["event"]): void {
    const line = encode({ v: PROTOCOL_VERSION, event });
    for (const s of this.subscribers) s.write(line);
  }

  async stop(): Promise<void> {
    for (const s of this.subscribers) s.end();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await rm(this.opts.socketPath, { force: true });
  }

  private async accept(socket: Socket): Promise<void> {
    socket.on("error", () => this.subscribers.delete(socket));
    const allowed = this.opts.allowedUids;
    const uid = allowed === "any" ? undefined : await peerUid(socket).catch(() => undefined);
    if (allowed !== "any" && (uid === undefined || !allowed.has(uid))) {
      this.opts.log(`command socket: refused a peer with uid ${String(uid)}`);
      socket.destroy();
      return;
    }
    socket.write(encode({ v: PROTOCOL_VERSION, hello: { protocol: PROTOCOL, versions: [PROTOCOL_VERSION], pid: process.pid } }));
    socket.on("close", () => this.subscribers.delete(socket));
    const lines = createInterface({ input: socket });
    lines.on("line", (line) => {
      const request = decodeRequest(line);
      if ("method" in request && request.method === "stream") {
        // From here on the connection carries the stream's bytes: no more lines are read from it.
        lines.close();
        void this.stream(socket, request.id, request.params);
      } else void this.serve(socket, line);
    });
  }

  /** Answers ok once the target is open, then pipes both ways; either end closing closes the other. */
  private async stream(socket: Socket, id: number, target: StreamTarget): Promise<void> {
    const fail = (message: string): void => void socket.end(encode({ v: PROTOCOL_VERSION, id, ok: false, error: { code: "failed", message } }));
    if (!this.handler.openStream) return fail("streams are not served by this launcher");
    let peer: Duplex;
    try {
      peer = await this.handler.openStream(target);
    } catch (err) {
      return fail((err as Error).message);
    }
    if (socket.destroyed) return void peer.destroy();
    socket.write(encode({ v: PROTOCOL_VERSION, id, ok: true }));
    const close = (): void => {
      socket.destroy();
      peer.destroy();
    };
    socket.once("close", close).on("error", close);
    peer.once("close", close).on("error", close);
    socket.pipe(peer);
    peer.pipe(socket);
    socket.resume();
  }

  private async serve(socket: Socket, line: string): Promise<void> {
    const request = decodeRequest(line);
    let response: Response;
    if ("error" in request) {
      response = { v: PROTOCOL_VERSION, id: request.id ?? -1, ok: false, error: { code: request.error, message: request.message } };
    } else if (request.method === "subscribe") {
      this.subscribers.add(socket);
      response = { v: PROTOCOL_VERSION, id: request.id, ok: true };
    } else {
      response = await this.handler.handle(request).then(
        (result): Response => ({ v: PROTOCOL_VERSION, id: request.id, ok: true, result }),
        (err: unknown): Response => ({ v: PROTOCOL_VERSION, id: request.id, ok: false, error: { code: codeOf(err), message: (err as Error).message } }),
      );
    }
    if (!socket.destroyed) socket.write(encode(response));
  }
}

/** A refused VMI (invalid-vmi) or path (path-escape) is the caller's mistake: bad-request, never retried as is. */
function codeOf(err: unknown): "no-domain" | "failed" | "bad-request" {
  const code = (err as { code?: string }).code;
  if (code === "invalid-vmi" || code === "path-escape") return "bad-request";
  return code === "no-domain" ? "no-domain" : "failed";
}
