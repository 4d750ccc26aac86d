/**
 * The fail-safe admission policy (hack/cluster/fail-safe-admission.yaml, kept by `npm start`): the
 * API server's own CEL refuses a VM without spec.template and any kubevirt.io object in the
 * namespaces Pepr exempts.
 *
 * How it is tested without touching the module's webhooks (tests must never delete, replace or
 * disable what `npm start` runs): the requests go to kube-system, which the module's webhooks skip
 * (their namespaceSelector excludes it; asserted first). So the webhook never sees them and any
 * refusal comes from the policy alone: what happens to every namespace when the webhooks are gone.
 * All requests are server-side dry runs (admission runs in full; nothing is stored).
 */
import test from "ava";
import { parse, stringify } from "yaml";
import { fixture, kubectl, kubectlOk, requireCluster } from "./kube";

test.before(async () => {
  await requireCluster();
});

const POLICY = "kubevirt-ts-fail-safe";

interface Policy {
  spec: { failurePolicy?: string; validations: { expression: string }[]; matchConstraints: { resourceRules: { apiGroups: string[]; operations: string[] }[] } };
}

test("the policy and its cluster-wide Deny binding are in place", async (t) => {
  const policy = JSON.parse(await kubectlOk(["get", "validatingadmissionpolicy", POLICY, "-o", "json"])) as Policy;
  t.is(policy.spec.failurePolicy, "Fail");
  t.deepEqual(policy.spec.matchConstraints.resourceRules[0]?.apiGroups, ["kubevirt.io"]);
  t.deepEqual(policy.spec.matchConstraints.resourceRules[0]?.operations, ["CREATE", "UPDATE"], "deletes are never refused");
  t.true(policy.spec.validations.some((v) => v.expression.includes("has(object.spec.template)")));
  const binding = JSON.parse(await kubectlOk(["get", "validatingadmissionpolicybinding", POLICY, "-o", "json"])) as { spec: { policyName: string; validationActions: string[]; matchResources?: unknown } };
  t.is(binding.spec.policyName, POLICY);
  t.deepEqual(binding.spec.validationActions, ["Deny"]);
  t.is(binding.spec.matchResources, undefined, "every namespace");
});

test("the module's webhooks skip kube-system, so requests there reach only the policy", async (t) => {
  for (const kind of ["mutatingwebhookconfiguration", "validatingwebhookconfiguration"]) {
    const cfg = JSON.parse(await kubectlOk(["get", kind, "pepr-kubevirt-ts", "-o", "json"])) as { webhooks: { namespaceSelector?: { matchExpressions?: { key: string; operator: string; values: string[] }[] } }[] };
    for (const hook of cfg.webhooks) {
      const excluded = (hook.namespaceSelector?.matchExpressions ?? []).some((e) => e.key === "kubernetes.io/metadata.name" && e.operator === "NotIn" && e.values.includes("kube-system"));
      t.true(excluded, `${kind}: ${JSON.stringify(hook.namespaceSelector)}`);
    }
  }
});

/** A server-side dry-run create; the API server's answer. */
async function dryRun(object: unknown, namespace: string): Promise<{ code: number; stderr: string; stdout: string }> {
  return kubectl(["create", "--dry-run=server", "-o", "json", "-n", namespace, "-f", "-"], stringify(object));
}

test("the seed's v1alpha1 VM, unseen by the webhook, is refused by the API server rather than stored emptied: the module's admission is missing", async (t) => {
  const seed = parse(fixture("seed-example-vm.yaml")) as Record<string, unknown>;
  const r = await dryRun({ ...seed, metadata: { name: "seed-unconverted" } }, "kube-system");
  t.not(r.code, 0, r.stdout);
  t.regex(r.stderr, new RegExp(`ValidatingAdmissionPolicy '${POLICY}'`));
  t.regex(r.stderr, /no spec\.template after admission: the module's admission webhook .* is missing or did not run/);
});

test("a v1 VM with an empty spec, unseen by the webhook, is refused too (the v1 CRD schema requires spec.template)", async (t) => {
  const r = await dryRun({ apiVersion: "kubevirt.io/v1", kind: "VirtualMachine", metadata: { name: "no-template" }, spec: {} }, "kube-system");
  t.not(r.code, 0, r.stdout);
  t.regex(r.stderr, /spec\.template/);
});

test("a complete VM in an exempt namespace is refused: nothing there would be checked", async (t) => {
  const vm = parse(fixture("vm-valid.yaml")) as Record<string, unknown>;
  const r = await dryRun({ ...vm, metadata: { name: "in-kube-system" } }, "kube-system");
  t.not(r.code, 0, r.stdout);
  t.regex(r.stderr, /kubevirt\.io objects are not allowed in namespace kube-system: the module's admission webhooks skip it/);
});

test("with the webhooks answering, the seed's v1alpha1 VM still passes the policy in an ordinary namespace", async (t) => {
  const r = await dryRun(parse(fixture("seed-example-vm.yaml")), "default");
  t.is(r.code, 0, r.stderr);
  t.truthy((JSON.parse(r.stdout) as { spec: { template?: unknown } }).spec.template);
});
