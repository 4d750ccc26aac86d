import test from "ava";
import type { DomainInfo } from "../launcher/command/protocol";
import { newVmi, withGracePeriod } from "../launcher/testing/vmi-builder";
import { WAIT_MS, decide, exitOutcome, stopOutcome, type Decision } from "./decide";
import type { LauncherView, Observed, PodView, Vmi } from "./observed";
import type { Phase } from "./status";

const now = new Date("2026-12-01T12:00:00Z");
const domain = (state: DomainInfo["state"]): DomainInfo => ({ name: "default_vm", state, memoryKiB: 65536, vcpus: 1, cpuTimeNs: 1 });
const pod = (o: Partial<PodView> = {}): PodView => ({ name: "virt-launcher-vm-abcde", uid: "pod-uid", computeRunning: true, deleting: false, podIPs: [], ...o });

function vmi(phase: string, o: { deletedSecondsAgo?: number; grace?: number } = {}): Vmi {
  const v = newVmi("vm", withGracePeriod(o.grace ?? 30));
  v.metadata = { ...v.metadata, uid: "vmi-uid" };
  if (o.deletedSecondsAgo !== undefined) v.metadata.deletionTimestamp = new Date(now.getTime() - o.deletedSecondsAgo * 1000).toISOString();
  v.status = { phase, nodeName: "node-a" };
  return v;
}

function vmiWithoutNode(phase: string): Vmi {
  const v = vmi(phase);
  v.status = { phase };
  return v;
}

const observe = (v: Vmi, p: PodView | undefined, launcher: LauncherView | undefined): Observed => ({ vmi: v, pod: p, launcher, now });

interface Row {
  title: string;
  observed: Observed;
  commands: Decision["commands"];
  phase?: Phase;
  reason?: string;
  ready?: string;
  requeue?: number;
}

