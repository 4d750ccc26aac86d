import test from "ava";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { admit, AdmissionPolicy, validate } from "./chain";

/*
 * Property test: random objects and randomly mutated valid specs go through the whole admission
 * chain. It must never throw; every result is either admitted (and the admitted object validates
 * again, unchanged) or denied with at least one cause that names a field.
 */

const policy: AdmissionPolicy = { featureGates: new Set(), newUuid: () => "11111111-2222-4333-8444-555555555555" };
const seed = parse(readFileSync(join(__dirname, "../../test/fixtures/seed/example-vm.yaml"), "utf8"));
const vmi = {
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name: "fuzz" },
  spec: {
    domain: {
      resources: { requests: { memory: "64Mi", cpu: "500m" }, limits: { memory: "128Mi" } },
      cpu: { cores: 2 },
      devices: {
        disks: [{ name: "root", disk: { bus: "virtio" }, bootOrder: 1 }, { name: "ci", cdrom: {} }],
        interfaces: [{ name: "default", masquerade: {}, ports: [{ port: 22 }] }],
      },
    },
    networks: [{ name: "default", pod: {} }],
    volumes: [
      { name: "root", containerDisk: { image: "example/disk:v1" } },
      { name: "ci", cloudInitNoCloud: { userData: "#cloud-config\nhostname: x\n" } },
    ],
  },
};
const bases = [seed, vmi];

type Path = (string | number)[];
function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap(k => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

type Op = "set" | "delete" | "duplicate";
function mutateAt(base: unknown, path: Path, op: Op, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  if (path.length === 0) return op === "set" ? value : copy;
  const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], copy);
  const key = path[path.length - 1];
  if (op === "set") parent[key] = value;
  else if (op === "delete") Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
  else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
  return copy;
}

const mutatedSpec = fc
  .record({
    base: fc.constantFrom(...bases),
    picks: fc.array(fc.record({ index: fc.nat(), op: fc.constantFrom<Op>("set", "delete", "duplicate"), value: fc.jsonValue({ maxDepth: 2 }) }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ base, picks }) =>
    picks.reduce<unknown>((object, pick) => {
      const all = paths(object);
      return mutateAt(object, all[pick.index % all.length], pick.op, pick.value);
    }, base),
  );

const anyObject = fc.oneof(
  fc.anything(),
  fc.record({ apiVersion: fc.constant("kubevirt.io/v1"), kind: fc.constantFrom("VirtualMachine", "VirtualMachineInstance", "VirtualMachineInstanceReplicaSet"), spec: fc.jsonValue({ maxDepth: 4 }) }),
);

function checkOutcome(object: unknown): boolean {
  const result = admit({ object, operation: "CREATE" }, policy);
  if (result.allowed) return validate(result.object, policy).length === 0;
  return result.causes.length > 0 && result.causes.every(c => typeof c.field === "string" && c.field.length > 0 && c.message.length > 0);
}

test("mutated valid specs: never throws; admitted-and-valid or denied with field paths", t => {
  fc.assert(fc.property(mutatedSpec, checkOutcome), { numRuns: 400 });
  t.pass();
});

test("random objects: never throws; admitted-and-valid or denied with field paths", t => {
  fc.assert(fc.property(anyObject, checkOutcome), { numRuns: 400 });
  t.pass();
});

test("the unmutated bases are admitted (the property above is not vacuous)", t => {
  for (const base of bases) t.true(admit({ object: base, operation: "CREATE" }, policy).allowed);
});
