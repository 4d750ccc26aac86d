import test from "ava";
import { VirtualMachineInstanceSpec } from "../../api";
import { defaultVmiSpec, pullPolicyFor } from ".";

const ctx = { newUuid: () => "00000000-0000-4000-8000-000000000001", assignFirmwareUuid: true };
const minimal = (): VirtualMachineInstanceSpec => ({
  domain: { resources: { requests: { memory: "64Mi" } }, devices: {} },
  volumes: [{ name: "root", containerDisk: { image: "example/disk:v1" } }],
});
const defaulted = (patch: (s: VirtualMachineInstanceSpec) => void = () => {}, c = ctx) => {
  const spec = minimal();
  patch(spec);
  return defaultVmiSpec(spec, c);
};

test("machine type q35 unless set", t => {
  t.is(defaulted().domain.machine?.type, "q35");
  t.is(defaulted(s => (s.domain.machine = { type: "pc-q35-rhel8.6.0" })).domain.machine?.type, "pc-q35-rhel8.6.0");
});

test("CPU topology 1/1/1 without cpu resources", t => {
  t.deepEqual(defaulted().domain.cpu, { sockets: 1, cores: 1, threads: 1 });
});

test("CPU topology: sockets from the cpu limit, else the request, rounded up", t => {
  t.is(defaulted(s => (s.domain.resources = { requests: { memory: "64Mi", cpu: "1500m" } })).domain.cpu?.sockets, 2);
  t.is(defaulted(s => (s.domain.resources = { requests: { memory: "64Mi", cpu: 1 }, limits: { cpu: 3 } })).domain.cpu?.sockets, 3);
});

test("CPU topology: a partial topology gets 1 for the rest", t => {
  t.deepEqual(defaulted(s => (s.domain.cpu = { cores: 4 })).domain.cpu, { cores: 4, sockets: 1, threads: 1 });
});

test("memory.guest from the request, else the limit; a limit alone becomes the request", t => {
  t.is(defaulted().domain.memory?.guest, "64Mi");
  const fromLimit = defaulted(s => (s.domain.resources = { limits: { memory: "128Mi" } }));
  t.is(fromLimit.domain.memory?.guest, "128Mi");
  t.is(fromLimit.domain.resources?.requests?.memory, "128Mi");
  t.is(defaulted(s => (s.domain.memory = { guest: "32Mi" })).domain.memory?.guest, "32Mi");
});

test("a disk for every volume without one, with a disk target on the default bus", t => {
  t.deepEqual(defaulted().domain.devices.disks, [{ name: "root", disk: { bus: "sata" } }]);
});

test("an existing disk keeps its bus; an empty bus gets sata", t => {
  const spec = defaulted(s => (s.domain.devices.disks = [{ name: "root", disk: { bus: "virtio" } }]));
  t.deepEqual(spec.domain.devices.disks, [{ name: "root", disk: { bus: "virtio" } }]);
  t.is(defaulted(s => (s.domain.devices.disks = [{ name: "root", disk: {} }])).domain.devices.disks?.[0].disk?.bus, "sata");
});

test("cdrom: read-only, tray closed, sata bus; lun: scsi bus", t => {
  const spec = defaulted(s => {
    s.volumes!.push({ name: "lun", persistentVolumeClaim: { claimName: "c" } });
    s.domain.devices.disks = [{ name: "root", cdrom: {} }, { name: "lun", lun: {} }];
  });
  t.deepEqual(spec.domain.devices.disks?.[0].cdrom, { bus: "sata", readonly: true, tray: "closed" });
  t.deepEqual(spec.domain.devices.disks?.[1].lun, { bus: "scsi" });
});

test("the pod network and a masquerade interface named default when both lists are empty", t => {
  const spec = defaulted();
  t.deepEqual(spec.domain.devices.interfaces, [{ name: "default", masquerade: {} }]);
  t.deepEqual(spec.networks, [{ name: "default", pod: {} }]);
});

test("no default network when one is given or autoattachPodInterface is false", t => {
  t.is(defaulted(s => (s.networks = [{ name: "n", pod: {} }])).domain.devices.interfaces, undefined);
  t.is(defaulted(s => (s.domain.devices.autoattachPodInterface = false)).networks, undefined);
});

test("containerDisk imagePullPolicy from the tag", t => {
  t.is(pullPolicyFor("example/disk:v1"), "IfNotPresent");
  t.is(pullPolicyFor("example/disk:latest"), "Always");
  t.is(pullPolicyFor("example/disk"), "Always");
  t.is(pullPolicyFor("registry:5000/disk"), "Always");
  t.is(pullPolicyFor("example/disk@sha256:abc"), "IfNotPresent");
  t.is(defaulted().volumes?.[0].containerDisk?.imagePullPolicy, "IfNotPresent");
  t.is(defaulted(s => (s.volumes![0].containerDisk!.imagePullPolicy = "Never")).volumes?.[0].containerDisk?.imagePullPolicy, "Never");
});

test("firmware uuid assigned once, kept when present, not assigned for replica-set templates", t => {
  t.is(defaulted().domain.firmware?.uuid, "00000000-0000-4000-8000-000000000001");
  t.is(defaulted(s => (s.domain.firmware = { uuid: "keep-me" })).domain.firmware?.uuid, "keep-me");
  t.is(defaulted(() => {}, { ...ctx, assignFirmwareUuid: false }).domain.firmware, undefined);
});

test("terminationGracePeriodSeconds 30 when unset, kept when set (even 0)", t => {
  t.is(defaulted().terminationGracePeriodSeconds, 30);
  t.is(defaulted(s => (s.terminationGracePeriodSeconds = 0)).terminationGracePeriodSeconds, 0);
});

test("defaults do not change their input", t => {
  const spec = minimal();
  const before = structuredClone(spec);
  defaultVmiSpec(spec, ctx);
  t.deepEqual(spec, before);
});
