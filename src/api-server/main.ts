/**
 * virt-api's entry: serving certificate from the mounted Secret, the front proxy's CA and header
 * names from kube-system/extension-apiserver-authentication (the API server publishes them there for
 * aggregated servers), then the HTTPS server until SIGTERM. Resolves with the exit code.
 */
import { readFile } from "node:fs/promises";
import { request } from "../kube/client";
import { requestHeaderConfig } from "./authn";
import { streamOpeners, subresourceHandlers } from "./handlers";
import { handlerLink, readLinkTls } from "./handler-link";
import { createApiServer } from "./server";

export interface ApiServerConfig {
  certFile: string;
  keyFile: string;
  port: number;
  /** The link's CA and virt-api's client pair (Secret virt-handler-link-certs, mounted). */
  linkDir: string;
  /** Where the virt-handler pods run. */
  handlerNamespace: string;
}

export function apiServerConfig(env: NodeJS.ProcessEnv): ApiServerConfig {
  const port = Number(env.VIRT_API_PORT ?? "8443");
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`VIRT_API_PORT=${env.VIRT_API_PORT}: must be a port number (1-65535)`);
  const dir = env.VIRT_API_CERT_DIR ?? "/etc/virt-api/certs";
  return { certFile: `${dir}/tls.crt`, keyFile: `${dir}/tls.key`, port, linkDir: env.VIRT_API_LINK_DIR ?? "/etc/virt-api/link", handlerNamespace: env.VIRT_HANDLER_NAMESPACE ?? "kubevirt" };
}

const log = (message: string, err?: unknown): void => {
  const error = err === undefined ? {} : { error: err instanceof Error ? err.message : String(err) };
  process.stderr.write(JSON.stringify({ ts: new Date().toISOString(), component: "virt-api", msg: message, ...error }) + "\n");
};

export async function main(): Promise<number> {
  let config: ApiServerConfig;
  try {
    config = apiServerConfig(process.env);
  } catch (err) {
    process.stderr.write(`virt-api: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const [cert, key, linkTls, auth] = await Promise.all([
      readFile(config.certFile, "utf8"),
      readFile(config.keyFile, "utf8"),
      readLinkTls(config.linkDir),
      request<{ data?: Record<string, string> }>("GET", "/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication"),
    ]);
    const link = handlerLink(linkTls, config.handlerNamespace);
    const server = createApiServer({ cert, key, requestHeader: requestHeaderConfig(auth.data ?? {}), handlers: subresourceHandlers(link), streams: streamOpeners(link), log });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(config.port, resolve));
    log(`serving subresources.kubevirt.io on :${config.port}`);
    return await new Promise<number>((resolve) => {
      const stop = (): void => void server.close(() => resolve(0));
      process.once("SIGTERM", stop).once("SIGINT", stop);
    });
  } catch (err) {
    log("start-up failed", err);
    return 1;
  }
}
