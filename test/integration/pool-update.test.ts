/**
 * VirtualMachinePool revisions and updates on the real API server, without guests (the VMs' pods
 * never get a node, so every VMI counts as unavailable and is updated at once, as KubeVirt does
 * for VMIs that are not ready): a revision per generation, the label on VMs and VMIs, outdated VMs
 * rewritten, VMIs restarted from the new revision, old revisions pruned.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectlOk, requireCluster } from "./kube";
import { waitFor, type List, type Obj } from "./wait";

const LABEL = "kubevirt.io/vm-pool-revision-name";
let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-pool");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const pool = (memory: string): string =>
  JSON.stringify({
    apiVersion: "pool.kubevirt.io/v1alpha1",
    kind: "VirtualMachinePool",
    metadata: { name: "upd" },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "upd" } },
      virtualMachineTemplate: {
        metadata: { labels: { app: "upd" } },
        spec: {
          runStrategy: "Always",
          template: {
            metadata: { labels: { app: "upd" } },
            spec: {
              nodeSelector: { "kubevirt-ts.io/test-never-scheduled": "true" },
              domain: { resources: { requests: { memory } }, devices: { disks: [{ name: "root", disk: { bus: "virtio" } }] } },
              volumes: [{ name: "root", containerDisk: { image: "quay.io/kubevirt/cirros-container-disk-demo:v1.6.0" } }],
            },
          },
        },
      },
    },
  });

// Functions: the namespace exists only once the before hook ran.
const vmis = (): string[] => ["get", "vmi", "-n", ns, "-l", "app=upd"];
const revisions = (): string[] => ["get", "controllerrevisions", "-n", ns];
const labelsOf = (l: List | undefined): string[] => (l?.items ?? []).map((o) => o.metadata.labels?.[LABEL] ?? "").sort();

test("a template change: revision upd-2, both VMs rewritten, their VMIs restarted from it, upd-1 pruned", async (t) => {
  await kubectlOk(["apply", "-n", ns, "-f", "-"], pool("64Mi"));
  const first = await waitFor<List>(vmis(), (l) => labelsOf(l).join() === "upd-1,upd-1", "2 VMIs of revision upd-1", 120_000);
  t.deepEqual(labelsOf(await waitFor<List>(["get", "vm", "-n", ns, "-l", "app=upd"], (l) => l?.items.length === 2, "2 VMs")), ["upd-1", "upd-1"]);
  t.true((await kubectlOk([...revisions(), "-o", "name"])).includes("controllerrevision.apps/upd-1"));

  await kubectlOk(["apply", "-n", ns, "-f", "-"], pool("96Mi"));
  const firstUids = new Set(first!.items.map((v) => v.metadata.uid));
  const next = await waitFor<List>(
    vmis(),
    (l) => labelsOf(l).join() === "upd-2,upd-2" && l!.items.every((v) => !firstUids.has(v.metadata.uid)),
    "2 new VMIs of revision upd-2",
    180_000,
  );
  for (const v of next!.items) t.is(v.spec?.domain?.resources?.requests?.memory, "96Mi");
  const vm = await kubectlOk(["get", "vm", "upd-0", "-n", ns, "-o", "jsonpath={.metadata.labels.kubevirt\\.io/vm-pool-revision-name} {.spec.template.spec.domain.resources.requests.memory}"]);
  t.is(vm, "upd-2 96Mi");
  await waitFor<List>(revisions(), (l) => (l?.items ?? []).map((r) => r.metadata.name).join() === "upd-2", "upd-1 pruned", 120_000);
  const events = await kubectlOk(["get", "events", "-n", ns, "--field-selector", "involvedObject.name=upd", "-o", "jsonpath={range .items[*]}{.reason}{\"\\n\"}{end}"]);
  t.regex(events, /^SuccessfulUpdate$/m);
});
