import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { convertLegacyVirtualMachine, isLegacyVirtualMachine } from ".";

const seed = parse(readFileSync(join(__dirname, "../../../test/fixtures/seed/example-vm.yaml"), "utf8"));

test("the seed's v1alpha1 VM becomes a v1 VM with runStrategy Always", t => {
  const vm = convertLegacyVirtualMachine(seed) as any;
  t.is(vm.apiVersion, "kubevirt.io/v1");
  t.is(vm.kind, "VirtualMachine");
  t.is(vm.spec.runStrategy, "Always");
  t.is(vm.spec.template.spec.terminationGracePeriodSeconds, 5);
  t.deepEqual(vm.spec.template.spec.domain.resources, { requests: { memory: "64M" } });
  t.is(vm.spec.domain, undefined);
  t.is(vm.spec.volumes, undefined);
});

test("disks take the name of their volume; registryDisk becomes containerDisk", t => {
  const vm = convertLegacyVirtualMachine(seed) as any;
  t.deepEqual(vm.spec.template.spec.domain.devices.disks.map((d: any) => d.name), ["registryvolume", "cloudinitvolume"]);
  t.false(JSON.stringify(vm).includes("volumeName"));
  t.deepEqual(vm.spec.template.spec.volumes[0], { name: "registryvolume", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } });
});

test("an explicit running or runStrategy is kept", t => {
  const vm = convertLegacyVirtualMachine({ ...seed, spec: { ...seed.spec, running: false } }) as any;
  t.is(vm.spec.running, false);
  t.is(vm.spec.runStrategy, undefined);
});

test("legacy detection: by requestKind or by shape, never by apiVersion v1 alone", t => {
  const relabelled = { ...seed, apiVersion: "kubevirt.io/v1" };
  t.true(isLegacyVirtualMachine(relabelled), "shape");
  t.true(isLegacyVirtualMachine({ ...relabelled, spec: { template: {} } }, { group: "kubevirt.io", version: "v1alpha1", kind: "VirtualMachine" }));
  t.false(isLegacyVirtualMachine({ ...relabelled, spec: { template: {} } }));
  t.false(isLegacyVirtualMachine({ kind: "VirtualMachineInstance", spec: { domain: {} } }));
});

test("conversion does not change its input", t => {
  const copy = structuredClone(seed);
  convertLegacyVirtualMachine(copy);
  t.deepEqual(copy, seed);
});
