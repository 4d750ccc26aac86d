import test from "ava";
import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import { firstRequestDone } from "./state-change";

const vm = (requests: object[]): VirtualMachine => ({ metadata: { name: "myvm" }, spec: { template: { spec: { domain: { devices: {} } } } }, status: { stateChangeRequests: requests as never } });
const vmi = (uid: string, phase = "Running", deleting = false): VirtualMachineInstance => ({
  metadata: { name: "myvm", uid, ...(deleting ? { deletionTimestamp: "2026-12-01T12:00:00Z" } : {}) },
  spec: { domain: { devices: {} } },
  status: { phase },
});

test("a Stop is done once its VMI is gone or replaced, not while it is being deleted", (t) => {
  const v = vm([{ action: "Stop", uid: "a" }, { action: "Start" }]);
  t.false(firstRequestDone(v, vmi("a")));
  t.false(firstRequestDone(v, vmi("a", "Running", true)));
  t.true(firstRequestDone(v, undefined));
  t.true(firstRequestDone(v, vmi("b")));
});

test("a Start is done once a live VMI exists", (t) => {
  const v = vm([{ action: "Start" }]);
  t.false(firstRequestDone(v, undefined));
  t.false(firstRequestDone(v, vmi("a", "Succeeded")));
  t.false(firstRequestDone(v, vmi("a", "Running", true)));
  t.true(firstRequestDone(v, vmi("a", "Pending")));
});

test("no requests: nothing to drop", (t) => {
  t.false(firstRequestDone(vm([]), undefined));
});
