/**
 * The virt-api ↔ virt-handler link's certificates, as KubeVirt keeps them: a CA used for nothing
 * else, a serving certificate for the handlers and a client certificate for virt-api, in Secret
 * kubevirt/virt-handler-link-certs. Each side mounts only its own key (install.ts `items`).
 */
import { certificate, ensureCertSecret, keyPair } from "../../api-server/serving-cert";

export const LINK_SECRET = "virt-handler-link-certs";
export const LINK_PORT = 8186;
/** The names the two ends check on each other's certificate. */
export const LINK_SERVER_CN = "virt-handler";
export const LINK_CLIENT_CN = "virt-api";
/** Where each side mounts its files (ca.crt, tls.crt, tls.key). */
export const HANDLER_LINK_DIR = "/etc/virt-handler/link";
export const API_LINK_DIR = "/etc/virt-api/link";

export const LINK_KEYS = ["ca.crt", "tls.crt", "tls.key", "client.crt", "client.key"] as const;

/** A new link CA with a handler serving pair (tls.*) and a virt-api client pair (client.*) (pure but for randomness). */
export function makeLinkCerts(): Record<(typeof LINK_KEYS)[number], string> {
  const ca = keyPair();
  const caCn = `virt-handler-link-ca-${Math.floor(Date.now() / 1000)}`;
  const caCrt = certificate({ cn: caCn, publicPem: ca.publicPem, signerKeyPem: ca.privatePem, issuerCn: caCn, ca: true });
  const server = keyPair();
  const client = keyPair();
  const leaf = (cn: string, publicPem: string, usage: "server" | "client"): string =>
    certificate({ cn, publicPem, signerKeyPem: ca.privatePem, issuerCn: caCn, ca: false, usage, dnsNames: [cn] });
  return {
    "ca.crt": caCrt,
    "tls.crt": leaf(LINK_SERVER_CN, server.publicPem, "server"),
    "tls.key": server.privatePem,
    "client.crt": leaf(LINK_CLIENT_CN, client.publicPem, "client"),
    "client.key": client.privatePem,
  };
}

export const ensureLinkCerts = (namespace: string): Promise<Record<string, string>> =>
  ensureCertSecret(LINK_SECRET, namespace, { labels: { "kubevirt.io": "virt-handler" }, keys: [...LINK_KEYS], make: makeLinkCerts });

/** The Secret volume each side mounts: the CA and its own pair, as tls.crt/tls.key. */
export function linkVolume(side: "handler" | "api"): object {
  const own = side === "handler" ? ["tls.crt", "tls.key"] : ["client.crt", "client.key"];
  return {
    name: "link-certs",
    secret: { secretName: LINK_SECRET, defaultMode: 0o444, items: [{ key: "ca.crt", path: "ca.crt" }, { key: own[0], path: "tls.crt" }, { key: own[1], path: "tls.key" }] },
  };
}
