/**
 * virt-api's end of the link to virt-handler: finds the handler pod of the VMI's node (label
 * kubevirt.io=virt-handler, its pod IP) and calls it over mutual TLS with virt-api's client
 * certificate, trusting only the link's CA and only a certificate named virt-handler.
 */
import { readFile } from "node:fs/promises";
import { request as httpsRequest, type RequestOptions } from "node:https";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { PeerCertificate } from "node:tls";
import { listObjects, type KubeObject } from "../kube/objects";
import { RESOURCES } from "../kube/resources";
import { LINK_PORT, LINK_SERVER_CN } from "../handler/link/certs";
import { LINK_UPGRADE, isStream, linkPath, methodOf, type LinkRequest } from "../handler/link/paths";
import { badRequest, internal, make, StatusError } from "./status";

export interface HandlerLink {
  /** pause/unpause: resolves when the handler has done it. */
  call(nodeName: string, r: LinkRequest): Promise<void>;
  /** console/vnc/portforward: the stream's bytes, both ways. */
  stream(nodeName: string, r: LinkRequest): Promise<Duplex>;
}

interface LinkTls {
  ca: string;
  cert: string;
  key: string;
}

type Pod = KubeObject & { spec?: { nodeName?: string }; status?: { phase?: string; podIP?: string } };

export async function readLinkTls(dir: string): Promise<LinkTls> {
  const [ca, cert, key] = await Promise.all(["ca.crt", "tls.crt", "tls.key"].map((f) => readFile(join(dir, f), "utf8")));
  return { ca: ca!, cert: cert!, key: key! };
}

/** The handler's certificate must carry its name; the chain is checked against the link CA alone. */
const checkServerIdentity = (_host: string, cert: PeerCertificate): Error | undefined =>
  cert.subject?.CN === LINK_SERVER_CN ? undefined : new Error(`the link's peer is ${String(cert.subject?.CN)}, not ${LINK_SERVER_CN}`);

/** A handler's refusal ({code, message}) as the Status the user gets. */
function refusalOf(code: number, body: string): StatusError {
  let message = body;
  try {
    message = (JSON.parse(body) as { message?: string }).message ?? body;
  } catch {
    // not JSON: the text is the message
  }
  if (code === 400) return badRequest(message);
  if (code === 404) return make(404, "NotFound", message);
  if (code === 409) return make(409, "Conflict", message);
  return internal(`virt-handler answered ${code}: ${message}`);
}

export function handlerLink(tls: LinkTls, handlerNamespace: string): HandlerLink {
  async function handlerAddress(nodeName: string): Promise<string> {
    const pods = await listObjects<Pod>(RESOURCES.pod, handlerNamespace, "kubevirt.io=virt-handler");
    const pod = pods.find((p) => p.spec?.nodeName === nodeName && p.status?.phase === "Running" && p.status.podIP);
    if (!pod) throw make(503, "ServiceUnavailable", `no running virt-handler on node ${nodeName}: its node agent must be ready to reach the VMI`);
    return pod.status!.podIP!;
  }
  const options = async (nodeName: string, r: LinkRequest): Promise<RequestOptions> => ({
    host: await handlerAddress(nodeName),
    port: LINK_PORT,
    path: linkPath(r),
    method: methodOf(r.action),
    ...tls,
    servername: LINK_SERVER_CN,
    checkServerIdentity,
    timeout: 30_000,
  });
  return {
    async call(nodeName, r) {
      const opts = await options(nodeName, r);
      await new Promise<void>((resolve, reject) => {
        const req = httpsRequest(opts, (res) => {
          let body = "";
          res.on("data", (d: Buffer) => (body += d.toString())).on("end", () => (res.statusCode === 200 ? resolve() : reject(refusalOf(res.statusCode ?? 0, body))));
        });
        req.on("timeout", () => req.destroy(new Error("virt-handler did not answer within 30 s")));
        req.on("error", (err) => reject(internal(`cannot reach virt-handler on node ${nodeName}: ${err.message}`)));
        req.end();
      });
    },
    async stream(nodeName, r) {
      if (!isStream(r.action)) throw new Error(`${r.action.kind} is not a stream`);
      const opts = await options(nodeName, r);
      return new Promise<Duplex>((resolve, reject) => {
        const req = httpsRequest({ ...opts, headers: { Connection: "Upgrade", Upgrade: LINK_UPGRADE } });
        req.on("upgrade", (_res, socket, head) => {
          req.setTimeout(0);
          socket.setTimeout(0);
          if (head.length > 0) socket.unshift(head);
          resolve(socket);
        });
        req.on("response", (res) => {
          let body = "";
          res.on("data", (d: Buffer) => (body += d.toString())).on("end", () => reject(refusalOf(res.statusCode ?? 0, body)));
        });
        req.on("timeout", () => req.destroy(new Error("virt-handler did not answer within 30 s")));
        req.on("error", (err) => reject(internal(`cannot reach virt-handler on node ${nodeName}: ${err.message}`)));
        req.end();
      });
    },
  };
}
