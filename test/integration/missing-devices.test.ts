/**
 * What a VM asks of the cluster that the cluster lacks, said on the VMI and the VM as KubeVirt says
 * it: a Multus network without its NetworkAttachmentDefinition, a DRA claim that does not exist, a
 * device resource no node offers. No guest runs: every launcher pod here stays unscheduled.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "./kube";
import { waitFor, type List, type Obj } from "./wait";

const NAD_CRD = "network-attachment-definitions.k8s.cni.cncf.io";
/** Multus's CRD, as far as the controller reads it; made only when the cluster lacks it, and then removed. */
const nadCrd = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${NAD_CRD}
spec:
  group: k8s.cni.cncf.io
  scope: Namespaced
  names: {plural: network-attachment-definitions, singular: network-attachment-definition, kind: NetworkAttachmentDefinition, shortNames: [net-attach-def]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
`;

let ns = "";
let madeCrd = false;
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-missing");
  if ((await kubectl(["get", "crd", NAD_CRD])).code !== 0) {
    await kubectlOk(["create", "-f", "-"], nadCrd);
    madeCrd = true;
    await kubectlOk(["wait", "--for=condition=Established", `crd/${NAD_CRD}`, "--timeout=60s"]);
  }
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
  if (madeCrd) await kubectl(["delete", "crd", NAD_CRD, "--wait=false"]);
});

const disk = `
      disks:
      - name: rootdisk
        disk: {bus: virtio}`;
const volumes = `
  volumes:
  - name: rootdisk
    containerDisk:
      image: quay.io/kubevirt/cirros-container-disk-demo:latest`;

const sriovVm = (name: string, nad: string): string => `
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: ${name}}
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        resources: {requests: {memory: 64Mi}}
        devices:
          interfaces:
          - {name: default, masquerade: {}}
          - {name: fast, sriov: {}}${disk.replace(/\n/g, "\n    ")}
      networks:
      - {name: default, pod: {}}
      - {name: fast, multus: {networkName: ${nad}}}${volumes.replace(/\n/g, "\n    ")}
`;

const nad = (name: string, resource: string): string => `
apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: ${name}
  annotations: {k8s.v1.cni.cncf.io/resourceName: ${resource}}
spec:
  config: '{"cniVersion": "0.3.1", "name": "${name}", "type": "sriov"}'
`;

const condition = (o: Obj | undefined, type: string): { status?: string; reason?: string; message?: string } | undefined =>
  (o?.status?.conditions as Array<{ type: string; status?: string; reason?: string; message?: string }> | undefined)?.find((c) => c.type === type);
const podsOf = (uid: string) => ["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${uid}`];

test("a Multus network without its NetworkAttachmentDefinition: FailedCreate naming it, no pod; once it exists (device-backed), ErrorUnschedulable naming the resource", async (t) => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], sriovVm("fast", "sriov-net"));
  const message = `failed to render launch manifest: failed to locate network attachment definition ${ns}/sriov-net`;
  const vmi = await waitFor<Obj>(["get", "vmi", "fast", "-n", ns], (v) => condition(v, "Synchronized")?.reason === "FailedCreate", "VMI Synchronized=False");
  t.like(condition(vmi, "Synchronized"), { status: "False", reason: "FailedCreate", message });
  t.is(vmi!.status?.phase, "Pending");
  const vm = await waitFor<Obj>(["get", "vm", "fast", "-n", ns], (v) => condition(v, "Synchronized") !== undefined, "the VM shows the condition");
  t.like(condition(vm, "Synchronized"), { status: "False", message });
  t.deepEqual((await waitFor<List>(podsOf(vmi!.metadata.uid), (l) => l !== undefined, "pods"))!.items, [], "no launcher pod");
  const events = await kubectlOk(["get", "events", "-n", ns, "--field-selector", "involvedObject.name=fast,type=Warning", "-o", "jsonpath={range .items[*]}{.reason}: {.message}{\"\\n\"}{end}"]);
  t.true(events.includes(`FailedCreate: ${message}`), events);

  // The controller looks again every 30 s: the network appears, backed by a device no node has.
  await kubectlOk(["create", "-n", ns, "-f", "-"], nad("sriov-net", "intel.com/kvts_test_sriov"));
  await waitFor<Obj>(["get", "vm", "fast", "-n", ns], (v) => v?.status?.printableStatus === "ErrorUnschedulable", "VM ErrorUnschedulable", 150_000);
  const scheduling = await waitFor<Obj>(["get", "vmi", "fast", "-n", ns], (v) => condition(v, "PodScheduled")?.status === "False", "PodScheduled False");
  t.regex(condition(scheduling, "PodScheduled")?.message ?? "", /Insufficient intel\.com\/kvts_test_sriov/);
  t.is(condition(scheduling, "Synchronized"), undefined, "the failure is gone with the pod made");
  const pod = (await waitFor<List>(podsOf(vmi!.metadata.uid), (l) => (l?.items.length ?? 0) === 1, "the launcher pod"))!.items[0]!;
  const compute = (pod.spec!.containers as Array<{ name: string; resources: { limits: Record<string, string> } }>)[0]!;
  t.is(compute.resources.limits["intel.com/kvts_test_sriov"], "1");
});

test("a DRA claim that does not exist: FailedCreate naming the field and the claim, and no launcher pod", async (t) => {
  await kubectlOk(["create", "-n", ns, "-f", "-"], `
apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: dra}
spec:
  resourceClaims:
  - {name: gpu, resourceClaimName: no-such-claim}
  domain:
    resources: {requests: {memory: 64Mi}}
    devices:
      gpus:
      - {name: g1, claimName: gpu, requestName: req}${disk}${volumes}
`);
  const vmi = await waitFor<Obj>(["get", "vmi", "dra", "-n", ns], (v) => condition(v, "Synchronized")?.reason === "FailedCreate", "VMI Synchronized=False");
  t.regex(condition(vmi, "Synchronized")?.message ?? "", /spec\.resourceClaims\[0\]\.resourceClaimName: ResourceClaim "no-such-claim" not found/);
  t.deepEqual((await waitFor<List>(podsOf(vmi!.metadata.uid), (l) => l !== undefined, "pods"))!.items, []);
});
