import test from "ava";
import { instancetypeConditions } from "./instancetype-status";

const now = "2026-12-02T00:00:00Z";

test("a failed find becomes KubeVirt's Failure condition, and goes once the instancetype is found", (t) => {
  const failed = instancetypeConditions([], { ok: false, reason: "FailedFindInstancetype", message: 'virtualmachineclusterinstancetypes.instancetype.kubevirt.io "nope" not found' }, now);
  t.deepEqual(failed, [{ type: "Failure", status: "True", reason: "FailedFindInstancetype", message: 'virtualmachineclusterinstancetypes.instancetype.kubevirt.io "nope" not found', lastTransitionTime: now }]);
  t.deepEqual(instancetypeConditions(failed, { ok: true, resolved: {} }, now), []);
});

test("a Failure condition of another cause is left alone", (t) => {
  const other = [{ type: "Failure", status: "True", reason: "FailedCreate", message: "x" }];
  t.deepEqual(instancetypeConditions(other, { ok: true, resolved: {} }, now), other);
});
