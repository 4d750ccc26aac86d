import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { VirtControllerWatches } from "../../capabilities/virt-controller";
import { apiServerObjects } from "../api-server/install";
import { readCapability } from "../framework";
import { handlerObjects } from "../handler/install";
import { commonPreferences } from "../instancetype/common/preferences";
import { u1Instancetypes } from "../instancetype/common/u1";
import type { KubeObject } from "../kube/objects";
import { allows, notHeld, wildcards, type PolicyRule } from "../kube/rbac-rules";
import { installableResource, platformNamespace } from "./install";

// The module's ClusterRole as package.json lists it (hack/node/pepr-manifest.mjs writes it verbatim).
const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { pepr: { rbacMode?: string; rbac: PolicyRule[] } };
const moduleRules = pkg.pepr.rbac;

const installed: KubeObject[] = [
  platformNamespace(),
  ...handlerObjects({ image: "img", kubeletRootDir: "/var/lib/kubelet", namespace: "kubevirt" }),
  ...apiServerObjects({ image: "img", namespace: "kubevirt", caBundle: "-----BEGIN CERTIFICATE-----" }),
  ...u1Instancetypes(),
  ...commonPreferences(),
];
const rulesOf = (o: KubeObject): PolicyRule[] => (o.rules as PolicyRule[] | undefined) ?? [];

// Kubernetes' bootstrap Role kube-system/extension-apiserver-authentication-reader, which virt-api's RoleBinding names.
const AUTHENTICATION_READER: PolicyRule[] = [{ apiGroups: [""], resources: ["configmaps"], resourceNames: ["extension-apiserver-authentication"], verbs: ["get", "list", "watch"] }];

test("the module runs with scoped RBAC and no wildcard", (t) => {
  t.is(pkg.pepr.rbacMode, "scoped");
  t.deepEqual(wildcards(moduleRules), []);
});

test("the roles the module installs hold no wildcard", (t) => {
  for (const o of installed.filter((x) => x.kind === "ClusterRole")) t.deepEqual(wildcards(rulesOf(o)), [], o.metadata.name);
});

test("the module holds everything the roles it installs grant (no escalate or bind needed)", (t) => {
  t.false(moduleRules.some((r) => r.verbs.includes("escalate") || r.verbs.includes("bind")));
  for (const o of installed.filter((x) => x.kind === "ClusterRole")) t.deepEqual(notHeld(moduleRules, rulesOf(o)), [], o.metadata.name);
  t.deepEqual(notHeld(moduleRules, AUTHENTICATION_READER), []);
});

test("the module may apply every object it installs, by its name", (t) => {
  for (const o of installed) {
    const ref = installableResource(o);
    if (!ref) return t.fail(`${o.kind} ${o.metadata.name}: not installable`);
    for (const verb of ["create", "patch"]) {
      t.true(allows(moduleRules, { group: ref.group, resource: ref.plural, verb, name: o.metadata.name }), `${verb} ${ref.plural} ${o.metadata.name}`);
    }
  }
  // ... and not others of those kinds (server-side apply authorizes create and patch by name).
  t.false(allows(moduleRules, { group: "rbac.authorization.k8s.io", resource: "clusterroles", verb: "patch", name: "cluster-admin" }));
  t.false(allows(moduleRules, { group: "apps", resource: "daemonsets", verb: "create", name: "other" }));
});

test("every kind the watcher watches can be listed and watched cluster-wide", (t) => {
  const watched = readCapability(VirtControllerWatches).bindings.filter((b) => b.action === "watch");
  t.true(watched.length > 0);
  for (const { kind } of watched) {
    for (const verb of ["list", "watch"]) t.true(allows(moduleRules, { group: kind.group, resource: kind.plural, verb }), `${verb} ${kind.plural}`);
  }
});

test("Secrets: only the module's own two are readable", (t) => {
  t.true(allows(moduleRules, { group: "", resource: "secrets", verb: "get", name: "virt-api-certs" }));
  t.false(allows(moduleRules, { group: "", resource: "secrets", verb: "get", name: "someone-elses" }));
  t.false(allows(moduleRules, { group: "", resource: "secrets", verb: "list" }));
});
