/**
 * npm run bench:admission-chain [-- --seconds S]
 * The CPU cost of the module's own admission work, without HTTP or Pepr: the mutating half
 * (conversion and defaults) and the validating half (schema and KubeVirt's rules) on the test
 * fixtures' VM and VMI, in CPU microseconds per call (process.cpuUsage, so a busy machine inflates
 * wall time but not this figure much). Prints one line per case; asserts nothing.
 */
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { mutate, validate } from "../../src/admission/chain";

const i = process.argv.indexOf("--seconds");
const seconds = i >= 0 ? Number(process.argv[i + 1]) : 3;
if (!Number.isFinite(seconds) || seconds <= 0) throw new Error("--seconds takes a positive number");

const fixture = (file: string): Record<string, unknown> => parse(readFileSync(join(__dirname, "../../test/integration/fixtures", file), "utf8")) as Record<string, unknown>;

/** Runs `call` for about `seconds` of wall time after a warm-up; CPU µs per call and calls made. */
async function cost(call: () => unknown): Promise<{ micros: number; calls: number }> {
  for (let n = 0; n < 200; n++) await call();
  const start = process.cpuUsage();
  const deadline = Date.now() + seconds * 1000;
  let calls = 0;
  while (Date.now() < deadline) {
    for (let n = 0; n < 50; n++) await call();
    calls += 50;
  }
  const used = process.cpuUsage(start);
  return { micros: (used.user + used.system) / calls, calls };
}

async function main(): Promise<void> {
  console.log(`admission-chain: CPU µs per call, ${seconds} s per case (one core of ${require("node:os").cpus().length}, load ${require("node:os").loadavg()[0].toFixed(1)})`);
  for (const file of ["vm-valid.yaml", "vmi-valid.yaml", "seed-example-vm.yaml"]) {
    const object = fixture(file);
    const mutated = await mutate({ object, operation: "CREATE" });
    const m = await cost(() => mutate({ object, operation: "CREATE" }));
    const v = await cost(() => validate(mutated));
    console.log(`  ${file.padEnd(22)} mutate ${m.micros.toFixed(0).padStart(6)} µs   validate ${v.micros.toFixed(0).padStart(6)} µs   (${m.calls} / ${v.calls} calls)`);
  }
}

main().catch((err) => {
  console.error(`admission-chain: ${(err as Error).message}`);
  process.exit(1);
});
