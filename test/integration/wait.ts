import { kubectl } from "./kube";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `kubectl get … -o json` until `ready` holds; fails with the last object seen. Bounded. */
export async function waitFor<T>(args: readonly string[], ready: (obj: T | undefined) => boolean, what: string, timeoutMs = 90_000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastErr = "";
  for (;;) {
    const r = await kubectl([...args, "-o", "json"]);
    last = r.code === 0 ? (JSON.parse(r.stdout) as T) : undefined;
    lastErr = r.code === 0 ? "" : r.stderr.trim();
    if (ready(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}; last seen: ${last ? JSON.stringify(last).slice(0, 1500) : lastErr}`);
    await sleep(500);
  }
}

export interface Obj {
  metadata: { name: string; uid: string; labels?: Record<string, string>; ownerReferences?: Array<{ kind: string; name: string; uid: string }>; deletionTimestamp?: string };
  spec?: Record<string, any>;
  status?: Record<string, any>;
}
export interface List {
  items: Obj[];
}
