import test from "ava";
import { applyToTemplate } from "./apply";
import type { InstancetypeSpec, PreferenceSpec, VmiSpec } from "./types";

const u1small: InstancetypeSpec = { cpu: { guest: 1 }, memory: { guest: "2Gi" } };
const two: InstancetypeSpec = { cpu: { guest: 2 }, memory: { guest: "1Gi" } };
const template = (spec: Partial<VmiSpec> = {}): { spec: VmiSpec } => ({
  spec: { domain: { devices: { disks: [{ name: "root" }] } }, volumes: [{ name: "root", containerDisk: { image: "cirros" } }], ...spec } as VmiSpec,
});
const domainWith = (domain: Partial<VmiSpec["domain"]>): { spec: VmiSpec } => template({ domain: { devices: {}, ...domain } });
const spec = (r: ReturnType<typeof applyToTemplate>): VmiSpec => {
  if (!("spec" in r)) throw new Error(`conflicts: ${JSON.stringify(r.conflicts)}`);
  return r.spec;
};

test("an instancetype gives the guest its vCPUs (as sockets by default) and memory", (t) => {
  const s = spec(applyToTemplate({ instancetype: two }, template()));
  t.deepEqual(s.domain.cpu, { sockets: 2, cores: 1, threads: 1 });
  t.deepEqual(s.domain.memory, { guest: "1Gi" });
});

test("the preference's topology lays out the instancetype's vCPUs", (t) => {
  const s = spec(applyToTemplate({ instancetype: two, preference: { cpu: { preferredCPUTopology: "cores" } } }, template()));
  t.deepEqual(s.domain.cpu, { sockets: 1, cores: 2, threads: 1 });
});

test("the inputs are not changed", (t) => {
  const tpl = template();
  const before = JSON.stringify(tpl);
  applyToTemplate({ instancetype: two, preference: { devices: { preferredDiskBus: "virtio" } } }, tpl);
  t.is(JSON.stringify(tpl), before);
});

const conflicts: Array<[string, { spec: VmiSpec }, string[]]> = [
  ["sockets", domainWith({ cpu: { sockets: 2 } }), ["spec.template.spec.domain.cpu.sockets"]],
  ["cores and threads", domainWith({ cpu: { cores: 2, threads: 1 } }), ["spec.template.spec.domain.cpu.cores", "spec.template.spec.domain.cpu.threads"]],
  ["a CPU request", domainWith({ resources: { requests: { cpu: "1" } } }), ["spec.template.spec.domain.resources.requests.cpu"]],
  ["guest memory", domainWith({ memory: { guest: "1Gi" } }), ["spec.template.spec.domain.memory"]],
  ["a memory request", domainWith({ resources: { requests: { memory: "1Gi" } } }), ["spec.template.spec.domain.resources.requests.memory"]],
];
for (const [name, tpl, fields] of conflicts) {
  test(`the template setting ${name} conflicts with the instancetype`, (t) => {
    const r = applyToTemplate({ instancetype: u1small }, tpl);
    t.deepEqual(r.conflicts.map((c) => c.field), fields);
    t.is(r.conflicts[0]!.message, `VM field(s) ${fields[0]} conflicts with selected instance type`);
  });
}

test("a CPU model conflicts only when the instancetype sets one too", (t) => {
  t.deepEqual(applyToTemplate({ instancetype: u1small }, domainWith({ cpu: { model: "host-model" } })).conflicts, []);
  const r = applyToTemplate({ instancetype: { ...u1small, cpu: { guest: 1, model: "Haswell" } } }, domainWith({ cpu: { model: "host-model" } }));
  t.deepEqual(r.conflicts.map((c) => c.field), ["spec.template.spec.domain.cpu.model"]);
});

test("GPUs, host devices, node selector and annotations come from the instancetype", (t) => {
  const it: InstancetypeSpec = { ...u1small, gpus: [{ name: "g", deviceName: "nvidia.com/GP102GL_Tesla_P40" }], nodeSelector: { gpu: "yes" }, annotations: { a: "1" } };
  const r = applyToTemplate({ instancetype: it }, template());
  t.deepEqual(spec(r).domain.devices.gpus, it.gpus);
  t.deepEqual(spec(r).nodeSelector, { gpu: "yes" });
  t.deepEqual("meta" in r ? r.meta.annotations : undefined, { a: "1" });
  const clash = applyToTemplate({ instancetype: it }, { ...template({ nodeSelector: { x: "y" } }), metadata: { annotations: { a: "2" } } });
  t.deepEqual(clash.conflicts.map((c) => c.field), ["spec.template.spec.nodeSelector", "annotations.a"]);
});

test("overcommit lowers the memory request by its percentage", (t) => {
  const s = spec(applyToTemplate({ instancetype: { cpu: { guest: 1 }, memory: { guest: "1Gi", overcommitPercent: 50 } } }, template()));
  t.deepEqual(s.domain.resources?.requests, { memory: "512Mi" });
});

