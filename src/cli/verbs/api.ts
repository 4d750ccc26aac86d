/** One request to the API server with the caller's credentials; a non-2xx answer becomes an ApiError with the server's message. */
import { request as httpsRequest } from "node:https";
import { tlsOptions, type Connection } from "./kubeconfig";

export class ApiError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

export function subresourcePath(c: Connection, resource: "virtualmachines" | "virtualmachineinstances", name: string, sub: string): string {
  return `/apis/subresources.kubevirt.io/v1/namespaces/${encodeURIComponent(c.namespace)}/${resource}/${encodeURIComponent(name)}/${sub}`;
}

export function call(c: Connection, method: string, path: string, body?: unknown): Promise<{ code: number; body: string }> {
  const tls = tlsOptions(c);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${c.server}${path}`,
      { method, ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized, headers: { ...tls.headers, Accept: "application/json", ...(payload ? { "Content-Type": "application/json" } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const code = res.statusCode ?? 0;
          if (code >= 200 && code < 300) return resolve({ code, body: text });
          reject(new ApiError(code, messageOf(text) ?? `${code} ${res.statusMessage ?? ""}`.trim()));
        });
      },
    );
    req.on("error", (err) => reject(new ApiError(0, `cannot reach the API server at ${c.server}: ${err.message}`)));
    req.end(payload);
  });
}

/** A Status body's message (what virtctl prints), else the raw text. */
export function messageOf(text: string): string | undefined {
  try {
    const s = JSON.parse(text) as { message?: string };
    if (s.message) return s.message;
  } catch {
    // not JSON: the text itself is the message
  }
  return text.trim() || undefined;
}
