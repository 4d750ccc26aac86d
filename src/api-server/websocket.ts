/**
 * The WebSocket side of virt-api's streams: the handshake with subprotocol plain.kubevirt.io (the one
 * virtctl asks for: binary frames carrying raw bytes), then bytes both ways between the client and
 * the stream from virt-handler; either end closing closes the other. Refusals before the handshake
 * are plain HTTP answers carrying a Status, which virtctl prints.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, createWebSocketStream } from "ws";
import type { StatusError } from "./status";

export const PLAIN_PROTOCOL = "plain.kubevirt.io";

const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  // virtctl always asks for plain.kubevirt.io; a client naming none is served the same bytes.
  handleProtocols: (protocols) => (protocols.has(PLAIN_PROTOCOL) ? PLAIN_PROTOCOL : false),
});

export function refuseUpgrade(socket: Duplex, err: StatusError): void {
  const body = JSON.stringify(err.status);
  socket.end(`HTTP/1.1 ${err.code} ${err.status.reason ?? "Failure"}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function acceptStream(req: IncomingMessage, socket: Duplex, head: Buffer, stream: Duplex, log: (m: string, err?: unknown) => void): void {
  // A failed handshake closes the socket without calling back: the stream must not outlive it.
  const abandon = (): void => void stream.destroy();
  socket.once("close", abandon);
  wss.handleUpgrade(req, socket, head, (ws) => {
    socket.off("close", abandon);
    const client = createWebSocketStream(ws);
    let closed = false;
    const close = (why: string) => (err?: Error): void => {
      if (closed) return;
      closed = true;
      log(`stream closed (${why})`, err);
      client.destroy();
      stream.destroy();
    };
    // The WebSocket stream ends ('end') when the client closes; it emits 'close' only once destroyed.
    client.on("error", close("client error")).once("end", close("client closed")).once("close", close("client closed"));
    stream.on("error", close("virt-handler error")).once("close", close("virt-handler closed"));
    client.pipe(stream);
    stream.pipe(client);
    log("stream opened");
  });
}
