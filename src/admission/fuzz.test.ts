import test from "ava";
import fc from "fast-check";
import { admissionFinding } from "../fuzz/checks";
import { anyObject, mutatedSpec } from "../fuzz/inputs";

/*
 * Property test of the whole admission chain with fresh random inputs on every run (the fuzz
 * script's generators; its own short run in src/fuzz/fuzz.test.ts uses a fixed seed). It must never
 * throw; every result is admitted (and the admitted object validates again, unchanged) or denied
 * with causes that name a field. That the bases themselves are admitted (so the property is not
 * vacuous) is src/fuzz/fuzz.test.ts's.
 */

const holds = (object: unknown): boolean => admissionFinding(object) === undefined;

test("mutated valid specs: never throws; admitted-and-valid or denied with field paths", (t) => {
  fc.assert(fc.property(mutatedSpec, holds), { numRuns: 400 });
  t.pass();
});

test("random objects: never throws; admitted-and-valid or denied with field paths", (t) => {
  fc.assert(fc.property(anyObject, holds), { numRuns: 400 });
  t.pass();
});
