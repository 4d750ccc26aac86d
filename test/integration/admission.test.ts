/**
 * Admission through the real API server and the Pepr module's live webhooks: valid manifests are
 * admitted with their defaults visible (server-side dry run), invalid ones are denied with the
 * validator's field paths.
 */
import test from "ava";
import { parse, stringify } from "yaml";
import { deleteNamespace, fixture, freshNamespace, kubectl, kubectlOk, requireCluster } from "./kube";
import { addedPaths } from "./paths";

let ns = "";

test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-admission");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

interface WebhookConfig {
  webhooks?: { clientConfig: { url?: string }; failurePolicy?: string }[];
}

for (const kind of ["mutatingwebhookconfiguration", "validatingwebhookconfiguration"]) {
  test(`the module's ${kind} is live and fails closed`, async t => {
    const cfg = JSON.parse(await kubectlOk(["get", kind, "pepr-kubevirt-ts", "-o", "json"])) as WebhookConfig;
    t.true((cfg.webhooks ?? []).length > 0);
    for (const hook of cfg.webhooks ?? []) {
      t.regex(hook.clientConfig.url ?? "", /^https:\/\/kubevirt-ts-pepr:3000\//);
      t.is(hook.failurePolicy, "Fail");
    }
  });
}

for (const file of ["seed-example-vm.yaml", "vm-valid.yaml", "vmi-valid.yaml", "vmirs-valid.yaml"]) {
  test(`${file} is admitted with its defaults (server-side dry run)`, async t => {
    const manifest = fixture(file);
    const r = await kubectl(["create", "--dry-run=server", "-o", "json", "-n", ns, "-f", "-"], manifest);
    t.is(r.code, 0, r.stderr);
    const sent = parse(manifest) as { spec: unknown };
    const admitted = JSON.parse(r.stdout) as { spec: unknown };
    const added = addedPaths(sent.spec, admitted.spec, "spec");
    t.log(`defaults added: ${added.join(", ")}`);
    t.true(added.length > 0, "admission added no defaults to the spec");
  });
}

test("a VMI whose disk names no volume is denied at spec.domain.devices.disks[1].name", async t => {
  const r = await kubectl(["create", "--dry-run=server", "-n", ns, "-f", "-"], fixture("vmi-invalid-disk.yaml"));
  t.not(r.code, 0);
  t.regex(r.stderr, /denied/i);
  t.regex(r.stderr, /spec\.domain\.devices\.disks\[1\]\.name/);
});

test("a VM whose template has that fault is denied at spec.template.spec.domain.devices.disks[1].name", async t => {
  const vm = parse(fixture("vm-valid.yaml")) as {
    spec: { template: { spec: { domain: { devices: { disks: unknown[] } } } } };
  };
  vm.spec.template.spec.domain.devices.disks.push({ name: "nosuchvolume", disk: { bus: "virtio" } });
  const r = await kubectl(["create", "--dry-run=server", "-n", ns, "-f", "-"], stringify(vm));
  t.not(r.code, 0);
  t.regex(r.stderr, /denied/i);
  t.regex(r.stderr, /spec\.template\.spec\.domain\.devices\.disks\[1\]\.name/);
});
