/**
 * Chaos: one VM's own processes killed (SIGKILL) in turn: the launcher (the compute container's
 * node process), its libvirtd, its QEMU. The VM (runStrategy Always) must come back by itself with
 * a new VMI and exactly one QEMU, nothing left of the old one, and the data its guest wrote to its
 * PVC disk before the kill intact on the host and read back by the new guest.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectlOk, requireCluster } from "../integration/kube";
import type { Obj } from "../integration/wait";
import { Namespace, podProcesses, type VmProcess } from "./converge";
import { createPvcVm, markerSurvived, markerWritten, type PvcVm } from "./pvc-vm";

let ns: Namespace | undefined;
let vm: PvcVm | undefined;
test.before(async () => {
  await requireCluster();
  ns = new Namespace(await freshNamespace("chaos-proc"));
  vm = await createPvcVm(ns.name, "pvc-vm");
  await kubectlOk(["apply", "-n", ns.name, "-f", "-"], vm.manifest("Always"));
});
test.after.always(async () => {
  if (!ns) return;
  await kubectlOk(["delete", "vm", "--all", "-n", ns.name, "--wait=false"]).catch(() => undefined);
  await ns.converge({ log: () => undefined }, "clean-up", Date.now()).catch(() => undefined);
  await vm?.cleanup();
  await deleteNamespace(ns.name);
});

interface Victim {
  what: string;
  pick: (p: VmProcess) => boolean;
}
const VICTIMS: Victim[] = [
  { what: "virt-launcher", pick: (p) => p.comm === "node" && p.args.includes("virt-launcher") },
  { what: "libvirtd", pick: (p) => p.comm === "libvirtd" },
  { what: "QEMU", pick: (p) => p.comm.startsWith("qemu-system") },
];

/** The compute container's id of the VMI's live launcher pod. */
async function computeContainer(namespace: string, vmiUid: string): Promise<string> {
  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", namespace, "-l", `kubevirt.io/created-by=${vmiUid}`, "-o", "json"])) as { items: Obj[] };
  const live = pods.items.find((p) => p.metadata.deletionTimestamp === undefined && p.status?.phase === "Running");
  const id = (live?.status?.containerStatuses as Array<{ name: string; containerID?: string }> | undefined)?.find((c) => c.name === "compute")?.containerID;
  if (!id) throw new Error(`VMI ${vmiUid}: no running compute container`);
  return id.replace(/^\w+:\/\//, "");
}

for (const victim of VICTIMS) {
  test.serial(`${victim.what} killed: the VM comes back with a new VMI, one QEMU, its PVC data intact`, async (t) => {
    const space = ns!;
    const before = await space.converge(t, `before killing ${victim.what}`, Date.now());
    const oldVmi = space.vmiUid(before, vm!.name);
    const marker = await markerWritten(space.name, oldVmi);
    t.true((await vm!.hostText()).includes(`marker ${marker}`), "the guest's marker is on the host file before the kill");

    const container = await computeContainer(space.name, oldVmi);
    const targets = (await podProcesses(() => true)).filter((p) => p.containerId === container && victim.pick(p));
    t.is(targets.length, 1, `one ${victim.what} process in the compute container (${targets.map((p) => p.pid).join(", ")})`);
    const since = Date.now();
    process.kill(targets[0]!.pid, "SIGKILL");

    const after = await space.converge(t, `${victim.what} killed (VM Running again, new VMI)`, since, space.newVmi(vm!.name, oldVmi));
    const newVmi = space.vmiUid(after, vm!.name);
    t.not(newVmi, oldVmi, "a new VMI");
    t.is(space.qemuOf(after, newVmi).length, 1, "exactly one QEMU");
    const survived = await markerSurvived(space.name, vm!, marker, newVmi);
    t.true(survived.onHost, "the marker written before the kill is on the host file");
    t.true(survived.readByGuest, "the new guest read the marker back");
  });
}
