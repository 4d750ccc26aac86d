/**
 * The few parts of `ws` (8.x) kubevirt-ts uses: virt-api's WebSocket server for the streams and the
 * CLI's client. `ws` ships no types and @types/ws is not a dependency; these follow its README.
 */
declare module "ws" {
  import type { IncomingMessage, ClientRequest } from "node:http";
  import type { Duplex, DuplexOptions } from "node:stream";
  import { EventEmitter } from "node:events";

  type Data = Buffer | ArrayBuffer | Buffer[];

  class WebSocket extends EventEmitter {
    static readonly OPEN: number;
    constructor(address: string, protocols?: string | string[], options?: WebSocket.ClientOptions);
    readonly protocol: string;
    readonly readyState: number;
    send(data: Buffer | string, options?: { binary?: boolean }, cb?: (err?: Error) => void): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    on(event: "open", listener: () => void): this;
    on(event: "message", listener: (data: Data, isBinary: boolean) => void): this;
    on(event: "close", listener: (code: number, reason: Buffer) => void): this;
    on(event: "error", listener: (err: Error) => void): this;
    on(event: "unexpected-response", listener: (req: ClientRequest, res: IncomingMessage) => void): this;
    once(event: "open", listener: () => void): this;
    once(event: "close", listener: (code: number, reason: Buffer) => void): this;
    once(event: "error", listener: (err: Error) => void): this;
    once(event: "unexpected-response", listener: (req: ClientRequest, res: IncomingMessage) => void): this;
  }
  namespace WebSocket {
    interface ClientOptions {
      ca?: Buffer | string;
      cert?: Buffer | string;
      key?: Buffer | string;
      rejectUnauthorized?: boolean;
      headers?: Record<string, string>;
      perMessageDeflate?: boolean;
      handshakeTimeout?: number;
    }
  }

  class WebSocketServer extends EventEmitter {
    constructor(options: { noServer: true; perMessageDeflate?: boolean; handleProtocols?: (protocols: Set<string>, req: IncomingMessage) => string | false; maxPayload?: number });
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, cb: (ws: WebSocket, req: IncomingMessage) => void): void;
  }

  function createWebSocketStream(ws: WebSocket, options?: DuplexOptions): Duplex;

  export { WebSocket, WebSocketServer, createWebSocketStream };
  export default WebSocket;
}
