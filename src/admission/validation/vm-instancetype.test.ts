import test from "ava";
import { admit, DEFAULT_POLICY } from "../chain";

const vm = (template: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachine",
  metadata: { name: "vm1", namespace: "ns" },
  spec: {
    runStrategy: "Always",
    instancetype: { name: "u1.small" },
    preference: { name: "cirros" },
    ...extra,
    template: { spec: { domain: { devices: {}, ...template }, volumes: [{ name: "root", containerDisk: { image: "cirros" } }] } },
  },
});
const u1small = { cpu: { guest: 1 }, memory: { guest: "2Gi" } };

test("a VM with an instancetype needs no memory of its own, and keeps its template undefaulted", (t) => {
  const r = admit({ object: vm({}), operation: "CREATE" }, { ...DEFAULT_POLICY, instancetypes: { instancetype: u1small } });
  t.true(r.allowed, JSON.stringify(r));
  const spec = (r as unknown as { object: { spec: { instancetype: { kind: string }; preference: { kind: string }; template: { spec: { domain: Record<string, unknown> } } } } }).object.spec;
  t.is(spec.instancetype.kind, "virtualmachineclusterinstancetype");
  t.is(spec.preference.kind, "virtualmachineclusterpreference");
  t.is(spec.template.spec.domain.cpu, undefined, "no default topology to conflict with the instancetype");
});

test("an unread instancetype (offline) does not make memory required", (t) => {
  t.true(admit({ object: vm({}), operation: "CREATE" }).allowed);
});

test("CPU or memory the instancetype provides is refused with the field path", (t) => {
  const r = admit({ object: vm({ cpu: { sockets: 2 }, memory: { guest: "1Gi" } }), operation: "CREATE" }, { ...DEFAULT_POLICY, instancetypes: { instancetype: u1small } });
  t.false(r.allowed);
  t.deepEqual(!r.allowed && r.causes, [
    { field: "spec.template.spec.domain.cpu.sockets", message: "VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type" },
    { field: "spec.template.spec.domain.memory", message: "VM field(s) spec.template.spec.domain.memory conflicts with selected instance type" },
  ]);
});

test("a preference alone still needs the VM's own memory", (t) => {
  const r = admit({ object: vm({}, { instancetype: undefined }), operation: "CREATE" }, { ...DEFAULT_POLICY, instancetypes: { preference: {} } });
  t.false(r.allowed);
  t.true(!r.allowed && r.causes.some((c) => c.field === "spec.template.spec.domain.resources.requests.memory"));
});
