import test from "ava";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { admit, AdmissionPolicy, mutate, validate, validateUpdate } from "./chain";
import { newCirrosVmi } from "../../test/fixtures/vmi-builder";

const vmiForUpdate = { ...newCirrosVmi(), metadata: { name: "u" } };

const fixtures = join(__dirname, "../../test/fixtures");
const policy: AdmissionPolicy = { featureGates: new Set(), newUuid: () => "11111111-2222-4333-8444-555555555555" };
const load = (path: string) => parse(readFileSync(path, "utf8"));
const seed = () => load(join(fixtures, "seed/example-vm.yaml"));

test("the seed's example VM is admitted as a v1 VM with KubeVirt's defaults", t => {
  const result = admit({ object: seed(), operation: "CREATE" }, policy);
  if (!result.allowed) return t.fail(JSON.stringify(result.causes));
  const vm = result.object as any;
  t.is(vm.apiVersion, "kubevirt.io/v1");
  t.is(vm.spec.runStrategy, "Always");
  const spec = vm.spec.template.spec;
  t.is(spec.domain.machine.type, "q35");
  t.is(spec.domain.memory.guest, "64M");
  t.is(spec.domain.firmware.uuid, "11111111-2222-4333-8444-555555555555");
  t.deepEqual(spec.domain.devices.disks.map((d: any) => [d.name, d.disk.bus]), [["registryvolume", "virtio"], ["cloudinitvolume", "virtio"]]);
  t.is(spec.volumes[0].containerDisk.imagePullPolicy, "IfNotPresent");
  t.deepEqual(spec.networks, [{ name: "default", pod: {} }]);
  t.is(spec.terminationGracePeriodSeconds, 5);
});

test("the webhook path: a v1alpha1 VM relabelled v1 is converted by its requestKind, then validates", t => {
  const relabelled = { ...seed(), apiVersion: "kubevirt.io/v1" };
  const requestKind = { group: "kubevirt.io", version: "v1alpha1", kind: "VirtualMachine" };
  const mutated = mutate({ object: relabelled, operation: "CREATE", requestKind }, policy);
  t.deepEqual(validate(mutated, policy), []);
});

test("an unconverted legacy VM is denied at validation with a hint", t => {
  const causes = validate(seed(), policy);
  t.is(causes[0].field, "apiVersion");
  t.regex(causes[0].message, /mutating webhook/);
});

test("on update a VM keeps the firmware UUID given at creation", t => {
  const created = admit({ object: seed(), operation: "CREATE" }, policy);
  if (!created.allowed) return t.fail();
  const reapplied = mutate({ object: seed(), operation: "UPDATE", oldObject: created.object }, { ...policy, newUuid: () => "new" }) as any;
  t.is(reapplied.spec.template.spec.domain.firmware.uuid, "11111111-2222-4333-8444-555555555555");
});

test("VMIRS templates get no firmware UUID; replicas default to 1", t => {
  const rs = {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstanceReplicaSet",
    metadata: { name: "rs" },
    spec: {
      selector: { matchLabels: { app: "x" } },
      template: { metadata: { labels: { app: "x" } }, spec: { domain: { resources: { requests: { memory: "64Mi" } }, devices: {} } } },
    },
  };
  const result = admit({ object: rs, operation: "CREATE" }, policy);
  if (!result.allowed) return t.fail(JSON.stringify(result.causes));
  const spec = (result.object as any).spec;
  t.is(spec.replicas, 1);
  t.is(spec.template.spec.domain.firmware, undefined);
});

test("unknown fields are denied with their path", t => {
  const vm = seed();
  vm.spec.domain.devices.disks[0].disk.buss = "virtio";
  const result = admit({ object: vm, operation: "CREATE" }, policy);
  t.false(result.allowed);
  if (!result.allowed) t.true(result.causes.some(c => c.field === "spec.domain.devices.disks[0].disk.buss" && /unknown field/.test(c.message)));
});

test("wrong kinds and non-objects are denied, not thrown", t => {
  t.is(validate({ kind: "Pod" }, policy)[0].field, "kind");
  t.is(validate("text", policy)[0].field, "<root>");
  t.is(mutate({ object: 42, operation: "CREATE" }, policy), undefined);
});

const manifestDir = (kind: "valid" | "invalid") => join(fixtures, "manifests", kind);
const manifests = (kind: "valid" | "invalid") => {
  try {
    return readdirSync(manifestDir(kind)).filter(f => f.endsWith(".yaml"));
  } catch {
    return [];
  }
};

for (const file of manifests("valid")) {
  test(`valid manifest ${file} is admitted`, t => {
    for (const doc of parseAllDocuments(readFileSync(join(manifestDir("valid"), file), "utf8"))) {
      const result = admit({ object: doc.toJS(), operation: "CREATE" }, policy);
      t.true(result.allowed, result.allowed ? "" : JSON.stringify(result.causes));
    }
  });
}

for (const file of manifests("invalid")) {
  test(`invalid manifest ${file} is denied with the expected field path`, t => {
    const text = readFileSync(join(manifestDir("invalid"), file), "utf8");
    const expectations = [...text.matchAll(/^# expect: (\S+): (.*)$/gm)].map(m => ({ field: m[1], message: m[2].trim() }));
    t.true(expectations.length > 0, "the fixture names what it expects");
    const result = admit({ object: parse(text), operation: "CREATE" }, policy);
    if (result.allowed) return t.fail("admitted");
    for (const e of expectations) {
      t.true(
        result.causes.some(c => c.field === e.field && c.message.includes(e.message)),
        `expected ${e.field}: ${e.message}; got ${JSON.stringify(result.causes)}`,
      );
    }
  });
}

test("validateUpdate: a VMI's spec is immutable for users; a default the stored object lacks is not a change", t => {
  const created = admit({ object: structuredClone(vmiForUpdate), operation: "CREATE" });
  if (!created.allowed) return t.fail(JSON.stringify(created.causes));
  const stored = created.object as { spec: { domain: { machine?: unknown; resources: unknown } } };
  const relabel = { ...structuredClone(stored), metadata: { name: "u", labels: { a: "b" } } };
  t.deepEqual(validateUpdate(relabel, stored, "kubernetes-admin"), []);
  const olderStored = structuredClone(stored);
  delete olderStored.spec.domain.machine; // stored before that default existed
  t.deepEqual(validateUpdate(relabel, olderStored, "kubernetes-admin"), []);
  const resized = structuredClone(stored);
  resized.spec.domain.resources = { requests: { memory: "2Gi" } };
  t.regex(validateUpdate(resized, stored, "kubernetes-admin").map(c => `${c.field}: ${c.message}`).join(), /spec\.domain: a VirtualMachineInstance's spec cannot change/);
  t.deepEqual(validateUpdate(resized, stored, "system:serviceaccount:pepr-system:pepr-kubevirt-ts"), []);
});
