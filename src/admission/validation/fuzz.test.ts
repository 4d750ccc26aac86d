/**
 * Rules must never throw, whatever they are handed: random values in every field of a VMI-like
 * shape, and random JSON at the top. A throw would surface as an "internal error" cause (the
 * safety net in vmi-spec.ts), so the property also checks that none appears.
 */
import test from "ava";
import fc from "fast-check";
import { Cause, VirtualMachine, VirtualMachineInstance, VirtualMachineInstanceReplicaSet } from "../../api";
import { validateReplicaSet, validateVirtualMachine, validateVirtualMachineInstance, ValidationContext } from ".";

const CTX: ValidationContext = { featureGates: new Set(["HostDisk"]) };
const noise = fc.anything({ maxDepth: 2, withBigInt: true, withNullPrototype: true, withBoxedValues: true });
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof(arb, noise, fc.constant(undefined));
const name = maybe(fc.constantFrom("a", "root", "default", "Bad_Name", "", "x".repeat(70)));

const disk = fc.record({
  name,
  disk: maybe(fc.record({ bus: maybe(fc.constantFrom("virtio", "sata", "scsi", "usb", "ide")), readonly: maybe(fc.boolean()), pciAddress: maybe(fc.string()) })),
  cdrom: maybe(fc.record({ bus: maybe(fc.string()) })),
  lun: maybe(fc.record({ bus: maybe(fc.string()) })),
  bootOrder: maybe(fc.integer({ min: -2, max: 3 })),
  serial: maybe(fc.string()),
  dedicatedIOThread: maybe(fc.boolean()),
  cache: noise,
  io: noise,
}, { requiredKeys: [] });

const cloudInit = fc.record({ userData: maybe(fc.string()), userDataBase64: maybe(fc.string()), secretRef: noise, networkData: noise, networkDataBase64: maybe(fc.base64String()) }, { requiredKeys: [] });
const volume = fc.record({
  name,
  containerDisk: maybe(fc.record({ image: maybe(fc.string()), path: maybe(fc.string()) }, { requiredKeys: [] })),
  emptyDisk: maybe(fc.record({ capacity: maybe(fc.constantFrom("1Gi", "0", "-1", "x")) })),
  hostDisk: maybe(fc.record({ path: noise, type: maybe(fc.constantFrom("Disk", "DiskOrCreate")), capacity: noise }, { requiredKeys: [] })),
  persistentVolumeClaim: maybe(fc.record({ claimName: noise })),
  ephemeral: maybe(fc.record({ persistentVolumeClaim: noise })),
  cloudInitNoCloud: maybe(cloudInit),
  cloudInitConfigDrive: maybe(cloudInit),
  configMap: noise,
  secret: noise,
  serviceAccount: noise,
}, { requiredKeys: [] });

const iface = fc.record({ name, masquerade: maybe(fc.constant({})), bridge: maybe(fc.constant({})), macAddress: maybe(fc.string()), model: noise, bootOrder: noise, pciAddress: noise, ports: maybe(fc.array(fc.record({ name: noise, port: noise, protocol: noise }, { requiredKeys: [] }), { maxLength: 3 })) }, { requiredKeys: [] });
const network = fc.record({ name, pod: maybe(fc.constant({})) }, { requiredKeys: [] });
const quantityMap = maybe(fc.record({ memory: maybe(fc.constantFrom("64Mi", "-1", "0", "1Gi", "abc")), cpu: noise }, { requiredKeys: [] }));

const spec = fc.record({
  domain: maybe(fc.record({
    devices: maybe(fc.record({ disks: maybe(fc.array(maybe(disk), { maxLength: 4 })), interfaces: maybe(fc.array(maybe(iface), { maxLength: 3 })) }, { requiredKeys: [] })),
    resources: maybe(fc.record({ requests: quantityMap, limits: quantityMap }, { requiredKeys: [] })),
    memory: maybe(fc.record({ guest: noise, hugepages: maybe(fc.record({ pageSize: noise }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    cpu: noise,
    machine: noise,
    firmware: maybe(fc.record({ uuid: noise, bootloader: noise, kernelBoot: maybe(fc.record({ kernelArgs: noise, container: noise }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    features: noise,
  }, { requiredKeys: [] })),
  volumes: maybe(fc.array(maybe(volume), { maxLength: 4 })),
  networks: maybe(fc.array(maybe(network), { maxLength: 3 })),
  hostname: noise,
  subdomain: noise,
  evictionStrategy: noise,
  terminationGracePeriodSeconds: noise,
  startStrategy: noise,
}, { requiredKeys: [] });

function wellFormed(causes: Cause[]): boolean {
  return Array.isArray(causes) && causes.every(c => typeof c.field === "string" && typeof c.message === "string" && !c.message.includes("internal error"));
}

test("random VMI specs never make a rule throw", t => {
  fc.assert(fc.property(spec, s => wellFormed(validateVirtualMachineInstance({ spec: s } as VirtualMachineInstance, CTX))), { numRuns: 2000 });
  t.pass();
});

test("random VM and replica set shapes never make a rule throw", t => {
  const template = maybe(fc.record({ metadata: noise, spec }, { requiredKeys: [] }));
  fc.assert(fc.property(fc.record({ running: noise, runStrategy: noise, template }, { requiredKeys: [] }), s => wellFormed(validateVirtualMachine({ spec: s } as VirtualMachine, CTX))), { numRuns: 500 });
  fc.assert(fc.property(fc.record({ replicas: noise, selector: noise, template }, { requiredKeys: [] }), s => wellFormed(validateReplicaSet({ spec: s } as VirtualMachineInstanceReplicaSet, CTX))), { numRuns: 500 });
  t.pass();
});

test("arbitrary JSON never makes a validator throw", t => {
  fc.assert(fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true }), value => {
    const vmi = validateVirtualMachineInstance(value as VirtualMachineInstance, CTX);
    const vm = validateVirtualMachine(value as VirtualMachine, CTX);
    const rs = validateReplicaSet(value as VirtualMachineInstanceReplicaSet, CTX);
    return wellFormed(vmi) && wellFormed(vm) && wellFormed(rs);
  }), { numRuns: 1000 });
  t.pass();
});
