/**
 * The caller's kubeconfig, read as kubectl reads it (current context → cluster, user, namespace), into
 * the TLS options of a Node HTTPS or WebSocket request. Client certificates and bearer tokens; an exec
 * or auth-provider plugin is named as unsupported rather than silently ignored.
 */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { parse } from "yaml";

export interface Connection {
  server: string;
  namespace: string;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  token?: string;
  insecure: boolean;
}

type Named<T> = Array<{ name: string } & T>;
interface KubeconfigFile {
  "current-context"?: string;
  contexts?: Named<{ context: { cluster: string; user?: string; namespace?: string } }>;
  clusters?: Named<{ cluster: { server: string; "certificate-authority"?: string; "certificate-authority-data"?: string; "insecure-skip-tls-verify"?: boolean } }>;
  users?: Named<{ user: Record<string, unknown> }>;
}

export class KubeconfigError extends Error {}

export function kubeconfigPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.KUBECONFIG?.split(":")[0] ?? join(homedir(), ".kube", "config");
}

/** Parses the kubeconfig text; `base` resolves relative file references, as kubectl does. */
export function connectionFrom(text: string, base: string, overrides: { namespace?: string; context?: string } = {}): Connection {
  const cfg = parse(text) as KubeconfigFile;
  const ctxName = overrides.context ?? cfg["current-context"];
  const ctx = cfg.contexts?.find((c) => c.name === ctxName)?.context;
  if (!ctx) throw new KubeconfigError(`kubeconfig: context "${ctxName ?? ""}" not found: set current-context or pass --context`);
  const cluster = cfg.clusters?.find((c) => c.name === ctx.cluster)?.cluster;
  if (!cluster?.server) throw new KubeconfigError(`kubeconfig: cluster "${ctx.cluster}" has no server`);
  const user = (ctx.user ? cfg.users?.find((u) => u.name === ctx.user)?.user : undefined) ?? {};
  if (user.exec || user["auth-provider"]) throw new KubeconfigError(`kubeconfig: user "${ctx.user}" uses an exec/auth-provider plugin, which kubectl-virt does not run yet: use a client certificate or token`);
  const file = (p: unknown): Buffer | undefined => (typeof p === "string" ? readFileSync(isAbsolute(p) ? p : join(base, p)) : undefined);
  const data = (d: unknown): Buffer | undefined => (typeof d === "string" ? Buffer.from(d, "base64") : undefined);
  return {
    server: cluster.server.replace(/\/+$/, ""),
    namespace: overrides.namespace ?? ctx.namespace ?? "default",
    ca: data(cluster["certificate-authority-data"]) ?? file(cluster["certificate-authority"]),
    cert: data(user["client-certificate-data"]) ?? file(user["client-certificate"]),
    key: data(user["client-key-data"]) ?? file(user["client-key"]),
    token: typeof user.token === "string" ? user.token : typeof user.tokenFile === "string" ? String(file(user.tokenFile)).trim() : undefined,
    insecure: cluster["insecure-skip-tls-verify"] === true,
  };
}

export function loadConnection(flags: { kubeconfig?: string; namespace?: string; context?: string }, env: NodeJS.ProcessEnv = process.env): Connection {
  const path = kubeconfigPath(flags.kubeconfig, env);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new KubeconfigError(`cannot read kubeconfig ${path}: ${(err as Error).message} (set KUBECONFIG or pass --kubeconfig)`);
  }
  return connectionFrom(text, dirname(path), flags);
}

/** TLS and auth options for https.request and ws. */
export const tlsOptions = (c: Connection): { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean; headers: Record<string, string> } => ({
  ca: c.ca,
  cert: c.cert,
  key: c.key,
  rejectUnauthorized: !c.insecure,
  headers: c.token ? { Authorization: `Bearer ${c.token}` } : {},
});
