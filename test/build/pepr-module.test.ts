import test from "ava";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseAllDocuments } from "yaml";

/*
 * `pepr build` bundles the module with esbuild, which emits no design-time type metadata: this
 * checks the bundled module, not the TypeScript sources, still declares every binding.
 */

const root = join(__dirname, "../..");
const kinds = ["virtualmachines", "virtualmachineinstances", "virtualmachineinstancereplicasets"];

// Inside the project: the bundle leaves pepr's own packages external, resolved from node_modules.
mkdirSync(join(root, ".local"), { recursive: true });
const out = mkdtempSync(join(root, ".local", "pepr-build-test-"));
test.after.always(() => rmSync(out, { recursive: true, force: true }));

const built = (async () => {
  await promisify(execFile)("npx", ["pepr", "build", "-o", out], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const text = readFileSync(join(out, "pepr-module-kubevirt-ts.yaml"), "utf8");
  return parseAllDocuments(text).map(d => d.toJS());
})();

for (const kind of ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]) {
  test(`the built module's ${kind} covers create and update of VMs, VMIs and VMIRSs, failing closed`, async t => {
    const config = (await built).find(o => o?.kind === kind);
    t.truthy(config, `${kind} emitted`);
    const [webhook] = config.webhooks;
    t.is(webhook.failurePolicy, "Fail");
    t.is(webhook.matchPolicy, "Equivalent");
    for (const resource of kinds) {
      const rule = webhook.rules.find((r: any) => r.resources.includes(resource));
      t.truthy(rule, resource);
      t.deepEqual(rule.apiGroups, ["kubevirt.io"]);
      t.deepEqual(rule.apiVersions, ["v1"]);
      t.deepEqual([...rule.operations].sort(), ["CREATE", "UPDATE"]);
    }
  });
}
