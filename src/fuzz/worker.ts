import { parentPort, workerData } from "node:worker_threads";
import { batchInputs, checkOne, BATCH } from "./engine";

/*
 * Runs inputs from (batch, index) on, reporting each start so the parent can name an input that
 * hangs, and each finding, crash and new slowest input.
 */
const { seed, runs, from } = workerData as { seed: number; runs: number; from: number };
const port = parentPort!;
let slowest = 0;
for (let n = from; n < runs; ) {
  const batch = Math.floor(n / BATCH);
  const inputs = batchInputs(seed, batch);
  for (let i = n % BATCH; i < BATCH && n < runs; i++, n++) {
    port.postMessage({ kind: "start", n });
    const outcome = checkOne(inputs[i]!);
    if (outcome.crash || outcome.finding) port.postMessage({ kind: "bad", n, outcome });
    if (outcome.ms > slowest) {
      slowest = outcome.ms;
      port.postMessage({ kind: "slow", n, ms: outcome.ms });
    }
  }
}
port.postMessage({ kind: "done" });
