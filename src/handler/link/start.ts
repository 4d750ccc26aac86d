/** Serves the link on its port with the mounted certificates (certs.ts); resolves once listening. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Server } from "node:https";
import { LINK_PORT } from "./certs";
import { createLinkServer, type LinkServerOptions } from "./server";

export async function startLinkServer(certDir: string, o: Omit<LinkServerOptions, "tls">, port = LINK_PORT): Promise<Server> {
  const [ca, cert, key] = await Promise.all(["ca.crt", "tls.crt", "tls.key"].map((f) => readFile(join(certDir, f), "utf8")));
  const server = createLinkServer({ ...o, tls: { ca: ca!, cert: cert!, key: key! } });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, resolve));
  o.log("link to virt-api served", { port });
  return server;
}
