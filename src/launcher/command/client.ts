import { connect, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { PROTOCOL_VERSION, decodeServerMessage, encode, type EventMessage, type Hello, type Method, type Response } from "./protocol";

/** A client of the launcher's command socket (the node agent's side; tests use it too). */
export class CommandClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void }>();
  private readonly listeners: Array<(e: EventMessage["event"]) => void> = [];
  private readonly closeListeners: Array<() => void> = [];
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    readonly hello: Hello["hello"],
  ) {
    // A launcher that exits (or a broken connection) fails every pending call instead of leaving it hanging.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      this.closed = true;
      for (const { reject } of this.pending.values()) reject(clientError("closed", "the launcher closed the connection"));
      this.pending.clear();
      for (const l of this.closeListeners) l();
    });
  }

  static async connect(path: string, timeoutMs = 5000): Promise<CommandClient> {
    const socket = connect(path);
    const lines = createInterface({ input: socket });
    lines.on("error", () => undefined); // readline re-emits socket errors; the socket's close handles them
    const hello = await new Promise<Hello["hello"]>((resolve, reject) => {
      const fail = (err: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(err);
      };
      const timer = setTimeout(() => fail(new Error(`no hello from ${path} within ${timeoutMs} ms`)), timeoutMs);
      socket.once("error", (err) => fail(new Error(`cannot connect to ${path}: ${err.message}`, { cause: err })));
      socket.once("close", () => fail(new Error(`${path} closed the connection (peer refused?)`)));
      lines.once("line", (line) => {
        clearTimeout(timer);
        const msg = decodeServerMessage(line);
        if ("hello" in msg) resolve(msg.hello);
        else fail(new Error(`expected a hello from ${path}`));
      });
    });
    const client = new CommandClient(socket, hello);
    lines.on("line", (line) => client.receive(line));
    return client;
  }

  /**
   * Sends a request. Rejects with the launcher's error code (`code`) on an error response, with code
   * "closed" when the connection ends first, "timeout" when no answer came within timeoutMs.
   */
  async call(method: Method, params?: unknown, timeoutMs?: number): Promise<unknown> {
    if (this.closed) throw clientError("closed", `${method}: the launcher closed the connection`);
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    const response = await new Promise<Response>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.pending.delete(id);
          reject(clientError("timeout", `${method}: no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.socket.write(encode({ v: PROTOCOL_VERSION, id, method, params } as never));
    }).finally(() => clearTimeout(timer));
    if (!response.ok) throw Object.assign(new Error(`${method}: ${response.error.code}: ${response.error.message}`), { code: response.error.code });
    return response.result;
  }

  onEvent(listener: (e: EventMessage["event"]) => void): void {
    this.listeners.push(listener);
  }

  /** Called once when the connection ends (the launcher exited, or close()). */
  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.socket.end();
  }

  private receive(line: string): void {
    const msg = decodeServerMessage(line);
    if ("event" in msg) for (const l of this.listeners) l(msg.event);
    else if ("id" in msg) {
      this.pending.get(msg.id)?.resolve(msg);
      this.pending.delete(msg.id);
    }
  }
}

/** Errors the client itself raises (no answer from the launcher): code "closed" or "timeout". */
function clientError(code: "closed" | "timeout", message: string): Error {
  return Object.assign(new Error(message), { code });
}
