import test from "ava";
import type { VirtualMachine, VirtualMachineInstance } from "../../api";
import type { VirtualMachinePool, VirtualMachinePoolSpec } from "../../api/pool/v1alpha1/pool";
import { isOutdatedVm, maxUnavailable, POOL_REVISION_LABEL, revisionName, unusedRevisions, vmiUpdate } from "./revisions";
import { vmFromPool } from "./vm-from-pool";

const spec = (memory: string, dvSize = "1Gi"): VirtualMachinePoolSpec => ({
  selector: { matchLabels: { app: "p" } },
  virtualMachineTemplate: {
    metadata: { labels: { app: "p" } },
    spec: {
      runStrategy: "Always",
      dataVolumeTemplates: [{ metadata: { name: "root" }, spec: { storage: { resources: { requests: { storage: dvSize } } } } }],
      template: { spec: { domain: { memory: { guest: memory }, devices: {} }, volumes: [{ name: "root", dataVolume: { name: "root" } }] } },
    },
  },
});
const pool = (s: VirtualMachinePoolSpec, generation: number, extra: Partial<VirtualMachinePoolSpec> = {}): VirtualMachinePool =>
  ({ metadata: { name: "p", namespace: "ns", uid: "u", generation }, spec: { ...s, ...extra } }) as VirtualMachinePool;
const labelled = <T extends { metadata?: unknown }>(o: T, revision?: string): T => ({ ...o, metadata: { ...(o.metadata as object), labels: revision ? { [POOL_REVISION_LABEL]: revision } : {} } });
const vmi = (revision?: string): VirtualMachineInstance => labelled({ metadata: { name: "p-0" }, spec: { domain: { devices: {} } } } as VirtualMachineInstance, revision);

test("a VM from the pool carries the revision on itself and its VMI template, and indexed DataVolumes", (t) => {
  const vm = vmFromPool(pool(spec("1Gi"), 3), 0, "p-3");
  t.is(revisionName(pool(spec("1Gi"), 3)), "p-3");
  t.deepEqual(vm.metadata?.labels, { app: "p", [POOL_REVISION_LABEL]: "p-3" });
  t.deepEqual(vm.spec.template?.metadata?.labels, { [POOL_REVISION_LABEL]: "p-3" });
  t.deepEqual(vm.spec.dataVolumeTemplates?.map((d) => (d.metadata as { name: string }).name), ["root-0"]);
  t.is(vm.spec.template?.spec?.volumes?.[0]?.dataVolume?.name, "root-0");
});

test("a VM is outdated without a label, with an unknown revision, or when its revision froze another template", (t) => {
  const revisions = new Map([["p-1", spec("1Gi")], ["p-2", spec("2Gi")]]);
  const now = pool(spec("2Gi"), 2);
  const vm = (r?: string): VirtualMachine => labelled({ metadata: { name: "p-0" }, spec: {} } as unknown as VirtualMachine, r);
  t.true(isOutdatedVm(now, vm(), revisions));
  t.true(isOutdatedVm(now, vm("p-9"), revisions));
  t.true(isOutdatedVm(now, vm("p-1"), revisions));
  t.false(isOutdatedVm(now, vm("p-2"), revisions));
  t.false(isOutdatedVm(pool(spec("2Gi"), 2, { replicas: 5 }), vm("p-2"), revisions), "a replica count is not the VM's business");
});

test("a VMI is restarted, relabelled or its VM deleted by comparing the two revisions", (t) => {
  const revisions = new Map([["p-1", spec("1Gi")], ["p-2", spec("2Gi")], ["p-3", spec("2Gi")], ["p-4", spec("2Gi", "5Gi")]]);
  const vm = (r: string): VirtualMachine => labelled({ metadata: { name: "p-0" }, spec: {} } as unknown as VirtualMachine, r);
  t.is(vmiUpdate(vm("p-2"), vmi("p-2"), revisions), "none");
  t.is(vmiUpdate(vm("p-2"), vmi(), revisions), "restart");
  t.is(vmiUpdate(vm("p-2"), vmi("p-1"), revisions), "restart");
  t.is(vmiUpdate(vm("p-3"), vmi("p-2"), revisions), "relabel");
  t.is(vmiUpdate(vm("p-4"), vmi("p-3"), revisions), "deleteVm");
  t.is(vmiUpdate(vm("p-2"), vmi("p-0"), revisions), "restart", "the VMI's revision is gone");
});

test("maxUnavailable: a count, a percentage of replicas, at least 1; unused revisions", (t) => {
  t.is(maxUnavailable(pool(spec("1Gi"), 1, { replicas: 4 })), 4);
  t.is(maxUnavailable(pool(spec("1Gi"), 1, { replicas: 4, maxUnavailable: "50%" })), 2);
  t.is(maxUnavailable(pool(spec("1Gi"), 1, { replicas: 1, maxUnavailable: "10%" })), 1);
  t.is(maxUnavailable(pool(spec("1Gi"), 1, { replicas: 4, maxUnavailable: 3 })), 3);
  const vm = labelled({ metadata: { name: "p-0" }, spec: {} } as unknown as VirtualMachine, "p-2");
  t.deepEqual(unusedRevisions(["p-1", "p-2", "p-3"], [vm], [vmi("p-1")]), ["p-3"]);
});
