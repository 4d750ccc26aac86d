/**
 * The example manifests under test/fixtures/manifests: KubeVirt-shaped valid ones must pass, and
 * each invalid one must be denied with the cause its `# expect: <field>: <message>` line names,
 * both by these rules alone on the raw manifest and by the whole admission chain (defaults first).
 */
import test from "ava";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { Cause, formatCauses, VirtualMachine, VirtualMachineInstance, VirtualMachineInstanceReplicaSet } from "../../api";
import { admit } from "../chain";
import { validateReplicaSet, validateVirtualMachine, validateVirtualMachineInstance, ValidationContext } from ".";

const ROOT = join(__dirname, "../../../test/fixtures/manifests");
const CTX: ValidationContext = { featureGates: new Set() };

function manifests(dir: "valid" | "invalid"): { file: string; text: string }[] {
  return readdirSync(join(ROOT, dir))
    .filter(f => f.endsWith(".yaml"))
    .map(file => ({ file, text: readFileSync(join(ROOT, dir, file), "utf8") }));
}

function rulesOnly(object: { kind?: unknown }): Cause[] {
  switch (object.kind) {
    case "VirtualMachine": return validateVirtualMachine(object as VirtualMachine, CTX);
    case "VirtualMachineInstanceReplicaSet": return validateReplicaSet(object as VirtualMachineInstanceReplicaSet, CTX);
    default: return validateVirtualMachineInstance(object as VirtualMachineInstance, CTX);
  }
}

function chain(object: unknown): Cause[] {
  const result = admit({ object, operation: "CREATE" });
  return result.allowed ? [] : result.causes;
}

/** `# expect: spec.volumes[0]: message` → field and message substring. */
export function expectation(text: string): { field: string; message: string } | undefined {
  const line = /^# expect: (.*)$/m.exec(text)?.[1];
  const split = line?.indexOf(": ") ?? -1;
  return line && split > 0 ? { field: line.slice(0, split), message: line.slice(split + 2) } : undefined;
}

for (const { file, text } of manifests("valid")) {
  test(`valid manifest ${file} is accepted`, t => {
    const object = parse(text) as { kind?: unknown };
    t.deepEqual(rulesOnly(object), [], formatCauses(rulesOnly(object)));
    t.deepEqual(chain(object), [], formatCauses(chain(object)));
  });
}

for (const { file, text } of manifests("invalid")) {
  test(`invalid manifest ${file} is denied as its expect line says`, t => {
    const expected = expectation(text);
    if (!expected) return t.fail(`${file} has no '# expect: <field>: <message>' line`);
    const object = parse(text) as { kind?: unknown };
    const matches = (causes: Cause[]): boolean => causes.some(c => c.field === expected.field && c.message.includes(expected.message));
    t.true(matches(rulesOnly(object)), `rules alone: ${formatCauses(rulesOnly(object))}`);
    t.true(matches(chain(object)), `admission chain: ${formatCauses(chain(object))}`);
  });
}
