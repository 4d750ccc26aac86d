import test from "ava";
import type { VirtualMachineInstance } from "../../api";
import { claimRefs, containerClaims, judgePrerequisites, MULTUS_NETWORKS_ANNOTATION, NAD_RESOURCE_ANNOTATION, networkAttachmentRefs } from "./prerequisites";

const vmi = (spec: Record<string, unknown>): VirtualMachineInstance =>
  ({ metadata: { name: "v", namespace: "ns1" }, spec: { domain: { devices: {} }, ...spec } }) as VirtualMachineInstance;

test("Multus networks are found with their namespace, defaulting to the VMI's", (t) => {
  const v = vmi({ networks: [{ name: "default", pod: {} }, { name: "a", multus: { networkName: "sriov" } }, { name: "b", multus: { networkName: "other/br" } }] });
  t.deepEqual(networkAttachmentRefs(v), [
    { field: "spec.networks[1].multus.networkName", namespace: "ns1", name: "sriov", network: "a" },
    { field: "spec.networks[2].multus.networkName", namespace: "other", name: "br", network: "b" },
  ]);
});

test("claims are found by the object they point at", (t) => {
  const v = vmi({ resourceClaims: [{ name: "gpu", resourceClaimTemplateName: "t" }, { name: "x", resourceClaimName: "c" }, { name: "empty" }] });
  t.deepEqual(claimRefs(v), [
    { field: "spec.resourceClaims[0].resourceClaimTemplateName", kind: "ResourceClaimTemplate", name: "t" },
    { field: "spec.resourceClaims[1].resourceClaimName", kind: "ResourceClaim", name: "c" },
  ]);
});

const nad = { field: "spec.networks[1].multus.networkName", namespace: "ns1", name: "sriov", network: "a" };

test("a missing NAD fails with KubeVirt's message", (t) => {
  const v = judgePrerequisites({ nads: [{ ref: nad, annotations: undefined }], claims: [] });
  t.deepEqual(v, { ok: false, message: "failed to render launch manifest: failed to locate network attachment definition ns1/sriov" });
});

test("a device-backed NAD is requested as its resource, once per network, with Multus's annotation", (t) => {
  const annotations = { [NAD_RESOURCE_ANNOTATION]: "intel.com/sriov" };
  const v = judgePrerequisites({ nads: [{ ref: nad, annotations }, { ref: { ...nad, network: "b" }, annotations }], claims: [] });
  if (!v.ok) return t.fail(v.message);
  t.deepEqual(v.resources, { "intel.com/sriov": "2" });
  t.deepEqual(JSON.parse(v.annotations[MULTUS_NETWORKS_ANNOTATION]!), [
    { name: "sriov", namespace: "ns1", interface: "a" },
    { name: "sriov", namespace: "ns1", interface: "b" },
  ]);
});

test("a NAD without a device resource says Multus CNI is not run", (t) => {
  const v = judgePrerequisites({ nads: [{ ref: nad, annotations: {} }], claims: [] });
  t.false(v.ok);
  t.regex(!v.ok ? v.message : "", /ns1\/sriov \(spec\.networks\[1\]\.multus\.networkName\) needs Multus CNI/);
});

test("a missing claim fails naming the field; nothing to read is fine", (t) => {
  const v = judgePrerequisites({ nads: [], claims: [{ ref: { field: "spec.resourceClaims[0].resourceClaimName", kind: "ResourceClaim", name: "c" }, exists: false }] });
  t.regex(!v.ok ? v.message : "", /spec\.resourceClaims\[0\]\.resourceClaimName: ResourceClaim "c" not found/);
  t.deepEqual(judgePrerequisites({ nads: [], claims: [] }), { ok: true, resources: {}, annotations: {} });
});

test("claimed GPUs and host devices become the container's claims", (t) => {
  const v = vmi({});
  v.spec.domain.devices = { gpus: [{ name: "g", claimName: "gpu", requestName: "r" }, { name: "p", deviceName: "nvidia.com/x" }], hostDevices: [{ name: "h", claimName: "dev" }] };
  t.deepEqual(containerClaims(v), [{ name: "gpu", request: "r" }, { name: "dev" }]);
});
