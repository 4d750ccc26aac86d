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
//   admission Deployment at one replica (it only answers the tests then).
import { readFileSync } from "node:fs";
import { parseAllDocuments, stringify } from "yaml";

const withoutWebhooks = process.argv.includes("--without-webhooks");
const docs = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJSON()).filter(Boolean);
const out = [];
for (const doc of docs) {
  if (withoutWebhooks && /^(Mutating|Validating)WebhookConfiguration$/.test(doc.kind)) continue;
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
