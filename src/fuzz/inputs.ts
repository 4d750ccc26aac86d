import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/*
 * Inputs for fuzzing: random objects, valid specs mutated at random places (values replaced,
 * removed, list items duplicated), and the launcher's path inputs (names and image paths,
 * including the hostile ones). Shared by the short property tests and `npm run fuzz`.
 */

const seed = parse(readFileSync(join(__dirname, "../../test/fixtures/seed/example-vm.yaml"), "utf8")) as unknown;
const vmi = {
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name: "fuzz", namespace: "default" },
  spec: {
    domain: {
      resources: { requests: { memory: "64Mi", cpu: "500m" }, limits: { memory: "128Mi" } },
      cpu: { cores: 2 },
      devices: {
        disks: [{ name: "root", disk: { bus: "virtio" }, bootOrder: 1 }, { name: "ci", cdrom: {} }, { name: "data", disk: {} }, { name: "creds", disk: {} }],
        interfaces: [{ name: "default", masquerade: {}, ports: [{ port: 22 }] }],
      },
    },
    networks: [{ name: "default", pod: {} }],
    volumes: [
      { name: "root", containerDisk: { image: "example/disk:v1", path: "/disk/disk.img" } },
      { name: "ci", cloudInitNoCloud: { userData: "#cloud-config\nhostname: x\n", networkDataSecretRef: { name: "net" } } },
      { name: "data", persistentVolumeClaim: { claimName: "data-claim" } },
      { name: "creds", secret: { secretName: "creds" } },
    ],
  },
};
export const BASES: readonly unknown[] = [seed, vmi];

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
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
  const key = path[path.length - 1]!;
  if (op === "set") parent[key] = value;
  else if (op === "delete") Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
  else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
  return copy;
}

/** Hostile strings for names and paths: climbing, absolute, NUL, very long, odd unicode. */
export const hostileString = fc.oneof(
  fc.constantFrom("..", "../../etc", "/etc/shadow", "/var/../etc/shadow", "a/b", "a\0b", ".", "", "//", "x".repeat(300), "Ω/..", "..\\..\\x", "%2e%2e/"),
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom("..", ".", "a", "", "/", "disk", "\0"), { maxLength: 8 }).map(parts => parts.join("/")),
);

const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString);

export const mutatedSpec = fc
  .record({
    base: fc.constantFrom(...BASES),
    picks: fc.array(fc.record({ index: fc.nat(), op: fc.constantFrom<Op>("set", "delete", "duplicate"), value }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ base, picks }) =>
    picks.reduce<unknown>((object, pick) => {
      const all = paths(object);
      return mutateAt(object, all[pick.index % all.length]!, pick.op, pick.value);
    }, base),
  );

export const anyObject = fc.oneof(
  fc.anything(),
  fc.record({ apiVersion: fc.constant("kubevirt.io/v1"), kind: fc.constantFrom("VirtualMachine", "VirtualMachineInstance", "VirtualMachineInstanceReplicaSet"), spec: fc.jsonValue({ maxDepth: 4 }) }),
);

export const anyInput = fc.oneof({ arbitrary: mutatedSpec, weight: 3 }, { arbitrary: anyObject, weight: 1 });
