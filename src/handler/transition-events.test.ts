import test from "ava";
import type { Vmi } from "./observed";
import type { StatusPatch } from "./status";
import { transitionEvents } from "./transition-events";

const ready = (status: string, reason?: string, message?: string) => ({ type: "Ready", status, ...(reason && { reason }), ...(message && { message }) });

const rows: Array<[string, Vmi["status"], StatusPatch, string[]]> = [
  ["Running: Started", { phase: "Scheduled" }, { phase: "Running", conditions: [ready("True")] }, ["Normal/Started"]],
  ["Ready False ShuttingDown: ShuttingDown", { phase: "Running", conditions: [ready("True")] }, { conditions: [ready("False", "ShuttingDown")] }, ["Normal/ShuttingDown"]],
  ["ShuttingDown again (message only): nothing", { phase: "Running", conditions: [ready("False", "ShuttingDown", "a")] }, { conditions: [ready("False", "ShuttingDown", "b")] }, []],
  ["paused: Paused", { phase: "Running", conditions: [ready("True")] }, { conditions: [ready("False", "Paused")] }, ["Normal/Paused"]],
  ["unpaused: Resumed", { phase: "Running", conditions: [ready("False", "Paused")] }, { conditions: [ready("True")] }, ["Normal/Resumed"]],
  ["Succeeded: Stopped", { phase: "Running" }, { phase: "Succeeded", reason: "GuestShutdown", conditions: [ready("False", "GuestShutdown")] }, ["Normal/Stopped"]],
  ["Failed: a Warning named by the reason", { phase: "Running" }, { phase: "Failed", reason: "QEMUCrashed", conditions: [ready("False", "QEMUCrashed", "crashed")] }, ["Warning/QEMUCrashed"]],
  ["interfaces only: nothing", { phase: "Running" }, { interfaces: [] }, []],
];

for (const [title, before, patch, expected] of rows) {
  test(`events: ${title}`, (t) => {
    t.deepEqual(transitionEvents(before, patch).map((e) => `${e.type}/${e.reason}`), expected);
  });
}

test("the Failed event's message is the Ready condition's", (t) => {
  const [e] = transitionEvents({ phase: "Running" }, { phase: "Failed", reason: "QEMUCrashed", conditions: [ready("False", "QEMUCrashed", "The VirtualMachineInstance crashed (Stopped Failed).")] });
  t.is(e?.message, "The VirtualMachineInstance crashed (Stopped Failed).");
});
