import test from "ava";
import fc from "fast-check";
import { checkOne, fuzzInput } from "./engine";
import { parseFuzzArgs } from "./run";
import { admissionFinding, pathFinding } from "./checks";
import { BASES } from "./inputs";

/* The short run of `npm run fuzz` (fixed seed: the same inputs every time, so CI never flakes). */

test("short fuzz run: no crash and no wrong answer from admission, the launcher's check or inside()", (t) => {
  const bad = fc.sample(fuzzInput, { seed: 20261201, numRuns: 300 }).map(checkOne).filter((o) => o.crash ?? o.finding);
  t.deepEqual(bad, []);
});

test("the fuzz bases are admitted (the mutations start from valid specs)", (t) => {
  for (const base of BASES) t.is(admissionFinding(base), undefined);
});

test("pathFinding accepts refusals and flags nothing for hostile segments", (t) => {
  t.is(pathFinding(["../../etc"]), undefined);
  t.is(pathFinding(["disks", "root.qcow2"]), undefined);
});

test("fuzz flags: whole numbers only, unknown flags named", (t) => {
  t.like(parseFuzzArgs(["--runs", "100", "--seed", "7"]), { runs: 100, seed: 7 });
  t.throws(() => parseFuzzArgs(["--runs", "many"]), { message: /--runs needs a whole number/ });
  t.throws(() => parseFuzzArgs(["--fast", "1"]), { message: /unknown flag --fast/ });
});
