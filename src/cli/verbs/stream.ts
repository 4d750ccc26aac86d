/**
 * The one stream opener of the CLI's stream verbs (console, vnc, port-forward, and ssh/scp through
 * port-forward): a WebSocket to a VMI's subresource through the API server with the caller's
 * credentials, subprotocol plain.kubevirt.io (binary frames of raw bytes), as virtctl opens it.
 * A refusal before the handshake becomes an ApiError with the server's message.
 */
import type { Duplex } from "node:stream";
import WebSocket, { createWebSocketStream } from "ws";
import { ApiError, messageOf, subresourcePath } from "./api";
import { tlsOptions, type Connection } from "./kubeconfig";

export const PLAIN_PROTOCOL = "plain.kubevirt.io";

export function openStream(c: Connection, resource: "virtualmachines" | "virtualmachineinstances", name: string, sub: string): Promise<Duplex> {
  const tls = tlsOptions(c);
  const url = `${c.server.replace(/^http/, "ws")}${subresourcePath(c, resource, name, sub)}`;
  const ws = new WebSocket(url, [PLAIN_PROTOCOL], { ...tls, perMessageDeflate: false, handshakeTimeout: 60_000 });
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(createWebSocketStream(ws)));
    ws.once("unexpected-response", (req, res) => {
      let body = "";
      // With this listener ws leaves the request open: it is ours to end, or it keeps the process alive.
      res.on("data", (d: Buffer) => (body += d.toString())).on("end", () => {
        req.destroy();
        ws.on("error", () => undefined).terminate();
      }).on("end", () => reject(new ApiError(res.statusCode ?? 0, messageOf(body) ?? `${res.statusCode} ${res.statusMessage ?? ""}`)));
    });
    ws.once("error", (err) => reject(new ApiError(0, `cannot open ${sub} of ${name}: ${err.message}`)));
  });
}

