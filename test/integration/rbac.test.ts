/**
 * Least privilege, asked of the real API server: the platform's ServiceAccounts (the Pepr module,
 * the node agent, virt-api) and the roles the platform installs for users hold no wildcard, and each
 * account may do what its component calls and nothing beyond it (`kubectl auth can-i --as`).
 * Read-only: nothing here creates, changes or deletes anything.
 */
import test from "ava";
import { kubectl, kubectlOk, requireCluster } from "./kube";
import { waitFor } from "./wait";

const MODULE = "system:serviceaccount:pepr-system:pepr-kubevirt-ts";
const HANDLER = "system:serviceaccount:kubevirt:kubevirt-handler";
const API = "system:serviceaccount:kubevirt:kubevirt-apiserver";
const ACCOUNTS = [MODULE, HANDLER, API];
const USER_ROLES = ["kubevirt.io:view", "kubevirt.io:edit", "kubevirt.io:admin"];

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs: string[];
}
interface Binding {
  metadata: { name: string; namespace?: string };
  roleRef: { kind: string; name: string };
  subjects?: Array<{ kind: string; name: string; namespace?: string }>;
}

test.before(async () => {
  await requireCluster();
  // The controller installs the node agent's and virt-api's RBAC at start-up.
  for (const role of ["kubevirt-handler", "kubevirt-apiserver", ...USER_ROLES]) {
    await waitFor(["get", "clusterrole", role], (r) => r !== undefined, `ClusterRole ${role} (installed by the controller)`, 300_000);
  }
});

const accountOf = (s: { kind: string; name: string; namespace?: string }): string => `system:serviceaccount:${s.namespace}:${s.name}`;

/** The roles bound to the platform's accounts, as "ClusterRole/x" or "Role/ns/x", with their rules. */
async function platformRoles(): Promise<Map<string, Rule[]>> {
  const crbs = JSON.parse(await kubectlOk(["get", "clusterrolebindings", "-o", "json"])) as { items: Binding[] };
  const rbs = JSON.parse(await kubectlOk(["get", "rolebindings", "-A", "-o", "json"])) as { items: Binding[] };
  const roles = new Map<string, Rule[]>();
  for (const b of [...crbs.items, ...rbs.items]) {
    if (!(b.subjects ?? []).some((s) => s.kind === "ServiceAccount" && ACCOUNTS.includes(accountOf(s)))) continue;
    const ns = b.metadata.namespace;
    const key = b.roleRef.kind === "ClusterRole" ? `ClusterRole/${b.roleRef.name}` : `Role/${ns}/${b.roleRef.name}`;
    const args = b.roleRef.kind === "ClusterRole" ? ["get", "clusterrole", b.roleRef.name, "-o", "json"] : ["get", "role", b.roleRef.name, "-n", ns!, "-o", "json"];
    roles.set(key, (JSON.parse(await kubectlOk(args)) as { rules?: Rule[] }).rules ?? []);
  }
  for (const name of USER_ROLES) roles.set(`ClusterRole/${name}`, (JSON.parse(await kubectlOk(["get", "clusterrole", name, "-o", "json"])) as { rules?: Rule[] }).rules ?? []);
  return roles;
}

const hasWildcard = (r: Rule): boolean => [...(r.apiGroups ?? []), ...(r.resources ?? []), ...r.verbs].some((v) => v.includes("*"));

test("no role or cluster role of the platform's accounts, nor those it installs for users, has a wildcard", async (t) => {
  const roles = await platformRoles();
  for (const expected of ["ClusterRole/pepr-kubevirt-ts", "ClusterRole/kubevirt-handler", "ClusterRole/kubevirt-apiserver"]) t.true(roles.has(expected), `${expected} bound`);
  for (const [name, rules] of roles) t.deepEqual(rules.filter(hasWildcard), [], name);
});