const rows: Row[] = [
  { title: "Scheduled, no pod yet: wait", observed: observe(vmi("Scheduled"), undefined, undefined), commands: [], requeue: WAIT_MS },
  { title: "Scheduled, compute not running yet: wait", observed: observe(vmi("Scheduled"), pod({ computeRunning: false }), undefined), commands: [], requeue: WAIT_MS },
  { title: "Scheduled, socket not there yet: wait", observed: observe(vmi("Scheduled"), pod(), undefined), commands: [], requeue: WAIT_MS },
  { title: "Scheduled, launcher without domain: sync", observed: observe(vmi("Scheduled"), pod(), {}), commands: ["sync"], requeue: 0 },
  { title: "Scheduling again (stale controller read) with a node name, launcher idle: sync", observed: observe(vmi("Scheduling"), pod(), {}), commands: ["sync"], requeue: 0 },
  { title: "Scheduling without a node name: not this handler's yet", observed: observe(vmiWithoutNode("Scheduling"), pod(), {}), commands: [] },
  { title: "Scheduled, domain running (sync done): Running and Ready", observed: observe(vmi("Scheduled"), pod(), { domain: domain("running") }), commands: [], phase: "Running", ready: "True" },
  { title: "Running, domain running (re-adopted): Running and Ready, no command", observed: observe(vmi("Running"), pod(), { domain: domain("running") }), commands: [], phase: "Running", ready: "True" },
  { title: "Running, domain paused: Ready False Paused", observed: observe(vmi("Running"), pod(), { domain: domain("paused") }), commands: [], phase: "Running", ready: "False/Paused" },
  { title: "Running, domain shutting down: Ready False ShuttingDown", observed: observe(vmi("Running"), pod(), { domain: domain("shutdown") }), commands: [], phase: "Running", ready: "False/ShuttingDown" },
  { title: "Running, pod being deleted: Ready False ShuttingDown, no command", observed: observe(vmi("Running"), pod({ deleting: true }), { domain: domain("running") }), commands: [], phase: "Running", ready: "False/ShuttingDown" },
  { title: "Running, launcher has no domain: never started again", observed: observe(vmi("Running"), pod(), {}), commands: [] },
  { title: "Running, launcher unreachable: nothing stops the VM", observed: observe(vmi("Running"), pod(), undefined), commands: [], requeue: WAIT_MS },
  { title: "Running, compute container not running and no exit seen: nothing to conclude", observed: observe(vmi("Running"), pod({ computeRunning: false }), undefined), commands: [] },
  { title: "Running, launcher killed while the pod runs on: Failed LauncherExited", observed: observe(vmi("Running"), pod({ computeRunning: false, computeExit: { exitCode: 137 } }), undefined), commands: [], phase: "Failed", reason: "LauncherExited", ready: "False/LauncherExited" },
  { title: "Running, launcher failed (its libvirtd died): Failed LauncherExited", observed: observe(vmi("Running"), pod({ computeRunning: false, computeExit: { exitCode: 1, message: "libvirtd exited" } }), undefined), commands: [], phase: "Failed", reason: "LauncherExited", ready: "False/LauncherExited" },
  { title: "Running, launcher exited 0 with its stop event unheard: Succeeded GuestShutdown", observed: observe(vmi("Running"), pod({ computeRunning: false, computeExit: { exitCode: 0 } }), undefined), commands: [], phase: "Succeeded", reason: "GuestShutdown", ready: "False/GuestShutdown" },
  { title: "Running, the stop event heard before the exit wins", observed: observe(vmi("Running"), pod({ computeRunning: false, computeExit: { exitCode: 1 } }), { stopped: { kind: "crashed", detail: "Stopped Failed" } }), commands: [], phase: "Failed", reason: "QEMUCrashed", ready: "False/QEMUCrashed" },
  { title: "Scheduled, launcher died before its sync: Failed LauncherExited", observed: observe(vmi("Scheduled"), pod({ computeRunning: false, computeExit: { exitCode: 1 } }), undefined), commands: [], phase: "Failed", reason: "LauncherExited", ready: "False/LauncherExited" },
  { title: "Scheduling without a node name, launcher exited: not this handler's yet", observed: observe(vmiWithoutNode("Scheduling"), pod({ computeRunning: false, computeExit: { exitCode: 1 } }), undefined), commands: [] },
  { title: "deleting, launcher exited: nothing (the controller removes the pod)", observed: observe(vmi("Running", { deletedSecondsAgo: 5 }), pod({ computeRunning: false, computeExit: { exitCode: 137 } }), undefined), commands: [] },
  { title: "sync failed: Failed SyncFailed", observed: observe(vmi("Scheduled"), pod(), { syncError: "no such disk" }), commands: [], phase: "Failed", reason: "SyncFailed", ready: "False/SyncFailed" },
  { title: "pod network set-up failed: Failed with its own reason", observed: observe(vmi("Scheduled"), pod(), { syncError: "pod network set-up failed at step tap: …", syncReason: "PodNetworkSetupFailed" }), commands: [], phase: "Failed", reason: "PodNetworkSetupFailed", ready: "False/PodNetworkSetupFailed" },
  { title: "guest powered off: Succeeded", observed: observe(vmi("Running"), pod(), { stopped: { kind: "shutdown", detail: "Stopped Shutdown" } }), commands: [], phase: "Succeeded", reason: "GuestShutdown", ready: "False/GuestShutdown" },
  { title: "QEMU crashed: Failed QEMUCrashed", observed: observe(vmi("Running"), pod(), { stopped: { kind: "crashed", detail: "Stopped Failed" } }), commands: [], phase: "Failed", reason: "QEMUCrashed", ready: "False/QEMUCrashed" },
  { title: "deleting, domain running, within grace: ACPI shutdown, look again at the deadline", observed: observe(vmi("Running", { deletedSecondsAgo: 10, grace: 30 }), pod(), { domain: domain("running") }), commands: ["shutdown"], ready: "False/ShuttingDown", requeue: 20_000 },
  { title: "deleting, grace over: kill", observed: observe(vmi("Running", { deletedSecondsAgo: 31, grace: 30 }), pod(), { domain: domain("running") }), commands: ["kill"], ready: "False/ShuttingDown", requeue: WAIT_MS },
  { title: "deleting, grace 0: kill at once", observed: observe(vmi("Running", { deletedSecondsAgo: 0, grace: 0 }), pod(), { domain: domain("running") }), commands: ["kill"], ready: "False/ShuttingDown", requeue: WAIT_MS },
  { title: "deleting, never started: no sync, no command", observed: observe(vmi("Scheduled", { deletedSecondsAgo: 1 }), pod(), {}), commands: [] },
  { title: "deleting, domain stopped: Succeeded Deleted", observed: observe(vmi("Running", { deletedSecondsAgo: 5 }), pod(), { stopped: { kind: "shutdown", detail: "Stopped Shutdown" } }), commands: [], phase: "Succeeded", reason: "Deleted", ready: "False/Deleted" },
  { title: "final phase: nothing at all", observed: observe(vmi("Failed"), pod(), { domain: domain("running") }), commands: [] },
];

