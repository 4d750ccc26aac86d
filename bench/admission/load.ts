/**
 * Sends AdmissionReviews straight to Pepr webhook endpoints over HTTPS and prints latency and
 * throughput: first at a fixed rate (default 200 requests/s for 60 s), then as fast as it goes
 * (closed loop, fixed concurrency). Runs inside the cluster's network namespace (see run.sh);
 * every phase is bounded in time.
 * TLS: Pepr's dev certificate has an empty issuer name, which OpenSSL (so Node) cannot chain to
 * its CA (Go's verifier, in the API server, chains by key id and accepts it); so the client pins
 * the server's exact certificate instead of trusting a CA.
 * Env: BENCH_TARGETS = JSON [{name, base, apiPath, cert}] (cert: the server's PEM certificate file),
 *      BENCH_RATE (200), BENCH_RATE_SECONDS (60), BENCH_MAX_SECONDS (20), BENCH_CONCURRENCY (16).
 */
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import type { TLSSocket } from "node:tls";
import { reviews, withUid, type Review } from "./reviews";

interface Target {
  readonly name: string;
  /** e.g. https://kubevirt-ts-pepr:3000/ plus the module's API path segment added per endpoint. */
  readonly base: string;
  readonly apiPath: string;
  /** PEM file of the server's certificate, pinned for this target. */
  readonly cert: string;
}

interface Sample {
  readonly ms: number;
  readonly ok: boolean;
  readonly allowed?: boolean;
  readonly error?: string;
}

const env = (name: string, fallback: string): string => process.env[name] ?? fallback;
const targets = JSON.parse(env("BENCH_TARGETS", "[]")) as Target[];
const checked = new WeakSet<TLSSocket>();

const fingerprint = (pemFile: string): string => new X509Certificate(readFileSync(pemFile)).fingerprint256;

/** Ends a connection whose server certificate is not the pinned one, before any request goes out. */
function pin(socket: TLSSocket, pinned: string): void {
  if (checked.has(socket)) return;
  const verify = (): void => {
    checked.add(socket);
    if (socket.getPeerCertificate().fingerprint256 !== pinned) socket.destroy(new Error("certificate mismatch"));
  };
  if (socket.encrypted && socket.getPeerCertificate().fingerprint256) verify();
  else socket.once("secureConnect", verify);
}
const rate = Number(env("BENCH_RATE", "200"));
const rateSeconds = Number(env("BENCH_RATE_SECONDS", "60"));
const maxSeconds = Number(env("BENCH_MAX_SECONDS", "20"));
const concurrency = Number(env("BENCH_CONCURRENCY", "16"));
const bodies = reviews();

function send(agent: Agent, target: Target & { pinned: string }, review: Review): Promise<Sample> {
  const start = performance.now();
  const url = new URL(`/${review.endpoint}/${target.apiPath}`, target.base);
  const body = withUid(review.body);
  return new Promise(done => {
    const req = request(url, {
      method: "POST", agent, timeout: 10_000,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    }, res => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - start;
        try {
          const out = JSON.parse(Buffer.concat(chunks).toString()) as { response?: { allowed?: boolean } };
          done({ ms, ok: res.statusCode === 200, allowed: out.response?.allowed, error: `HTTP ${res.statusCode}` });
        } catch {
          done({ ms, ok: false, error: `HTTP ${res.statusCode}, not JSON` });
        }
      });
    });
    req.on("socket", socket => pin(socket as TLSSocket, target.pinned));
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e: Error) => done({ ms: performance.now() - start, ok: false, error: e.message }));
    req.end(body);
  });
}

/** Open loop: one request every 1/rate s, whatever the answers' latency. */
async function fixedRate(agent: Agent, target: Target & { pinned: string }): Promise<Sample[]> {
  const pending: Promise<Sample>[] = [];
  const total = rate * rateSeconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise(r => setTimeout(r, wait));
    pending.push(send(agent, target, bodies[i % bodies.length]));
  }
  return Promise.all(pending);
}

/** Closed loop: `concurrency` workers, each sending its next request when the last one returns. */
async function asFastAsItGoes(agent: Agent, target: Target & { pinned: string }, seconds: number): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  let i = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) samples.push(await send(agent, target, bodies[i++ % bodies.length]));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, seconds: (performance.now() - start) / 1000 };
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

function report(target: string, phase: string, samples: Sample[], seconds: number): void {
  const ms = samples.map(s => s.ms).sort((x, y) => x - y);
  const errors = samples.filter(s => !s.ok).length;
  const denied = samples.filter(s => s.ok && s.allowed === false).length;
  console.log(
    [target.padEnd(24), phase.padEnd(22), String(samples.length).padStart(7),
      (samples.length / seconds).toFixed(0).padStart(8), pct(ms, 50).toFixed(2).padStart(8),
      pct(ms, 99).toFixed(2).padStart(8), String(denied).padStart(7), String(errors).padStart(7)].join(" "),
  );
  const reasons = new Set(samples.filter(s => !s.ok).map(s => s.error));
  if (reasons.size) console.log(`  errors: ${[...reasons].slice(0, 3).join("; ")}`);
}

async function main(): Promise<void> {
  console.log(`bench: ${bodies.length} review kinds (${bodies.map(b => b.label).join(", ")})`);
  console.log(["target".padEnd(24), "phase".padEnd(22), "requests".padStart(7), "req/s".padStart(8),
    "p50 ms".padStart(8), "p99 ms".padStart(8), "denied".padStart(7), "errors".padStart(7)].join(" "));
  for (const t of targets) {
    const target = { ...t, pinned: fingerprint(t.cert) };
    const agent = new Agent({ keepAlive: true, maxSockets: Math.max(concurrency, 64), servername: "kubevirt-ts-pepr",
      rejectUnauthorized: false, // pinned instead (see the top of this file)
      maxCachedSessions: 0, // full handshakes, as the API server's webhook client does; a resumed session shows no certificate
    });
    await asFastAsItGoes(agent, target, 3); // warm-up (JIT, connections), not reported
    const t0 = performance.now();
    const fixed = await fixedRate(agent, target);
    report(target.name, `${rate}/s for ${rateSeconds}s`, fixed, (performance.now() - t0) / 1000);
    const fast = await asFastAsItGoes(agent, target, maxSeconds);
    report(target.name, `max, ${concurrency} in flight`, fast.samples, fast.seconds);
    agent.destroy();
  }
}

main().catch((e: unknown) => {
  console.error("bench: failed", e);
  process.exit(1);
});