/** `kubectl auth can-i --list` rows: resource rows only (the non-resource rows are Kubernetes' discovery defaults). */
function parseCanIList(out: string): Array<{ resource: string; names: string; verbs: string }> {
  const rows: Array<{ resource: string; names: string; verbs: string }> = [];
  for (const line of out.split("\n").slice(1)) {
    // Columns: Resources, Non-Resource URLs, Resource Names, Verbs ("[]" when empty).
    const m = /^(\S+)\s+(\[[^\]]*\])\s+(\[[^\]]*\])\s+(\[[^\]]*\])\s*$/.exec(line.trim());
    if (m) rows.push({ resource: m[1]!, names: m[3]!, verbs: m[4]! });
  }
  return rows;
}

for (const account of ACCOUNTS) {
  for (const ns of ["default", "kubevirt"]) {
    test(`auth can-i --list for ${account.split(":").pop()} in ${ns}: no wildcard resource or verb`, async (t) => {
      const rows = parseCanIList(await kubectlOk(["auth", "can-i", "--list", "-n", ns, "--as", account]));
      t.true(rows.length > 0);
      t.deepEqual(rows.filter((r) => r.resource.startsWith("*") || /\*/.test(r.verbs)), []);
      // Secrets: only the module, only its own two by name for reading (creating one cannot be limited by name).
      const secrets = rows.filter((r) => r.resource === "secrets");
      if (account === MODULE) {
        // kubectl prints one row per name, or one row with both names, depending on its version.
        const byVerbs = (verbs: string): string[] => secrets.filter((r) => r.verbs === verbs).flatMap((r) => r.names.slice(1, -1).split(" ").filter(Boolean)).sort();
        t.deepEqual(byVerbs("[get]"), ["virt-api-certs", "virt-handler-link-certs"]);
        t.deepEqual(byVerbs("[create]"), []);
        t.deepEqual([...new Set(secrets.map((r) => r.verbs))].sort(), ["[create]", "[get]"]);
      } else {
        t.deepEqual(secrets, [], "no Secret access at all");
      }
    });
  }
}

/** [verb, resource (with group, optionally /name), namespace or "" for cluster scope, subresource?] */
type Ask = [verb: string, resource: string, namespace: string, subresource?: string];

async function canI(account: string, [verb, resource, ns, sub]: Ask): Promise<boolean> {
  const r = await kubectl(["auth", "can-i", verb, resource, ...(ns ? ["-n", ns] : ["--all-namespaces"]), ...(sub ? ["--subresource", sub] : []), "--as", account]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`kubectl auth can-i ${verb} ${resource}: ${r.stderr}`);
  return r.code === 0 && r.stdout.trim() === "yes";
}

async function checkAccount(t: { deepEqual: (a: unknown, b: unknown, m?: string) => void }, account: string, may: Ask[], mayNot: Ask[]): Promise<void> {
  const wrong: string[] = [];
  for (const ask of may) if (!(await canI(account, ask))) wrong.push(`cannot ${ask.join(" ")}`);
  for (const ask of mayNot) if (await canI(account, ask)) wrong.push(`can ${ask.join(" ")}`);
  t.deepEqual(wrong, [], account);
}

const VM = "virtualmachines.kubevirt.io";
const VMI = "virtualmachineinstances.kubevirt.io";

test("virt-api: reads and patches VMs and VMIs, deletes launcher pods, asks SubjectAccessReviews; no more", async (t) => {
  await checkAccount(
    t,
    API,
    [["get", VM, "default"], ["patch", VM, "default"], ["patch", VM, "default", "status"], ["get", VMI, "default"], ["patch", VMI, "default"], ["list", "pods", "default"], ["delete", "pods", "default"], ["list", "pods", "kubevirt"], ["create", "subjectaccessreviews.authorization.k8s.io", ""]],
    [["create", VM, "default"], ["delete", VM, "default"], ["delete", VMI, "default"], ["update", VMI, "default", "status"], ["list", VM, ""], ["watch", VMI, ""], ["create", "pods", "default"], ["get", "secrets", "kubevirt"], ["list", "secrets", ""], ["list", "configmaps", "default"], ["get", "nodes", ""], ["create", "clusterrolebindings.rbac.authorization.k8s.io", ""]],
  );
});

