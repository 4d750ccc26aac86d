import { connect, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { PROTOCOL_VERSION, decodeServerMessage, encode, type EventMessage, type Hello, type Method, type Response } from "./protocol";

/** A client of the launcher's command socket (the node agent's side; tests use it too). */
export class CommandClient {
  private nextId = 1;
  private readonly pending = new Map<number, (r: Response) => void>();
  private readonly listeners: Array<(e: EventMessage["event"]) => void> = [];

  private constructor(
    private readonly socket: Socket,
    readonly hello: Hello["hello"],
  ) {}

  static async connect(path: string, timeoutMs = 5000): Promise<CommandClient> {
    const socket = connect(path);
    const lines = createInterface({ input: socket });
    const hello = await new Promise<Hello["hello"]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no hello from ${path} within ${timeoutMs} ms`)), timeoutMs);
      socket.once("error", (err) => reject(new Error(`cannot connect to ${path}: ${err.message}`, { cause: err })));
      socket.once("close", () => reject(new Error(`${path} closed the connection (peer refused?)`)));
      lines.once("line", (line) => {
        clearTimeout(timer);
        const msg = decodeServerMessage(line);
        if ("hello" in msg) resolve(msg.hello);
        else reject(new Error(`expected a hello from ${path}`));
      });
    });
    const client = new CommandClient(socket, hello);
    lines.on("line", (line) => client.receive(line));
    return client;
  }

  async call(method: Method, params?: unknown): Promise<unknown> {
    const id = this.nextId++;
    const response = await new Promise<Response>((resolve) => {
      this.pending.set(id, resolve);
      this.socket.write(encode({ v: PROTOCOL_VERSION, id, method, params } as never));
    });
    if (!response.ok) throw new Error(`${method}: ${response.error.code}: ${response.error.message}`);
    return response.result;
  }

  onEvent(listener: (e: EventMessage["event"]) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    this.socket.end();
  }

  private receive(line: string): void {
    const msg = decodeServerMessage(line);
    if ("event" in msg) for (const l of this.listeners) l(msg.event);
    else if ("id" in msg) {
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
    }
  }
}
