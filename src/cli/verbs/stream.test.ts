import test from "ava";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { makeServingCert } from "../../api-server/serving-cert";
import { badRequest } from "../../api-server/status";
import { acceptStream, refuseUpgrade } from "../../api-server/websocket";
import { ApiError } from "./api";
import type { Connection } from "./kubeconfig";
import { openStream } from "./stream";

const cert = makeServingCert("localhost", "test");

/** virt-api's WebSocket side on a local HTTPS server: an echo for console, a refusal for vnc; `server` ends the stream. */
async function serve(): Promise<{ conn: Connection; ended: () => void; close: () => void }> {
  let echo: PassThrough | undefined;
  const server = createServer({ cert: cert.tlsCrt, key: cert.tlsKey });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.endsWith("/vnc")) return refuseUpgrade(socket, badRequest("No graphics devices are present."));
    echo = new PassThrough();
    acceptStream(req, socket, head, echo, () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    // The certificate names a Service, not 127.0.0.1: the test skips verification (kubeconfig's insecure-skip-tls-verify).
    conn: { server: `https://127.0.0.1:${port}`, namespace: "ns", insecure: true },
    ended: () => echo?.destroy(),
    close: () => server.close(),
  };
}

test("bytes go both ways over plain.kubevirt.io; the server closing ends the client's stream", async (t) => {
  const s = await serve();
  const stream = await openStream(s.conn, "virtualmachineinstances", "vm", "console");
  const back = new Promise<string>((resolve) => stream.once("data", (d: Buffer) => resolve(d.toString())));
  stream.write(Buffer.from("hello\n"));
  t.is(await back, "hello\n");
  const ended = new Promise<void>((resolve) => stream.once("end", resolve));
  s.ended();
  await ended;
  stream.destroy();
  s.close();
  t.pass();
});

test("a refusal before the handshake is an ApiError with the Status's code and message", async (t) => {
  const s = await serve();
  const err = await t.throwsAsync(openStream(s.conn, "virtualmachineinstances", "vm", "vnc"), { instanceOf: ApiError });
  t.is(err?.code, 400);
  t.is(err?.message, "No graphics devices are present.");
  s.close();
});