for (const row of rows) {
  test(`decide: ${row.title}`, (t) => {
    const d = decide(row.observed);
    t.deepEqual(d.commands, row.commands);
    t.is(d.status?.phase, row.phase);
    t.is(d.status?.reason, row.reason);
    const ready = d.status?.ready;
    t.is(ready ? [ready.status, ready.reason].filter(Boolean).join("/") : undefined, row.ready);
    t.is(d.requeueAfterMs, row.requeue);
  });
}

test("decide is level-based: the same observation gives the same decision", (t) => {
  for (const row of rows) t.deepEqual(decide(row.observed), decide(row.observed), row.title);
});

const outcomes: Array<[string, Parameters<typeof stopOutcome>, "Succeeded" | "Failed", string]> = [
  ["guest poweroff", [{ kind: "shutdown", detail: "" }, false, false], "Succeeded", "GuestShutdown"],
  ["poweroff on VMI deletion", [{ kind: "shutdown", detail: "" }, true, false], "Succeeded", "Deleted"],
  ["destroyed at the grace deadline of a deletion", [{ kind: "destroyed", detail: "" }, true, false], "Succeeded", "Deleted"],
  ["poweroff because the pod was deleted", [{ kind: "shutdown", detail: "" }, false, true], "Failed", "LauncherPodDeleted"],
  ["destroyed by someone else", [{ kind: "destroyed", detail: "" }, false, false], "Failed", "Destroyed"],
  ["crash while deleting is still a crash", [{ kind: "crashed", detail: "" }, true, false], "Failed", "QEMUCrashed"],
];
const exits: Array<[string, Parameters<typeof exitOutcome>, "Succeeded" | "Failed", string]> = [
  ["exit 0: the guest powered off", [{ exitCode: 0 }, false], "Succeeded", "GuestShutdown"],
  ["exit 2: QEMU crashed", [{ exitCode: 2 }, false], "Failed", "QEMUCrashed"],
  ["exit 3: destroyed", [{ exitCode: 3 }, false], "Failed", "Destroyed"],
  ["exit 1: the launcher failed", [{ exitCode: 1 }, false], "Failed", "LauncherExited"],
  ["SIGKILL (137): the launcher died", [{ exitCode: 137 }, false], "Failed", "LauncherExited"],
  ["any exit of a pod being deleted", [{ exitCode: 0 }, true], "Failed", "LauncherPodDeleted"],
];
for (const [title, args, phase, reason] of exits) {
  test(`exit outcome: ${title}`, (t) => {
    const o = exitOutcome(...args);
    t.is(o.phase, phase);
    t.is(o.reason, reason);
    t.regex(o.message, new RegExp(`exited with code ${args[0].exitCode}`));
  });
}

test("exit outcome: the container's termination message is quoted", (t) => {
  t.regex(exitOutcome({ exitCode: 1, message: "libvirtd exited unexpectedly" }, false).message, /code 1: libvirtd exited unexpectedly/);
});

for (const [title, args, phase, reason] of outcomes) {
  test(`stop outcome: ${title}`, (t) => {
    const o = stopOutcome(...args);
    t.is(o.phase, phase);
    t.is(o.reason, reason);
  });
}