test("preferred devices fill what the template leaves unset, never what it sets", (t) => {
  const pref: PreferenceSpec = { devices: { preferredDiskBus: "virtio", preferredInterfaceModel: "virtio", preferredAutoattachMemBalloon: false, preferredRng: {} } };
  const tpl = template({
    domain: { devices: { disks: [{ name: "root" }, { name: "data", disk: { bus: "sata" } }, { name: "cd", cdrom: {} }], interfaces: [{ name: "default", masquerade: {} }] } },
    networks: [{ name: "default", pod: {} }],
  });
  const s = spec(applyToTemplate({ preference: pref }, tpl));
  t.deepEqual(s.domain.devices.disks?.map((d) => d.disk?.bus ?? `cdrom:${d.cdrom?.bus}`), ["virtio", "sata", "cdrom:undefined"]);
  t.is(s.domain.devices.interfaces?.[0]?.model, "virtio");
  t.is(s.domain.devices.autoattachMemBalloon, false);
  t.deepEqual(s.domain.devices.rng, {});
});

test("preferred machine, firmware, features, clock and grace period", (t) => {
  const pref: PreferenceSpec = {
    machine: { preferredMachineType: "q35" },
    firmware: { preferredUseEfi: true, preferredUseSecureBoot: false },
    features: { preferredAcpi: {}, preferredSmm: { enabled: true } },
    clock: { preferredClockOffset: { utc: {} }, preferredTimer: { rtc: { tickPolicy: "catchup" } } },
    preferredTerminationGracePeriodSeconds: 180,
  };
  const s = spec(applyToTemplate({ preference: pref }, template({ terminationGracePeriodSeconds: 5 })));
  t.is(s.domain.machine?.type, "q35");
  t.deepEqual(s.domain.firmware?.bootloader, { efi: { secureBoot: false } });
  t.deepEqual(s.domain.features, { acpi: {}, smm: { enabled: true } });
  t.deepEqual(s.domain.clock, { utc: {}, timer: { rtc: { tickPolicy: "catchup" } } });
  t.is(s.terminationGracePeriodSeconds, 5);
});

test("preferred CPU flags join the template's", (t) => {
  const s = spec(applyToTemplate({ preference: { cpu: { preferredCPUFeatures: [{ name: "vmx" }, { name: "pcid", policy: "require" }] } } }, domainWith({ cpu: { features: [{ name: "vmx", policy: "disable" }] } })));
  t.deepEqual(s.domain.cpu?.features, [{ name: "vmx", policy: "disable" }, { name: "pcid", policy: "require" }]);
});

test("requirements: an instancetype too small for the preference", (t) => {
  const r = applyToTemplate({ instancetype: u1small, preference: { requirements: { cpu: { guest: 2 } } } }, template());
  t.deepEqual(r.conflicts, [{ field: "spec.instancetype", message: "insufficient CPU resources of 1 vCPU provided by instance type, preference requires 2 vCPU" }]);
  const m = applyToTemplate({ instancetype: u1small, preference: { requirements: { memory: { guest: "4Gi" } } } }, template());
  t.deepEqual(m.conflicts, [{ field: "spec.instancetype", message: "insufficient Memory resources of 2Gi provided by instance type, preference requires 4Gi" }]);
});

test("requirements: a VM without an instancetype too small for the preference", (t) => {
  const r = applyToTemplate({ preference: { cpu: { preferredCPUTopology: "spread" }, requirements: { cpu: { guest: 4 } } } }, domainWith({ cpu: { sockets: 1, cores: 1 } }));
  t.deepEqual(r.conflicts.map((c) => c.field), ["spec.template.spec.domain.cpu.sockets", "spec.template.spec.domain.cpu.cores"]);
  t.is(r.conflicts[0]!.message, "insufficient CPU resources of 1 vCPU provided by VirtualMachine, preference requires 4 vCPU provided as SocketsCores");
  const m = applyToTemplate({ preference: { requirements: { memory: { guest: "2Gi" } } } }, domainWith({ memory: { guest: "1Gi" } }));
  t.deepEqual(m.conflicts, [{ field: "spec.template.spec.domain.memory", message: "insufficient Memory resources of 1Gi provided by VirtualMachine, preference requires 2Gi" }]);
});

test("a spread that does not divide the vCPUs is refused at instancetype.spec.cpu.guest", (t) => {
  const r = applyToTemplate({ instancetype: { cpu: { guest: 3 }, memory: { guest: "1Gi" } }, preference: { cpu: { preferredCPUTopology: "spread" } } }, template());
  t.deepEqual(r.conflicts.map((c) => c.field), ["instancetype.spec.cpu.guest"]);
});