test("virt-handler: reads VMIs and pods, patches VMI status, records Events; no more", async (t) => {
  await checkAccount(
    t,
    HANDLER,
    [["get", VMI, "default"], ["list", VMI, ""], ["watch", VMI, ""], ["list", "pods", ""], ["watch", "pods", ""], ["patch", VMI, "default", "status"], ["create", "events", "default"]],
    [["patch", VMI, "default"], ["update", VMI, "default"], ["delete", VMI, "default"], ["create", VMI, "default"], ["get", VM, "default"], ["delete", "pods", "default"], ["create", "pods", "default"], ["get", "secrets", "kubevirt"], ["list", "secrets", ""], ["patch", "events", "default"], ["get", "nodes", ""]],
  );
});

test("the module: what virt-controller and admission call; no arbitrary Secrets, no other RBAC", async (t) => {
  await checkAccount(
    t,
    MODULE,
    [
      ...["list", "watch"].flatMap((v): Ask[] => [[v, VM, ""], [v, VMI, ""], [v, "virtualmachineinstancereplicasets.kubevirt.io", ""], [v, "virtualmachinepools.pool.kubevirt.io", ""], [v, "pods", ""]]),
      ["create", VMI, "default"], ["delete", VMI, "default"], ["patch", VMI, "default"], ["update", VMI, "default", "status"], ["update", VM, "default", "status"],
      ["create", "pods", "default"], ["delete", "pods", "default"], ["create", "events", "default"],
      ["get", "controllerrevisions.apps", "default"], ["create", "controllerrevisions.apps", "default"],
      ["get", "virtualmachineinstancetypes.instancetype.kubevirt.io", "default"], ["get", "virtualmachineclusterinstancetypes.instancetype.kubevirt.io", ""], ["get", "virtualmachineclusterpreferences.instancetype.kubevirt.io", ""],
      ["create", "leases.coordination.k8s.io", "kubevirt"], ["update", "leases.coordination.k8s.io/virt-controller", "kubevirt"],
      ["get", "configmaps/kubevirt-config", "kubevirt"], ["get", "secrets/virt-api-certs", "kubevirt"], ["create", "secrets", "kubevirt"],
      ["patch", "daemonsets.apps/virt-handler", "kubevirt"], ["patch", "clusterroles.rbac.authorization.k8s.io/kubevirt.io:edit", ""], ["patch", "apiservices.apiregistration.k8s.io/v1.subresources.kubevirt.io", ""],
    ],
    [
      ["get", "secrets", "default"], ["get", "secrets/other", "kubevirt"], ["list", "secrets", ""], ["watch", "secrets", "kubevirt"], ["update", "secrets/virt-api-certs", "kubevirt"],
      ["get", "configmaps/other", "kubevirt"], ["list", "configmaps", "default"],
      ["update", "leases.coordination.k8s.io/other", "kubevirt"], ["delete", "leases.coordination.k8s.io/virt-controller", "kubevirt"],
      ["patch", "clusterroles.rbac.authorization.k8s.io/cluster-admin", ""], ["escalate", "clusterroles.rbac.authorization.k8s.io", ""], ["bind", "clusterroles.rbac.authorization.k8s.io", ""],
      ["create", "clusterrolebindings.rbac.authorization.k8s.io/other", ""], ["patch", "deployments.apps/other", "kubevirt"], ["patch", "daemonsets.apps/other", "kube-system"],
      ["delete", "namespaces", ""], ["patch", "namespaces/default", ""], ["create", "customresourcedefinitions.apiextensions.k8s.io", ""], ["get", "nodes", ""], ["update", "pods", "default"], ["create", "pods", "default", "exec"],
    ],
  );
});

test("the module's watcher and admission pods log no RBAC refusal", async (t) => {
  for (const deployment of ["pepr-kubevirt-ts-watcher", "pepr-kubevirt-ts"]) {
    const logs = await kubectlOk(["logs", "-n", "pepr-system", `deployment/${deployment}`, "--all-containers", "--tail=-1"]);
    // RBAC's refusal reads `User "system:serviceaccount:…" cannot <verb> resource "<r>" …`.
    t.deepEqual(logs.split("\n").filter((l) => /cannot \w+ resource/.test(l)).slice(0, 5), [], deployment);
  }
});
