/**
 * The handler's end of the virt-api link: HTTPS with mutual TLS on port 8186, serving only virt-api
 * (a client certificate from the link's CA with virt-api's name; the TLS layer refuses any other).
 * pause/unpause are calls to the VMI's launcher; console, VNC and port-forward upgrade the
 * connection and pipe it to a new stream on the launcher's command socket.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import type { StreamTarget } from "../../launcher/command/protocol";
import { StreamRefused } from "../../launcher/command/stream-client";
import type { HandlerCluster } from "../cluster";
import type { Launchers } from "../launchers";
import { errorText, type Logger } from "../log";
import { vmiMeta } from "../observed";
import { launcherPodView } from "../pod-view";
import { vmiKey } from "../reconcile";
import { LINK_CLIENT_CN } from "./certs";
import { LINK_UPGRADE, isStream, methodOf, parseLinkPath, type LinkAction, type LinkRequest } from "./paths";

export interface LinkServerOptions {
  tls: { ca: string; cert: string; key: string };
  nodeName: string;
  cluster: HandlerCluster;
  launchers: Launchers;
  log: Logger;
}

/** A refusal with an HTTP code; virt-api passes code and message on to the user. */
export class LinkError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

const streamTarget = (a: LinkAction): StreamTarget => (a.kind === "portforward" ? { target: "tcp", port: a.port } : { target: a.kind as "console" | "vnc" });

export function createLinkServer(o: LinkServerOptions): Server {
  const server = createServer({ ...o.tls, requestCert: true, rejectUnauthorized: true, minVersion: "TLSv1.2" });
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    void answer(o, req)
      .then(() => res.writeHead(200, { "Content-Type": "application/json" }).end("{}"))
      .catch((err: unknown) => fail(res, err, o.log));
  });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => undefined);
    void stream(o, req, socket, head).catch((err: unknown) => {
      const { code, message } = refusal(err, o.log);
      socket.end(`HTTP/1.1 ${code} Refused\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ code, message })}`);
    });
  });
  server.on("tlsClientError", (err) => o.log("link: TLS handshake refused", { error: errorText(err) }));
  return server;
}

/** The request, once the caller is known to be virt-api and the path and method are right. */
function check(req: IncomingMessage, wantStream: boolean): LinkRequest {
  const peer = (req.socket as TLSSocket).getPeerCertificate();
  const cn = Array.isArray(peer?.subject?.CN) ? peer.subject.CN[0] : peer?.subject?.CN;
  if (cn !== LINK_CLIENT_CN) throw new LinkError(403, `link: client certificate ${String(cn)} is not virt-api's`);
  const r = parseLinkPath(req.url ?? "/");
  if ("problem" in r) throw new LinkError(404, `link: ${r.problem}`);
  if (isStream(r.action) !== wantStream || methodOf(r.action) !== req.method) throw new LinkError(405, `link: ${req.method} ${r.action.kind}${wantStream ? " with an upgrade" : ""} is not served`);
  return r;
}

/** The VMI's live launcher pod on this node, or why there is none. */
async function launcherOf(o: LinkServerOptions, r: LinkRequest): Promise<string> {
  const vmi = await o.cluster.getVmi(r.namespace, r.name);
  if (!vmi || vmiMeta(vmi).uid !== r.uid) throw new LinkError(404, `virtualmachineinstance.kubevirt.io "${r.name}" not found`);
  if (vmi.status?.nodeName !== o.nodeName) throw new LinkError(409, `VMI ${r.namespace}/${r.name} does not run on node ${o.nodeName}`);
  const pod = launcherPodView(await o.cluster.launcherPods(r.namespace, r.uid), o.nodeName);
  if (!pod?.computeRunning || pod.deleting) throw new LinkError(409, "VM is not running");
  return pod.uid;
}

async function answer(o: LinkServerOptions, req: IncomingMessage): Promise<void> {
  req.resume();
  const r = check(req, false);
  const podUid = await launcherOf(o, r);
  await o.launchers.control(podUid, vmiKey(r.namespace, r.name), r.action.kind as "pause" | "unpause");
  o.log(`link: ${r.action.kind}`, { vmi: vmiKey(r.namespace, r.name) });
}

async function stream(o: LinkServerOptions, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  if ((req.headers.upgrade ?? "").toLowerCase() !== LINK_UPGRADE) throw new LinkError(400, `link: upgrade to ${LINK_UPGRADE} only`);
  const r = check(req, true);
  const podUid = await launcherOf(o, r);
  const launcher = await o.launchers.stream(podUid, streamTarget(r.action));
  if (socket.destroyed) return void launcher.destroy();
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: ${LINK_UPGRADE}\r\n\r\n`);
  if (head.length > 0) launcher.write(head);
  const close = (): void => {
    socket.destroy();
    launcher.destroy();
  };
  socket.once("close", close);
  launcher.once("close", close).on("error", close);
  socket.pipe(launcher);
  launcher.pipe(socket);
  o.log(`link: ${r.action.kind} stream opened`, { vmi: vmiKey(r.namespace, r.name) });
}

function refusal(err: unknown, log: Logger): { code: number; message: string } {
  if (err instanceof LinkError) return { code: err.code, message: err.message };
  // The launcher's own refusal (e.g. "No graphics devices are present.") is the user's answer.
  if (err instanceof StreamRefused) return { code: 400, message: err.message };
  const code = (err as { code?: string }).code;
  if (code === "failed" || code === "no-domain") return { code: 409, message: (err as Error).message.replace(/^\w+: (failed|no-domain): /, "") };
  log("link: request failed", { error: errorText(err) });
  return { code: 500, message: errorText(err) };
}

function fail(res: ServerResponse, err: unknown, log: Logger): void {
  const { code, message } = refusal(err, log);
  if (!res.headersSent) res.writeHead(code, { "Content-Type": "application/json" }).end(JSON.stringify({ code, message }));
}
