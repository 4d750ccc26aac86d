import test from "ava";
import type { VirtualMachineInstance } from "../../api";
import type { ObservedPod } from "../kube-types";
import { VMI_FINALIZER } from "../labels";
import { decideVmi } from "./decide";

const now = "2026-12-01T12:00:00Z";
const vmi = (phase?: string, opts: { finalizer?: boolean; deleting?: boolean } = {}): VirtualMachineInstance => ({
  metadata: { name: "myvm", uid: "u", finalizers: opts.finalizer === false ? [] : [VMI_FINALIZER], ...(opts.deleting ? { deletionTimestamp: now } : {}) },
  spec: { domain: { devices: {} } },
  status: phase ? { phase } : {},
});
const pod = (phase: string, extra: { node?: string; compute?: "running" | "waiting"; deleting?: boolean; exit?: number } = {}): ObservedPod => ({
  metadata: { name: "virt-launcher-myvm-abcde", creationTimestamp: now, ...(extra.deleting ? { deletionTimestamp: now } : {}) },
  spec: extra.node ? { nodeName: extra.node } : {},
  status: {
    phase,
    containerStatuses: [{ name: "compute", state: extra.exit !== undefined ? { terminated: { exitCode: extra.exit, message: "QEMU exited" } } : extra.compute === "running" ? { running: {} } : { waiting: {} } }],
    conditions: extra.node ? [{ type: "PodScheduled", status: "True" }] : [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/1 nodes are available" }],
  },
});
const kinds = (actions: ReturnType<typeof decideVmi>): string[] => actions.map((a) => (a.kind === "setStatus" ? `setStatus:${a.status.phase}` : a.kind));

test("a new VMI gets its finalizer first, then Pending, then its pod", (t) => {
  t.deepEqual(kinds(decideVmi(vmi(undefined, { finalizer: false }), [], now)), ["addFinalizer"]);
  t.deepEqual(kinds(decideVmi(vmi(), [], now)), ["setStatus:Pending"]);
  t.deepEqual(kinds(decideVmi(vmi("Pending"), [], now)), ["createPod"]);
});

test("a pod waiting for a node: Scheduling, with the pod's PodScheduled condition", (t) => {
  const [a] = decideVmi(vmi("Pending"), [pod("Pending")], now);
  t.is(a?.kind, "setStatus");
  const status = (a as { status: { phase: string; conditions?: Array<{ type: string; reason?: string }> } }).status;
  t.is(status.phase, "Scheduling");
  t.like(status.conditions?.find((c) => c.type === "PodScheduled"), { reason: "Unschedulable" });
});

test("the compute container running on a node: Scheduled with the node's name; then nothing until the node agent acts", (t) => {
  const actions = decideVmi(vmi("Scheduling"), [pod("Running", { node: "node1", compute: "running" })], now);
  t.like(actions[0], { kind: "setStatus", status: { phase: "Scheduled", nodeName: "node1" } });
  const scheduled = { ...vmi("Scheduled"), status: { phase: "Scheduled", nodeName: "node1" } };
  scheduled.metadata = { ...scheduled.metadata, labels: { "kubevirt.io/nodeName": "node1" } };
  t.deepEqual(decideVmi(scheduled, [pod("Running", { node: "node1", compute: "running" })], now), []);
  t.deepEqual(decideVmi(vmi("Running"), [pod("Running", { node: "node1", compute: "running" })], now), []);
});

test("the pod gone, failed or completed ends the VMI", (t) => {
  t.deepEqual(kinds(decideVmi(vmi("Running"), [], now)), ["setStatus:Failed"]);
  t.deepEqual(kinds(decideVmi(vmi("Scheduling"), [], now)), ["setStatus:Failed"]);
  const failed = decideVmi(vmi("Running"), [pod("Failed", { node: "n", exit: 2 })], now);
  t.like(failed[0], { kind: "setStatus", status: { phase: "Failed", reason: "PodFailed" } });
  t.regex((failed[0] as { event?: { message: string } }).event?.message ?? "", /exited with code 2: QEMU exited/);
  t.deepEqual(kinds(decideVmi(vmi("Running"), [pod("Succeeded", { node: "n" })], now)), ["setStatus:Succeeded"]);
});

test("a Scheduled or Running VMI without its node label (the second write failed) gets it on a later pass", (t) => {
  const running = pod("Running", { node: "node1", compute: "running" });
  for (const phase of ["Scheduled", "Running"]) {
    const unlabelled = { ...vmi(phase), status: { phase, nodeName: "node1" } };
    t.deepEqual(decideVmi(unlabelled, [running], now), [{ kind: "labelNode", nodeName: "node1" }], phase);
    const otherNode = { ...unlabelled, metadata: { ...unlabelled.metadata, labels: { "kubevirt.io/nodeName": "node0" } } };
    t.deepEqual(decideVmi(otherNode, [running], now), [{ kind: "labelNode", nodeName: "node1" }], `${phase}, stale label`);
  }
  t.deepEqual(kinds(decideVmi({ ...vmi("Scheduling"), status: { phase: "Scheduling" } }, [pod("Pending")], now)), ["setStatus:Scheduling"], "no node yet: no label");
});

test("a pod being deleted is waited for", (t) => {
  t.deepEqual(decideVmi(vmi("Running"), [pod("Running", { node: "n", compute: "running", deleting: true })], now), []);
});

test("deleting a VMI deletes its pods and keeps the finalizer until they are gone", (t) => {
  t.deepEqual(kinds(decideVmi(vmi("Pending", { deleting: true }), [pod("Pending")], now)), ["deletePods"]);
  t.deepEqual(kinds(decideVmi(vmi("Scheduling", { deleting: true }), [pod("Pending")], now)), ["deletePods"]);
  t.deepEqual(decideVmi(vmi("Running", { deleting: true }), [pod("Running", { node: "n", deleting: true })], now), []);
  t.deepEqual(kinds(decideVmi(vmi("Running", { deleting: true }), [], now)), ["removeFinalizer"]);
  t.deepEqual(kinds(decideVmi(vmi("Succeeded", { deleting: true }), [pod("Succeeded", { node: "n" })], now)), ["removeFinalizer"]);
});

test("a final VMI's pods that still run are deleted", (t) => {
  t.deepEqual(kinds(decideVmi(vmi("Failed"), [pod("Running", { node: "n", compute: "running" })], now)), ["deletePods"]);
  t.deepEqual(decideVmi(vmi("Failed"), [pod("Failed", { node: "n", exit: 1 })], now), []);
});

test("a deleted VMI running on a node: the node agent shuts it down; its pod goes once final, or past grace + margin", (t) => {
  const running = [pod("Running", { node: "n", compute: "running" })];
  const later = (seconds: number): string => new Date(Date.parse(now) + seconds * 1000).toISOString();
  t.deepEqual(decideVmi(vmi("Running", { deleting: true }), running, now), []);
  t.deepEqual(decideVmi(vmi("Scheduled", { deleting: true }), running, later(30 + 14)), []);
  t.deepEqual(kinds(decideVmi(vmi("Running", { deleting: true }), running, later(30 + 15))), ["deletePods"]);
  t.deepEqual(kinds(decideVmi(vmi("Succeeded", { deleting: true }), running, now)), ["deletePods"]);
  t.deepEqual(kinds(decideVmi(vmi("Failed", { deleting: true }), running, now)), ["deletePods"]);
});

test("a pod the kubelet refused at admission: another one after a back-off, the VMI still Scheduling; it fails after the last refusal", (t) => {
  const refused = (name: string, created: string): ObservedPod => ({
    metadata: { name, creationTimestamp: created },
    spec: { nodeName: "node1" },
    status: { phase: "Failed", reason: "UnexpectedAdmissionError", message: "Allocate failed due to no healthy devices present", containerStatuses: [{ name: "compute", state: { waiting: {} } }] },
  });
  const first = refused("virt-launcher-myvm-aaaaa", "2026-12-01T11:59:59Z");
  t.deepEqual(decideVmi(vmi("Scheduling"), [first], now), [{ kind: "requeue", afterMs: 1000 }]);
  const [retry] = decideVmi(vmi("Scheduling"), [first], "2026-12-01T12:00:01Z");
  t.like(retry, { kind: "createPod", event: { type: "Warning", reason: "UnexpectedAdmissionError" } });
  t.regex((retry as { event: { message: string } }).event.message, /refused pod virt-launcher-myvm-aaaaa \(UnexpectedAdmissionError: Allocate failed.*refusal 1 of at most 10/);
  const ten = Array.from({ length: 10 }, (_, i) => refused(`virt-launcher-myvm-${i}`, `2026-12-01T11:${String(40 + i).padStart(2, "0")}:00Z`));
  t.deepEqual(kinds(decideVmi(vmi("Scheduling"), ten, now)), ["setStatus:Failed"]);
  // A pod that ran (Scheduled) or a failure of another kind is the VMI's end, as before.
  t.deepEqual(kinds(decideVmi(vmi("Scheduled"), [first], now)), ["setStatus:Failed"]);
  t.deepEqual(kinds(decideVmi(vmi("Scheduling"), [{ ...first, status: { ...first.status, reason: "Evicted" } }], now)), ["setStatus:Failed"]);
});
