/**
 * `npm run fuzz -- --runs N [--seed S] [--hang-ms MS]`: random and mutated specs through the
 * admission chain, the launcher's input check and its path joining. Prints runs, crashes, hangs,
 * findings and the slowest input; exits 1 when anything broke. The checks run in a worker thread so
 * an input that never returns is caught (the worker is restarted after it) and named.
 */
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { batchInputs, BATCH, show, type Outcome } from "./engine";

interface Args { runs: number; seed: number; hangMs: number }

export function parseFuzzArgs(argv: string[]): Args {
  const args: Args = { runs: 10_000, seed: Date.now() % 2 ** 31, hangMs: 5_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number, got ${argv[i + 1]}`);
    if (flag === "--runs") args.runs = value;
    else if (flag === "--seed") args.seed = value;
    else if (flag === "--hang-ms") args.hangMs = value;
    else throw new Error(`unknown flag ${flag}; usage: npm run fuzz -- --runs N [--seed S] [--hang-ms MS]`);
  }
  return args;
}

const inputAt = (seed: number, n: number): string => show(batchInputs(seed, Math.floor(n / BATCH))[n % BATCH]!);

interface Tally { crashes: string[]; findings: string[]; hangs: string[]; slowest: { n: number; ms: number }; done: number }

/** Runs the worker from `from`; resolves with the index to resume at after a hang, or undefined when finished. */
function runWorker(args: Args, from: number, tally: Tally): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, "worker-entry.mjs"), { workerData: { seed: args.seed, runs: args.runs, from } });
    let current = from;
    let lastBeat = Date.now();
    let loaded = false; // loading the worker (tsx compiling the chain) is not a hang
    const watchdog = setInterval(() => {
      if (!loaded || Date.now() - lastBeat < args.hangMs) return;
      clearInterval(watchdog);
      tally.hangs.push(`#${current} (no answer in ${args.hangMs} ms): ${inputAt(args.seed, current)}`);
      void worker.terminate().then(() => resolve(current + 1));
    }, Math.min(1000, args.hangMs));
    worker.on("message", (m: { kind: string; n: number; ms: number; outcome: Outcome }) => {
      lastBeat = Date.now();
      loaded = true;
      if (m.kind === "start") {
        current = m.n;
        tally.done = Math.max(tally.done, m.n + 1);
        if (m.n > 0 && m.n % 10_000 === 0) process.stderr.write(`fuzz: ${m.n}/${args.runs}\n`);
      } else if (m.kind === "bad") {
        const list = m.outcome.crash ? tally.crashes : tally.findings;
        list.push(`#${m.n}: ${m.outcome.crash ?? m.outcome.finding}\n    input: ${inputAt(args.seed, m.n)}`);
      } else if (m.kind === "slow" && m.ms > tally.slowest.ms) {
        tally.slowest = { n: m.n, ms: m.ms };
      } else if (m.kind === "done") {
        clearInterval(watchdog);
        resolve(undefined);
      }
    });
    worker.on("error", (err) => {
      clearInterval(watchdog);
      reject(err);
    });
  });
}

export async function fuzz(args: Args): Promise<Tally> {
  const tally: Tally = { crashes: [], findings: [], hangs: [], slowest: { n: -1, ms: 0 }, done: 0 };
  for (let from: number | undefined = 0; from !== undefined && from < args.runs; ) from = await runWorker(args, from, tally);
  return tally;
}

async function main(): Promise<number> {
  const args = parseFuzzArgs(process.argv.slice(2));
  const started = Date.now();
  const t = await fuzz(args);
  const seconds = (Date.now() - started) / 1000;
  console.log(`runs: ${t.done} (seed ${args.seed}, ${seconds.toFixed(1)} s, ${Math.round(t.done / seconds)}/s)`);
  console.log(`crashes: ${t.crashes.length}`);
  for (const c of t.crashes.slice(0, 10)) console.log(`  ${c}`);
  console.log(`hangs: ${t.hangs.length} (no answer within ${args.hangMs} ms)`);
  for (const h of t.hangs.slice(0, 10)) console.log(`  ${h}`);
  console.log(`findings (wrong answers): ${t.findings.length}`);
  for (const f of t.findings.slice(0, 10)) console.log(`  ${f}`);
  if (t.slowest.n >= 0) console.log(`slowest: #${t.slowest.n}, ${t.slowest.ms.toFixed(2)} ms: ${inputAt(args.seed, t.slowest.n)}`);
  return t.crashes.length + t.hangs.length + t.findings.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err: Error) => {
    console.error(`fuzz: ${err.message}`);
    process.exit(2);
  });
}
