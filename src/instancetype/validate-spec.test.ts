import test from "ava";
import { validateInstancetypeSpec, validatePreferenceSpec } from "./validate-spec";

test("instancetypes: overcommit within 0-100 and not with hugepages", (t) => {
  t.deepEqual(validateInstancetypeSpec({ cpu: { guest: 1 }, memory: { guest: "1Gi", overcommitPercent: 50 } }), []);
  t.deepEqual(validateInstancetypeSpec({ cpu: { guest: 1 }, memory: { guest: "1Gi", overcommitPercent: 150 } }), [
    { field: "spec.memory.overcommitPercent", message: "spec.memory.overcommitPercent '150': must be in range between 0 and 100." },
  ]);
  t.is(validateInstancetypeSpec({ cpu: { guest: 1 }, memory: { guest: "1Gi", overcommitPercent: 10, hugepages: { pageSize: "2Mi" } } })[0]!.message, "spec.memory.overcommitPercent and spec.memory.hugepages should not be requested together.");
});

test("preferences: known topologies, supported spreads", (t) => {
  t.deepEqual(validatePreferenceSpec({ cpu: { preferredCPUTopology: "preferCores" } }), []);
  t.deepEqual(validatePreferenceSpec({ cpu: { preferredCPUTopology: "hexagons" } }), [{ field: "spec.cpu.preferredCPUTopology", message: "unknown preferredCPUTopology hexagons" }]);
  t.deepEqual(validatePreferenceSpec({ cpu: { preferredCPUTopology: "spread", spreadOptions: { across: "Everything" } } }), [{ field: "spec.cpu.spreadOptions.across", message: "across Everything is not supported" }]);
  t.is(validatePreferenceSpec({ cpu: { preferredCPUTopology: "spread", spreadOptions: { across: "CoresThreads", ratio: 4 } } })[0]!.field, "spec.cpu.spreadOptions.ratio");
});
