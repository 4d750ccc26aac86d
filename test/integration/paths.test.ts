import test from "ava";
import { addedPaths } from "./paths";

test("addedPaths lists only fields that appeared", t => {
  const before = { a: 1, list: [{ x: 1 }], keep: { y: 2 } };
  const after = { a: 1, b: 2, list: [{ x: 1, z: 3 }, { w: 4 }], keep: { y: 2 } };
  t.deepEqual(addedPaths(before, after, "spec"), ["spec.b", "spec.list[0].z", "spec.list[1]"]);
});

test("addedPaths is empty when nothing changed", t => {
  t.deepEqual(addedPaths({ a: [1, 2] }, { a: [1, 2] }, "spec"), []);
});
