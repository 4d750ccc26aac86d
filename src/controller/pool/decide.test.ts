import test from "ava";
import type { VirtualMachine } from "../../api";
import type { VirtualMachinePool } from "../../api/pool/v1alpha1/pool";
import { indexOf, planPool } from "./decide";
import { vmFromPool } from "./vm-from-pool";

const pool = (replicas?: number, extra: Partial<VirtualMachinePool["spec"]> = {}): VirtualMachinePool => ({
  metadata: { name: "web", namespace: "ns", uid: "pool-uid" },
  spec: {
    replicas,
    selector: { matchLabels: { app: "web" } },
    virtualMachineTemplate: {
      metadata: { labels: { app: "web" } },
      spec: { runStrategy: "Always", template: { spec: { domain: { devices: {} }, volumes: [{ name: "cfg", configMap: { name: "cfg" } }] } } },
    },
    ...extra,
  },
});
const vm = (name: string, ready = false, deleting = false): VirtualMachine =>
  ({ metadata: { name, ...(deleting ? { deletionTimestamp: "x" } : {}) }, spec: { template: { spec: { domain: { devices: {} } } } }, status: { ready } }) as VirtualMachine;

test("names are <pool>-<index>", (t) => {
  t.is(indexOf("web", "web-12"), 12);
  t.is(indexOf("web", "web-01"), undefined);
  t.is(indexOf("web", "webx-1"), undefined);
});

test("a new pool of 3 creates indexes 0, 1, 2; a gap is filled first", (t) => {
  t.deepEqual(planPool(pool(3), []).create, [0, 1, 2]);
  t.deepEqual(planPool(pool(3), [vm("web-0"), vm("web-2")]).create, [1]);
  t.deepEqual(planPool(pool(), []).create, [0], "replicas default to 1");
});

test("scaling 3 to 1 deletes the highest indexes; status counts ready VMs", (t) => {
  const plan = planPool(pool(1), [vm("web-0", true), vm("web-1", true), vm("web-2")]);
  t.deepEqual(plan.delete, ["web-2", "web-1"]);
  t.deepEqual(plan.create, []);
  t.deepEqual(plan.status, { replicas: 3, readyReplicas: 2, labelSelector: "app=web" });
});

test("VMs being deleted count as gone; a paused pool only reports", (t) => {
  t.deepEqual(planPool(pool(2), [vm("web-0"), vm("web-1", false, true)]).create, [2]);
  t.deepEqual(planPool(pool(3, { paused: true }), []).create, []);
});

test("the pool's VM: named by index, owned by the pool, with indexed ConfigMap names when asked", (t) => {
  const v = vmFromPool(pool(1, { nameGeneration: { appendIndexToConfigMapRefs: true } }), 4);
  t.is(v.metadata!.name, "web-4");
  t.deepEqual(v.metadata!.labels, { app: "web" });
  t.is((v.metadata!.ownerReferences as Array<{ uid: string }>)[0]!.uid, "pool-uid");
  t.is(v.spec.template.spec!.volumes![0]!.configMap!.name, "cfg-4");
});
