/**
 * virt-api's serving certificate: a CA of its own and a certificate for its Service's DNS names, as
 * virt-operator makes KubeVirt's. The API server trusts the CA through the APIService's caBundle.
 * Made once and kept in a Secret, so restarts of the controller keep the same CA.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { KubeError, request } from "../kube/client";
import { resourcePath } from "../kube/resources";

// node-forge (a dependency of Pepr, which makes its own webhook certificates with it) ships no types:
// the few calls used here, typed.
interface ForgeCert {
  publicKey: unknown;
  serialNumber: string;
  validity: { notBefore: Date; notAfter: Date };
  setSubject(a: Array<{ name: string; value: string }>): void;
  setIssuer(a: Array<{ name: string; value: string }>): void;
  setExtensions(e: Array<Record<string, unknown>>): void;
  sign(key: unknown, md: unknown): void;
  subject: { attributes: Array<{ name: string; value: string }> };
}
interface Forge {
  pki: {
    createCertificate(): ForgeCert;
    privateKeyFromPem(pem: string): unknown;
    publicKeyFromPem(pem: string): unknown;
    certificateToPem(c: ForgeCert): string;
  };
  md: { sha256: { create(): unknown } };
}
// A plain require with a literal name, so the components' esbuild bundles carry node-forge inside.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const forge = require("node-forge") as Forge;

export interface ServingCert {
  caCrt: string;
  tlsCrt: string;
  tlsKey: string;
}

const SECRET_REF = { group: "", version: "v1", plural: "secrets", namespaced: true };
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export function keyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs1", format: "pem" } });
  return { privatePem: privateKey, publicPem: publicKey };
}

/** A certificate signed by `signerKeyPem`; a leaf is for serving unless `usage` says client (mutual TLS). */
export function certificate(o: { cn: string; publicPem: string; signerKeyPem: string; issuerCn: string; ca: boolean; dnsNames?: string[]; usage?: "server" | "client" }): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(o.publicPem);
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`; // positive, unique
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + TEN_YEARS_MS);
  cert.setSubject([{ name: "commonName", value: o.cn }]);
  cert.setIssuer([{ name: "commonName", value: o.issuerCn }]);
  cert.setExtensions(
    o.ca
      ? [{ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true }]
      : [
          { name: "basicConstraints", cA: false },
          { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
          o.usage === "client" ? { name: "extKeyUsage", clientAuth: true } : { name: "extKeyUsage", serverAuth: true },
          { name: "subjectAltName", altNames: (o.dnsNames ?? []).map((value) => ({ type: 2, value })) },
        ],
  );
  cert.sign(forge.pki.privateKeyFromPem(o.signerKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** A new CA and a serving certificate for the Service `name` in `namespace` (pure but for randomness). */
export function makeServingCert(name: string, namespace: string): ServingCert {
  const ca = keyPair();
  // Only PrintableString characters (no "@"): node-forge encodes names so, and Go's x509 (the API
  // server, the kubelet's probes) rejects a certificate whose name breaks that.
  const caCn = `${name}-ca-${Math.floor(Date.now() / 1000)}`;
  const caCrt = certificate({ cn: caCn, publicPem: ca.publicPem, signerKeyPem: ca.privatePem, issuerCn: caCn, ca: true });
  const leaf = keyPair();
  const dnsNames = [name, `${name}.${namespace}`, `${name}.${namespace}.svc`, `${name}.${namespace}.svc.cluster.local`];
  const tlsCrt = certificate({ cn: `${name}.${namespace}.svc`, publicPem: leaf.publicPem, signerKeyPem: ca.privatePem, issuerCn: caCn, ca: false, dnsNames });
  return { caCrt, tlsCrt, tlsKey: leaf.privatePem };
}

const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");
const unb64 = (s: string | undefined): string => Buffer.from(s ?? "", "base64").toString("utf8");

/**
 * The PEM files kept in Secret `secretName` (keys as given), made and stored first if missing or
 * incomplete; when two makers race, the first stored wins and both use it.
 */
export async function ensureCertSecret(secretName: string, namespace: string, o: { labels: Record<string, string>; keys: string[]; make: () => Record<string, string> }): Promise<Record<string, string>> {
  const path = resourcePath(SECRET_REF, namespace, secretName);
  const { keys } = o;
  const read = async (): Promise<Record<string, string> | undefined> => {
    try {
      const d = (await request<{ data?: Record<string, string> }>("GET", path)).data ?? {};
      return keys.every((k) => d[k]) ? Object.fromEntries(keys.map((k) => [k, unb64(d[k])])) : undefined;
    } catch (err) {
      if (err instanceof KubeError && err.notFound) return undefined;
      throw err;
    }
  };
  const existing = await read();
  if (existing) return existing;
  const made = o.make();
  const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: secretName, namespace, labels: o.labels }, data: Object.fromEntries(keys.map((k) => [k, b64(made[k]!)])) };
  try {
    await request("POST", resourcePath(SECRET_REF, namespace), secret);
    return made;
  } catch (err) {
    if (err instanceof KubeError && err.conflict) return (await read()) ?? made;
    throw err;
  }
}

/** virt-api's serving certificate, kept in Secret `secretName`. */
export async function ensureServingCert(secretName: string, service: string, namespace: string): Promise<ServingCert> {
  const d = await ensureCertSecret(secretName, namespace, {
    labels: { "kubevirt.io": "virt-api" },
    keys: ["ca.crt", "tls.crt", "tls.key"],
    make: () => {
      const c = makeServingCert(service, namespace);
      return { "ca.crt": c.caCrt, "tls.crt": c.tlsCrt, "tls.key": c.tlsKey };
    },
  });
  return { caCrt: d["ca.crt"]!, tlsCrt: d["tls.crt"]!, tlsKey: d["tls.key"]! };
}
