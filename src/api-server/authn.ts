/**
 * Who is calling (pure). Only the API server's front proxy may call: its client certificate is
 * verified against the requestheader client CA (the TLS layer does that), its name must be one of
 * the allowed names, and then the user, groups and extras come from its X-Remote-* headers, as the
 * aggregation layer passes them. Nothing else is trusted.
 */
export interface RequestHeaderConfig {
  /** Names the proxy's certificate may carry (CN); empty allows any certificate from the CA. */
  allowedNames: string[];
  usernameHeaders: string[];
  groupHeaders: string[];
  extraHeaderPrefixes: string[];
}

export interface Identity {
  user: string;
  groups: string[];
  extra: Record<string, string[]>;
}

export interface PeerCertificate {
  /** The TLS layer verified the chain against the requestheader client CA. */
  authorized: boolean;
  commonName?: string;
}

type Headers = Record<string, string | string[] | undefined>;
const values = (h: Headers, name: string): string[] => {
  const v = h[name.toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : v.split(",").map((s) => s.trim());
};

/** The caller, or why it is refused (the message of a 401). */
export function identify(peer: PeerCertificate, headers: Headers, cfg: RequestHeaderConfig): Identity | { refused: string } {
  if (!peer.authorized) return { refused: "request is not authenticated: no client certificate from the front proxy's CA" };
  if (cfg.allowedNames.length > 0 && !cfg.allowedNames.includes(peer.commonName ?? "")) {
    return { refused: `request is not authenticated: client certificate ${peer.commonName ?? "(no CN)"} is not an allowed front proxy name` };
  }
  const user = cfg.usernameHeaders.map((h) => values(headers, h)[0]).find((u) => u);
  if (!user) return { refused: "a valid user header is required for authorization" };
  const groups = cfg.groupHeaders.flatMap((h) => values(headers, h));
  const extra: Record<string, string[]> = {};
  for (const [name, v] of Object.entries(headers)) {
    const prefix = cfg.extraHeaderPrefixes.find((p) => name.toLowerCase().startsWith(p.toLowerCase()));
    if (!prefix || v === undefined) continue;
    const key = safeUnescape(name.slice(prefix.length).toLowerCase());
    extra[key] = [...(extra[key] ?? []), ...(Array.isArray(v) ? v : [v])];
  }
  return { user, groups, extra };
}

function safeUnescape(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a malformed escape is still recorded, as the API server does
  }
}

/** The ConfigMap kube-system/extension-apiserver-authentication's JSON lists, read as the config. */
export function requestHeaderConfig(data: Record<string, string>): RequestHeaderConfig & { clientCA: string } {
  const list = (k: string): string[] => (data[k] ? (JSON.parse(data[k]) as string[]) : []);
  const clientCA = data["requestheader-client-ca-file"];
  if (!clientCA) throw new Error("ConfigMap kube-system/extension-apiserver-authentication has no requestheader-client-ca-file: start kube-apiserver with --requestheader-client-ca-file (aggregation)");
  return {
    clientCA,
    allowedNames: list("requestheader-allowed-names"),
    usernameHeaders: list("requestheader-username-headers"),
    groupHeaders: list("requestheader-group-headers"),
    extraHeaderPrefixes: list("requestheader-extra-headers-prefix"),
  };
}
