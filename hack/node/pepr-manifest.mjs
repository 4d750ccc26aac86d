// Adapts `pepr build`'s manifest for this cluster, on stdin → stdout (YAML documents):
// - probes that tolerate a busy node: under load the module takes minutes to load and its /healthz
//   more than Pepr's 1 s timeout to answer, and the kubelet killed it in a loop (seen at load 30-65).
//   A startupProbe (up to 10 min) holds the liveness probe off; liveness and readiness wait 10 s per
//   call, and liveness restarts only after a minute of failures (KubeVirt's own probes allow 10 s);
// - no CPU limit (requests kept): throttled to Pepr's 500m, the controller slowed every VM start on a
//   busy 2-core node; KubeVirt sets no CPU limit on its control plane either;
// - the watcher (virt-controller) declares its metrics port, 8443 over TLS, named `metrics` as
//   KubeVirt's components name theirs (src/metrics/serve.ts);
// - `--without-webhooks`: the webhook configurations left out (`pepr dev` serves them) and the
//   admission Deployment at one replica (it only answers the tests then);
// - the module's ClusterRole exactly as package.json's `pepr.rbac` lists it. Pepr 1.1.4's scoped mode
//   merges rules of the same resource and drops their resourceNames' meaning (a named `get` of two
//   Secrets next to an unnamed `create` became `get` of every Secret). The module applies its store's
//   CRD at every start (it crash-loops when refused), so the list grants create/patch of that one
//   CRD by name, not of every CRD as Pepr's rule does.
//   Everything else Pepr derived from the bindings (a watched kind) must be in the list: a kind
//   watched without list and watch fails here, not as "forbidden" in the watcher's log.
//   Three creates cannot be limited by name: Secrets (the two certificate Secrets), Leases
//   (virt-controller's) and Pods (launchers) are created by POST, which RBAC authorizes without a
//   name; what the controller installs goes by server-side apply, authorized as create/patch of
//   the named object, so those rules name their objects.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, stringify } from "yaml";

const withoutWebhooks = process.argv.includes("--without-webhooks");
const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../package.json"), "utf8"));
const docs = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJSON()).filter(Boolean);

/** Pepr-only grants the module does without (none so far; see above). */
const DROPPED = new Set([]);

function scopedRules(generated) {
  const listed = pkg.pepr.rbac;
  if (pkg.pepr.rbacMode !== "scoped" || !Array.isArray(listed)) throw new Error("package.json: pepr.rbacMode must be \"scoped\" with a pepr.rbac list");
  const wild = listed.filter((r) => [...r.apiGroups, ...r.resources, ...r.verbs].some((v) => v.includes("*")));
  if (wild.length) throw new Error(`package.json pepr.rbac: no wildcards allowed: ${JSON.stringify(wild)}`);
  const grants = (g, res, verb) => listed.some((r) => r.apiGroups.includes(g) && r.resources.includes(res) && r.verbs.includes(verb));
  const missing = [];
  for (const rule of generated) {
    for (const g of rule.apiGroups) for (const res of rule.resources) {
      if (DROPPED.has(`${g}/${res}`)) continue;
      // A watch starts with a LIST: a watched kind needs both.
      const verbs = rule.verbs.includes("watch") ? [...new Set([...rule.verbs, "list"])] : rule.verbs;
      for (const v of verbs) if (!grants(g, res, v)) missing.push(`${v} ${g || "core"}/${res}`);
    }
  }
  if (missing.length) throw new Error(`package.json pepr.rbac lacks what the module's bindings need: ${missing.join(", ")}`);
  return listed;
}

const out = [];
for (const doc of docs) {
  if (withoutWebhooks && /^(Mutating|Validating)WebhookConfiguration$/.test(doc.kind)) continue;
  if (doc.kind === "ClusterRole" && doc.metadata.name === `pepr-${pkg.pepr.uuid}`) doc.rules = scopedRules(doc.rules);
  if (doc.kind === "Deployment") {
    if (withoutWebhooks && doc.metadata.name === "pepr-kubevirt-ts") doc.spec.replicas = 1;
    for (const c of doc.spec.template.spec.containers ?? []) {
      if (c.livenessProbe) {
        c.startupProbe = { ...c.livenessProbe, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 10, failureThreshold: 120 };
        c.livenessProbe = { ...c.livenessProbe, periodSeconds: 10, timeoutSeconds: 10, failureThreshold: 6 };
      }
      if (c.readinessProbe) c.readinessProbe = { ...c.readinessProbe, timeoutSeconds: 10 };
      if (c.resources?.limits) delete c.resources.limits.cpu;
      if (doc.metadata.name.endsWith("-watcher") && !(c.ports ?? []).some((p) => p.containerPort === 8443)) {
        c.ports = [...(c.ports ?? []), { name: "metrics", containerPort: 8443, protocol: "TCP" }];
      }
    }
  }
  out.push(stringify(doc));
}
process.stdout.write(out.join("---\n"));
