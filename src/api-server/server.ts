/**
 * virt-api's HTTPS server: the discovery documents for anyone (as KubeVirt serves them), every
 * subresource only for the front proxy (authn.ts) and only after a SubjectAccessReview (authz.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { TLSSocket } from "node:tls";
import { identify, type Identity, type RequestHeaderConfig } from "./authn";
import { attributesOf, authorize } from "./authz";
import { apiGroup, apiGroupList, apiResourceList, openApiV2, openApiV3Root, rootPaths, versionInfo } from "./discovery";
import { methodOf, route, type Route } from "./routes";
import { badRequest, forbidden, internal, methodNotAllowed, notFoundPath, StatusError, unauthorized } from "./status";

export type Sub = Extract<Route, { kind: "subresource" }>;

/** A subresource's handler: a JSON body (or nothing: 202/200 as the verb answers) or a thrown StatusError. */
export type Handler = (r: Sub, body: Record<string, unknown>, who: Identity) => Promise<{ code: number; body?: unknown }>;

export interface ApiServerOptions {
  cert: string;
  key: string;
  requestHeader: RequestHeaderConfig & { clientCA: string };
  handlers: Record<string, Handler>;
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
  return createServer(
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
}

async function serve(req: IncomingMessage, res: ServerResponse, opts: ApiServerOptions): Promise<void> {
  const r = route(req.method ?? "GET", req.url ?? "/");
  if (r.kind === "document") {
    const doc = DOCUMENTS[r.name]();
    if (typeof doc === "string") return void res.writeHead(200, { "Content-Type": "text/plain" }).end(doc);
    return json(res, 200, doc);
  }
  if (r.kind === "unknown") return send(res, notFoundPath(req.url ?? "/"));
  const who = identifyRequest(req, opts.requestHeader);
  if ("refused" in who) return send(res, unauthorized(who.refused));
  if (methodOf(r) !== r.method) return send(res, methodNotAllowed(r.method, req.url ?? ""));
  const attrs = attributesOf(r);
  const decision = await authorize(who, attrs);
  if (!decision.allowed) {
    opts.log(`forbidden: ${who.user} ${attrs.verb} ${attrs.resource}/${attrs.subresource} ${attrs.namespace}/${attrs.name}`);
    return send(res, forbidden({ user: who.user, ...attrs, reason: decision.reason }));
  }
  const handler = opts.handlers[`${r.resource}/${r.subresource}`];
  if (!handler) return send(res, notFoundPath(req.url ?? "/"));
  try {
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
