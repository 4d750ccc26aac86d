import { createServer, type Server } from "node:https";
import type { Registry } from "prom-client";
import { makeServingCert } from "../api-server/serving-cert";

export const METRICS_PORT = 8443;

/**
 * Serves a registry at /metrics over TLS on 8443, as KubeVirt's components do. The certificate is
 * self-signed and made at start-up: scrapes come through the API server's pod proxy (or a
 * Prometheus that skips verification, as KubeVirt's ServiceMonitor does).
 */
export function serveMetrics(registry: Registry, component: string, namespace: string, log: (message: string, err?: unknown) => void): Server {
  const cert = makeServingCert(component, namespace);
  const server = createServer({ cert: cert.tlsCrt, key: cert.tlsKey }, (req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("only GET /metrics is served here\n");
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      (err: unknown) => {
        log("metrics: collecting failed", err);
        res.writeHead(500, { "content-type": "text/plain" }).end(`collecting metrics failed: ${String(err)}\n`);
      },
    );
  });
  server.on("error", (err) => log(`metrics: cannot serve on :${METRICS_PORT}`, err));
  server.listen(METRICS_PORT);
  server.unref();
  return server;
}
