import test from "ava";
import { inferMatcher, type InferenceReader, type InferVm } from "./infer";

const IT = "instancetype.kubevirt.io/default-instancetype";
const ITK = "instancetype.kubevirt.io/default-instancetype-kind";

/** A reader over fixed objects, keyed `<namespace>/<name>`. */
function reader(objects: { pvcs?: Record<string, Record<string, string>>; dvs?: Record<string, { labels: Record<string, string>; spec: object }>; dss?: Record<string, { labels: Record<string, string>; spec: object }> }): InferenceReader {
  return {
    pvc: async (ns, n) => (objects.pvcs?.[`${ns}/${n}`] ? { labels: objects.pvcs[`${ns}/${n}`]! } : undefined),
    dataVolume: async (ns, n) => objects.dvs?.[`${ns}/${n}`] as never,
    dataSource: async (ns, n) => objects.dss?.[`${ns}/${n}`] as never,
  };
}

const vm = (volume: object, dataVolumeTemplates: object[] = []): InferVm =>
  ({ metadata: { namespace: "ns" }, spec: { dataVolumeTemplates, template: { spec: { volumes: [{ name: "root", ...volume }] } } } }) as InferVm;

test("a PVC's labels give the name and kind", async (t) => {
  const r = reader({ pvcs: { "ns/disk": { [IT]: "u1.small", [ITK]: "VirtualMachineClusterInstancetype" } } });
  t.deepEqual(await inferMatcher(vm({ persistentVolumeClaim: { claimName: "disk" } }), "instancetype", "root", r), { ok: true, name: "u1.small", kind: "VirtualMachineClusterInstancetype" });
});

test("the failures carry KubeVirt's messages, ignorable where KubeVirt's are", async (t) => {
  const r = reader({ pvcs: { "ns/bare": {} } });
  t.deepEqual(await inferMatcher(vm({ persistentVolumeClaim: { claimName: "gone" } }), "instancetype", "root", r), { ok: false, message: 'persistentvolumeclaims "gone" not found', ignorable: false });
  t.deepEqual(await inferMatcher(vm({ persistentVolumeClaim: { claimName: "bare" } }), "instancetype", "root", r), { ok: false, message: `unable to find required ${IT} label on the volume`, ignorable: true });
  t.deepEqual(await inferMatcher(vm({ containerDisk: { image: "x" } }), "instancetype", "root", r), { ok: false, message: "unable to infer defaults from volume root as type is not supported", ignorable: true });
  t.deepEqual(await inferMatcher(vm({}), "instancetype", "other", r), { ok: false, message: "unable to find volume other to infer defaults", ignorable: false });
});

test("a DataVolume template's DataSource, then its PVC", async (t) => {
  const template = { metadata: { name: "dv" }, spec: { sourceRef: { kind: "DataSource", name: "fedora", namespace: "images" } } };
  const labelled = reader({ dss: { "images/fedora": { labels: { [IT]: "u1.medium" }, spec: {} } } });
  t.like(await inferMatcher(vm({ dataVolume: { name: "dv" } }, [template]), "instancetype", "root", labelled), { ok: true, name: "u1.medium" });
  const viaPvc = reader({ dss: { "images/fedora": { labels: {}, spec: { source: { pvc: { name: "golden", namespace: "images" } } } } }, pvcs: { "images/golden": { [IT]: "u1.large" } } });
  t.like(await inferMatcher(vm({ dataVolume: { name: "dv" } }, [template]), "instancetype", "root", viaPvc), { ok: true, name: "u1.large" });
});

test("a DataVolume object: its labels, else its source; no object: the PVC it left", async (t) => {
  const r = reader({
    dvs: { "ns/labelled": { labels: { [IT]: "a" }, spec: {} }, "ns/plain": { labels: {}, spec: { source: { pvc: { name: "src" } } } } },
    pvcs: { "ns/src": { [IT]: "b" }, "ns/left": { [IT]: "c" } },
  });
  t.like(await inferMatcher(vm({ dataVolume: { name: "labelled" } }), "instancetype", "root", r), { ok: true, name: "a" });
  t.like(await inferMatcher(vm({ dataVolume: { name: "plain" } }), "instancetype", "root", r), { ok: true, name: "b" });
  t.like(await inferMatcher(vm({ dataVolume: { name: "left" } }), "instancetype", "root", r), { ok: true, name: "c" });
});

test("preferences read their own labels", async (t) => {
  const r = reader({ pvcs: { "ns/disk": { [IT]: "u1.small", "instancetype.kubevirt.io/default-preference": "fedora" } } });
  t.deepEqual(await inferMatcher(vm({ persistentVolumeClaim: { claimName: "disk" } }), "preference", "root", r), { ok: true, name: "fedora" });
});
