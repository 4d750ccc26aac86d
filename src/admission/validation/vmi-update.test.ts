import test from "ava";
import { newCirrosVmi } from "../../../test/fixtures/vmi-builder";
import { isPlatformUser, vmiSpecUnchanged } from "./vmi-update";

const vmi = newCirrosVmi();
const withMemory = (memory: string) => {
  const copy = structuredClone(vmi);
  copy.spec.domain.resources = { requests: { memory } };
  return copy;
};

test("metadata and status changes pass; key order does not count as a change", t => {
  const relabelled = { ...structuredClone(vmi), metadata: { ...vmi.metadata, labels: { app: "x" } }, status: { phase: "Running" } };
  t.deepEqual(vmiSpecUnchanged(vmi, relabelled, "kubernetes-admin"), []);
  const reordered = { ...vmi, spec: Object.fromEntries(Object.entries(vmi.spec).reverse()) };
  t.deepEqual(vmiSpecUnchanged(vmi, reordered, "kubernetes-admin"), []);
});

test("a spec change by a user is refused, naming the changed field", t => {
  const causes = vmiSpecUnchanged(vmi, withMemory("1Gi"), "kubernetes-admin");
  t.is(causes.length, 1);
  t.is(causes[0]!.field, "spec.domain");
  t.regex(causes[0]!.message, /spec cannot change after creation \(changed: spec\.domain\)/);
});

test("the platform's own service accounts may write the spec", t => {
  t.deepEqual(vmiSpecUnchanged(vmi, withMemory("1Gi"), "system:serviceaccount:pepr-system:pepr-kubevirt-ts"), []);
  t.true(isPlatformUser("system:serviceaccount:kubevirt:virt-handler"));
  t.false(isPlatformUser("system:serviceaccount:default:default"));
  t.false(isPlatformUser(undefined));
});
