import test from "ava";
import { newCirrosVmi, newVmi, withContainerDisk, withGuestMemory, withHugepages, withMemory, withMemoryLimit, withPodNetwork } from "../../../test/fixtures/vmi-builder";
import { ruleTable } from "../../../test/fixtures/rule-table";
import * as memory from "./memory";

/** A valid VMI except for its memory, which the test gives. */
const vmiWith = (...options: Parameters<typeof newVmi>) => newVmi(withContainerDisk("containerdisk", "img:v1"), withPodNetwork(), ...options);
const REQUEST = "spec.domain.resources.requests.memory";

ruleTable("memory is given", memory.memoryIsGiven, [
  { name: "request", vmi: vmiWith(withMemory("64Mi")) },
  { name: "limit only", vmi: vmiWith(withMemoryLimit("64Mi")) },
  { name: "guest only", vmi: vmiWith(withGuestMemory("64Mi")) },
  { name: "hugepages only", vmi: vmiWith(withHugepages("2Mi")) },
  { name: "none", vmi: vmiWith(), denied: { field: REQUEST, message: "no memory requested; set spec.domain.resources.requests.memory (for example 64Mi)" } },
  { name: "zero request", vmi: vmiWith(withMemory("0")), denied: { field: REQUEST, message: "no memory requested" } },
]);

ruleTable("memory quantities", memory.memoryQuantitiesValid, [
  { name: "negative request", vmi: vmiWith(withGuestMemory("64Mi"), withMemory("-64Mi")), denied: { field: REQUEST, message: "greater than or equal to 0" } },
  { name: "negative limit", vmi: vmiWith(withMemory("64Mi"), withMemoryLimit("-1")), denied: { field: "spec.domain.resources.limits.memory", message: "greater than or equal to 0" } },
  { name: "below 1M", vmi: vmiWith(withMemory("512Ki")), denied: { field: REQUEST, message: "at least 1M" } },
  { name: "not a quantity (raw spec)", vmi: vmiWith(withGuestMemory("64Mi"), withMemory("lots")), denied: { field: REQUEST, message: "not a valid quantity" } },
]);

ruleTable("memory request within limit", memory.memoryRequestWithinLimit, [
  { name: "equal", vmi: vmiWith(withMemory("64Mi"), withMemoryLimit("64Mi")) },
  { name: "request above limit", vmi: vmiWith(withMemory("128Mi"), withMemoryLimit("64Mi")), denied: { field: REQUEST, message: "is greater than spec.domain.resources.limits.memory '64Mi'" } },
]);

ruleTable("guest memory within limit", memory.guestMemoryWithinLimit, [
  { name: "guest below limit", vmi: vmiWith(withGuestMemory("64Mi"), withMemoryLimit("128Mi")) },
  { name: "guest above limit", vmi: vmiWith(withGuestMemory("256Mi"), withMemoryLimit("128Mi")), denied: { field: "spec.domain.memory.guest", message: "equal to or less than the memory limit" } },
]);

ruleTable("memory fits hugepages", memory.memoryFitsHugepages, [
  { name: "whole 2Mi pages", vmi: vmiWith(withMemory("64Mi"), withHugepages("2Mi")) },
  { name: "smaller than a page", vmi: vmiWith(withMemory("512Mi"), withHugepages("1Gi")), denied: { field: REQUEST, message: "equal to or larger than the hugepage size 1Gi" } },
  { name: "not whole pages", vmi: vmiWith(withMemory("65Mi"), withHugepages("2Mi")), denied: { field: REQUEST, message: "not a multiple of the hugepage size 2Mi" } },
  { name: "guest memory is checked when no request", vmi: vmiWith(withGuestMemory("3Mi"), withHugepages("2Mi")), denied: { field: "spec.domain.memory.guest", message: "not a multiple" } },
  { name: "bad page size (raw spec)", vmi: newCirrosVmi(withHugepages("huge")), denied: { field: "spec.domain.memory.hugepages.pageSize", message: "not a valid page size" } },
]);

test("a request above the limit is reported once, not again on the guest memory defaults copy from it", t => {
  const vmi = vmiWith(withMemory("128Mi"), withGuestMemory("128Mi"), withMemoryLimit("64Mi"));
  t.deepEqual(memory.guestMemoryWithinLimit(vmi.spec, "spec", { featureGates: new Set() }), []);
  t.is(memory.memoryRequestWithinLimit(vmi.spec, "spec", { featureGates: new Set() }).length, 1);
});
