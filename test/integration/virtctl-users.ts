/**
 * Users for the subresource API tests: a client certificate signed by the local cluster's CA
 * (.local/pki), in a kubeconfig of its own, so both kubectl virt and upstream virtctl call as that user.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { kubeconfig } from "./kube";
import { tempDir } from "../../src/testing/temp-dir";

const pki = resolve(__dirname, "../../.local/pki");

/** A kubeconfig for user `name` (no groups: what it may do comes only from the bindings the test makes). */
export function userKubeconfig(name: string, namespace: string): string {
  const dir = tempDir(`kvts-user-${name}-`);
  const key = join(dir, "user.key");
  const csr = join(dir, "user.csr");
  const crt = join(dir, "user.crt");
  execFileSync("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key], { stdio: "pipe" });
  execFileSync("openssl", ["req", "-new", "-key", key, "-subj", `/CN=${name}`, "-out", csr], { stdio: "pipe" });
  execFileSync("openssl", ["x509", "-req", "-in", csr, "-CA", join(pki, "ca.crt"), "-CAkey", join(pki, "ca.key"), "-CAcreateserial", "-CAserial", join(dir, "ca.srl"), "-days", "1", "-out", crt], { stdio: "pipe" });
  const admin = parse(readFileSync(kubeconfig, "utf8")) as { clusters: Array<{ name: string; cluster: Record<string, unknown> }> };
  const cluster = admin.clusters[0]!;
  const b64 = (p: string): string => readFileSync(p).toString("base64");
  const cfg = {
    apiVersion: "v1",
    kind: "Config",
    "current-context": name,
    clusters: [cluster],
    contexts: [{ name, context: { cluster: cluster.name, user: name, namespace } }],
    users: [{ name, user: { "client-certificate-data": b64(crt), "client-key-data": b64(key) } }],
  };
  const path = join(dir, "kubeconfig");
  writeFileSync(path, stringify(cfg), { mode: 0o600 });
  return path;
}
