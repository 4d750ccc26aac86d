/**
 * virt-api's HTTPS server: the discovery documents for anyone (as KubeVirt serves them), every
 * subresource only for the front proxy (authn.ts) and only after a SubjectAccessReview (authz.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import { acceptStream, refuseUpgrade } from "./websocket";
import { identify, type Identity, type RequestHeaderConfig } from "./authn";
import { attributesOf, authorize } from "./authz";
import { apiGroup, apiGroupList, apiResourceList, openApiV2, openApiV3Root, rootPaths, versionInfo } from "./discovery";
import { methodOf, route, type Route } from "./routes";
import { badRequest, forbidden, internal, methodNotAllowed, notFoundPath, StatusError, unauthorized } from "./status";

export type Sub = Extract<Route, { kind: "subresource" }>;

/** A subresource's handler: a JSON body (or nothing: 202/200 as the verb answers) or a thrown StatusError. */
export type Handler = (r: Sub, body: Record<string, unknown>, who: Identity) => Promise<{ code: number; body?: unknown }>;

/** A stream subresource's opener: the bytes of the console, VNC display or guest port, or a thrown StatusError. */
export type StreamOpener = (r: Sub) => Promise<Duplex>;

export interface ApiServerOptions {
  cert: string;
  key: string;
  requestHeader: RequestHeaderConfig & { clientCA: string };
  handlers: Record<string, Handler>;
  /** console, vnc, portforward: WebSocket upgrades (websocket.ts). */
  streams?: Record<string, StreamOpener>;
  log: (message: string, err?: unknown) => void;
}

const DOCUMENTS = {
  root: rootPaths,
  apis: apiGroupList,
  group: apiGroup,
  resources: apiResourceList,
  version: versionInfo,
  healthz: () => "ok",
  openapiV2: openApiV2,
  openapiV3: openApiV3Root,
} as const;

const MAX_BODY = 1 << 20;

export function createApiServer(opts: ApiServerOptions): Server {
  const server = createServer(
    // Client certificates are asked for but not required at the TLS layer: probes and discovery come
    // without one; subresources check `authorized` themselves.
    { cert: opts.cert, key: opts.key, ca: opts.requestHeader.clientCA, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      serve(req, res, opts).catch((err) => {
        opts.log(`${req.method} ${req.url} failed`, err);
        if (!res.headersSent) send(res, internal((err as Error).message));
      });
    },
  );
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => undefined);
    serveUpgrade(req, socket, head, opts).catch((err: unknown) => {
      if (!(err instanceof StatusError)) opts.log(`${req.method} ${req.url} (upgrade) failed`, err);
      refuseUpgrade(socket, err instanceof StatusError ? err : internal((err as Error).message));
    });
  });
  return server;
}

/** A stream: the same checks as any subresource, then the opener, then the WebSocket handshake. */
async function serveUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, opts: ApiServerOptions): Promise<void> {
  const r = route(req.method ?? "GET", req.url ?? "/");
  const opener = r.kind === "subresource" ? opts.streams?.[`${r.resource}/${r.subresource}`] : undefined;
  if (r.kind !== "subresource" || !opener) throw notFoundPath(req.url ?? "/");
  await admit(req, r, opts);
  const stream = await opener(r);
  acceptStream(req, socket, head, stream, (m, err) => opts.log(`${r.namespace}/${r.name} ${r.subresource}: ${m}`, err));
}

/** Who calls, and whether they may: throws the 401/403/405 otherwise. */
async function admit(req: IncomingMessage, r: Sub, opts: ApiServerOptions): Promise<Identity> {
  const who = identifyRequest(req, opts.requestHeader);
  if ("refused" in who) throw unauthorized(who.refused);
  if (methodOf(r) !== r.method) throw methodNotAllowed(r.method, req.url ?? "");
  const attrs = attributesOf(r);
  const decision = await authorize(who, attrs);
  if (!decision.allowed) {
    opts.log(`forbidden: ${who.user} ${attrs.verb} ${attrs.resource}/${attrs.subresource} ${attrs.namespace}/${attrs.name}`);
    throw forbidden({ user: who.user, ...attrs, reason: decision.reason });
  }
  return who;
}

async function serve(req: IncomingMessage, res: ServerResponse, opts: ApiServerOptions): Promise<void> {
  const r = route(req.method ?? "GET", req.url ?? "/");
  if (r.kind === "document") {
    const doc = DOCUMENTS[r.name]();
    if (typeof doc === "string") return void res.writeHead(200, { "Content-Type": "text/plain" }).end(doc);
    return json(res, 200, doc);
  }
  if (r.kind === "unknown") return send(res, notFoundPath(req.url ?? "/"));
  try {
    const who = await admit(req, r, opts);
    const handler = opts.handlers[`${r.resource}/${r.subresource}`];
    // A stream asked for without an upgrade: KubeVirt answers such a GET with 400 too.
    if (!handler && opts.streams?.[`${r.resource}/${r.subresource}`]) throw badRequest(`${r.subresource} is a WebSocket stream: connect with an Upgrade: websocket request`);
    if (!handler) return send(res, notFoundPath(req.url ?? "/"));
    const body = await readJson(req);
    const out = await handler(r, body, who);
    if (out.body === undefined) return void res.writeHead(out.code).end();
    return json(res, out.code, out.body);
  } catch (err) {
    if (err instanceof StatusError) return send(res, err);
    throw err;
  }
}

export function identifyRequest(req: IncomingMessage, cfg: RequestHeaderConfig): Identity | { refused: string } {
  const socket = req.socket as TLSSocket;
  const cert = socket.authorized ? socket.getPeerCertificate() : undefined;
  const cn = cert?.subject?.CN;
  return identify({ authorized: socket.authorized === true, commonName: Array.isArray(cn) ? cn[0] : cn }, req.headers, cfg);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw badRequest(`request body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a JSON object");
    return parsed as Record<string, unknown>;
  } catch (err) {
    throw badRequest(`Can not unmarshal Request body to struct, error: ${(err as Error).message}`);
  }
}

const json = (res: ServerResponse, code: number, body: unknown): void => void res.writeHead(code, { "Content-Type": "application/json" }).end(JSON.stringify(body));
export const send = (res: ServerResponse, err: StatusError): void => json(res, err.code, err.status);
