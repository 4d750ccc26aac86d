import fc from "fast-check";
import { performance } from "node:perf_hooks";
import { admissionFinding, launcherFinding, pathFinding } from "./checks";
import { anyInput, hostileString } from "./inputs";

/** One fuzz input: an object for the admission chain and the launcher's check, and path segments for `inside`. */
export interface FuzzInput {
  object: unknown;
  segments: string[];
}

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.record({ object: anyInput, segments: fc.array(hostileString, { maxLength: 4 }) });

export const BATCH = 500;

/** The inputs of batch `batch` for `seed`: the same every time, so a hang can be shown afterwards. */
export function batchInputs(seed: number, batch: number): FuzzInput[] {
  return fc.sample(fuzzInput, { seed: (seed + batch) | 0, numRuns: BATCH });
}

export interface Outcome {
  ms: number;
  /** A property broken (a wrong answer). */
  finding?: string;
  /** An exception out of the code under test. */
  crash?: string;
}

/** Runs every check on one input, timing them together. */
export function checkOne(input: FuzzInput): Outcome {
  const start = performance.now();
  try {
    const finding = admissionFinding(input.object) ?? launcherFinding(input.object) ?? pathFinding(input.segments);
    return { ms: performance.now() - start, finding };
  } catch (err) {
    return { ms: performance.now() - start, crash: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

/** A short, printable form of an input (JSON with undefined/bigint/functions made visible). */
export function show(input: FuzzInput, max = 600): string {
  let text: string;
  try {
    text = JSON.stringify(input, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v === undefined ? "<undefined>" : typeof v === "function" ? "<function>" : v));
  } catch {
    text = String(input);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
