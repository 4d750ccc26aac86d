import test from "ava";
import { request } from "node:https";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { connect } from "node:tls";
import type { HandlerCluster } from "../cluster";
import type { Launchers } from "../launchers";
import type { Vmi } from "../observed";
import { makeLinkCerts } from "./certs";
import { linkPath, LINK_UPGRADE } from "./paths";
import { createLinkServer } from "./server";

const certs = makeLinkCerts();
const vmi = { metadata: { name: "vm", namespace: "ns", uid: "u1" }, spec: { domain: { devices: {} } }, status: { phase: "Running", nodeName: "n1" } } as unknown as Vmi;
const pod = { metadata: { name: "virt-launcher-vm", uid: "p1" }, spec: { nodeName: "n1" }, status: { phase: "Running", containerStatuses: [{ name: "compute", state: { running: {} } }] } };

async function serve(): Promise<{ port: number; calls: string[]; close: () => void }> {
  const calls: string[] = [];
  const cluster = { getVmi: async () => vmi, launcherPods: async () => [pod] } as unknown as HandlerCluster;
  const launchers = {
    control: async (podUid: string, _key: string, m: string) => void calls.push(`${m} ${podUid}`),
    stream: async (podUid: string, target: { target: string }) => (calls.push(`stream ${target.target} ${podUid}`), new PassThrough()),
  } as unknown as Launchers;
  const server = createLinkServer({ tls: { ca: certs["ca.crt"], cert: certs["tls.crt"], key: certs["tls.key"] }, nodeName: "n1", cluster, launchers, log: () => undefined });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { port: (server.address() as AddressInfo).port, calls, close: () => server.close() };
}

const asClient = { ca: certs["ca.crt"], cert: certs["client.crt"], key: certs["client.key"], checkServerIdentity: () => undefined };

function put(port: number, path: string, tls: object): Promise<{ code: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "PUT", ...tls }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString())).on("end", () => resolve({ code: res.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  });
}

test("virt-api's client certificate pauses the VMI through its launcher; a path for another VMI uid is 404", async (t) => {
  const s = await serve();
  t.is((await put(s.port, linkPath({ namespace: "ns", name: "vm", uid: "u1", action: { kind: "pause" } }), asClient)).code, 200);
  t.deepEqual(s.calls, ["pause p1"]);
  const other = await put(s.port, linkPath({ namespace: "ns", name: "vm", uid: "u2", action: { kind: "pause" } }), asClient);
  t.is(other.code, 404);
  s.close();
});

test("no client certificate, or the handler's own (a server certificate), is refused by the TLS layer", async (t) => {
  const s = await serve();
  const path = linkPath({ namespace: "ns", name: "vm", uid: "u1", action: { kind: "pause" } });
  await t.throwsAsync(put(s.port, path, { ca: certs["ca.crt"], checkServerIdentity: () => undefined }));
  const asServer = await put(s.port, path, { ca: certs["ca.crt"], cert: certs["tls.crt"], key: certs["tls.key"], checkServerIdentity: () => undefined }).catch(() => ({ code: 0 }));
  t.not(asServer.code, 200);
  t.deepEqual(s.calls, []);
  s.close();
});

test("a console upgrade gets 101 and then the launcher's stream", async (t) => {
  const s = await serve();
  const socket = connect({ host: "127.0.0.1", port: s.port, ...asClient });
  const path = linkPath({ namespace: "ns", name: "vm", uid: "u1", action: { kind: "console" } });
  socket.write(`GET ${path} HTTP/1.1\r\nHost: link\r\nConnection: Upgrade\r\nUpgrade: ${LINK_UPGRADE}\r\n\r\n`);
  let got = "";
  await new Promise<void>((resolve) => socket.on("data", (d: Buffer) => {
    got += d.toString();
    if (got.includes("\r\n\r\n") && !got.includes("echo")) socket.write("echo");
    if (got.endsWith("echo")) resolve();
  }));
  t.regex(got, /^HTTP\/1.1 101 /);
  t.deepEqual(s.calls, ["stream console p1"]);
  socket.destroy();
  s.close();
});
