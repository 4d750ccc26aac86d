import test from "ava";
import { mayHold } from "./leader";

const now = new Date("2026-12-01T12:00:30Z");

test("a free, own or expired lease may be held; another's live lease may not", (t) => {
  t.true(mayHold(undefined, "a", now));
  t.true(mayHold({ holderIdentity: "a", renewTime: "2026-12-01T12:00:29Z", leaseDurationSeconds: 15 }, "a", now));
  t.false(mayHold({ holderIdentity: "b", renewTime: "2026-12-01T12:00:29Z", leaseDurationSeconds: 15 }, "a", now));
  t.true(mayHold({ holderIdentity: "b", renewTime: "2026-12-01T12:00:10Z", leaseDurationSeconds: 15 }, "a", now));
});
