/**
 * The Pepr module in the cluster the way users run it: `npm start` builds it (`pepr build` with the
 * locally built controller image) and applies its Deployments and Service (hack/node/pepr-deploy.sh).
 * Its watcher is virt-controller. The webhook configurations stay those of `npm start`'s `pepr dev`,
 * so the in-cluster admission gets a real AdmissionReview through a port-forward to its Service.
 * Nothing here deletes or replaces what `npm start` runs.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { fixture, kubectlOk, requireCluster } from "./kube";
import { image, portForward, postJsonInsecure } from "./node-pods";
import { waitFor } from "./wait";

const root = join(__dirname, "../..");
const deployScript = join(root, "hack/node/pepr-deploy.sh");

function run(script: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("bash", [script, ...args], { timeout: timeoutMs }, (error, stdout, stderr) =>
      error ? reject(new Error(`${script} ${args.join(" ")} failed: ${stderr || stdout}`, { cause: error })) : resolve(),
    );
  });
}

interface Doc {
  kind?: string;
  webhooks?: { clientConfig: { service?: { path?: string } } }[];
}

test.before(async () => {
  await requireCluster();
});

test("virt-controller is the module's watcher pod, holding the virt-controller Lease", async t => {
  const lease = await waitFor<{ spec?: { holderIdentity?: string } }>(
    ["get", "lease", "virt-controller", "-n", "kubevirt"],
    (l) => (l?.spec?.holderIdentity ?? "").startsWith("pepr-kubevirt-ts-watcher-"),
    "the virt-controller Lease held by the watcher pod",
    120_000,
  );
  const pods = await kubectlOk(["get", "pods", "-n", "pepr-system", "-l", "pepr.dev/controller=watcher", "-o", "jsonpath={.items[*].metadata.name}"]);
  const holder = lease?.spec?.holderIdentity ?? "";
  t.true(pods.split(" ").some((p) => p !== "" && holder.startsWith(`${p}-`)), `holder ${holder}, watcher pods ${pods}`);
});

test("the module's Deployment runs the locally built Pepr controller image", async t => {
  const images = await kubectlOk(["get", "pods", "-n", "pepr-system", "-o", "jsonpath={.items[*].status.containerStatuses[*].image}"]);
  t.true(images.split(" ").includes(image("pepr-controller")), images);
  const ready = await kubectlOk(["get", "deployment", "pepr-kubevirt-ts", "-n", "pepr-system", "-o", "jsonpath={.status.readyReplicas}"]);
  t.true(Number(ready) >= 1);
});

test("the in-cluster module answers an AdmissionReview with KubeVirt's defaults", async t => {
  const manifest = readFileSync(join(root, ".local/pepr-build/pepr-module-kubevirt-ts.yaml"), "utf8");
  const docs = parseAllDocuments(manifest).map(d => d.toJSON() as Doc);
  const path = docs.find(d => d.kind === "MutatingWebhookConfiguration")?.webhooks?.[0]?.clientConfig.service?.path;
  t.truthy(path, "no mutate path in the built manifest");
  const vmi = JSON.parse(JSON.stringify(parseAllDocuments(fixture("vmi-valid.yaml"))[0].toJSON())) as { metadata: { namespace?: string } };
  vmi.metadata.namespace = "default";
  const review = {
    apiVersion: "admission.k8s.io/v1",
    kind: "AdmissionReview",
    request: {
      uid: "node-pepr-test",
      kind: { group: "kubevirt.io", version: "v1", kind: "VirtualMachineInstance" },
      resource: { group: "kubevirt.io", version: "v1", resource: "virtualmachineinstances" },
      operation: "CREATE",
      namespace: "default",
      name: "vmi-valid",
      object: vmi,
      userInfo: { username: "node-pepr-test" },
    },
  };
  const pf = await portForward("pepr-system", "svc/pepr-kubevirt-ts", 443);
  let answer = "";
  try {
    answer = await postJsonInsecure(`https://127.0.0.1:${pf.port}${path}`, review);
  } finally {
    pf.stop();
  }
  const response = (JSON.parse(answer) as { response: { uid: string; allowed: boolean; patch?: string } }).response;
  t.is(response.uid, "node-pepr-test");
  t.true(response.allowed);
  const patch = JSON.parse(Buffer.from(response.patch ?? "W10=", "base64").toString()) as unknown[];
  t.true(patch.length > 0, "the module added no defaults");
});

test("the deploy script is bounded and reports readiness (idempotent second run)", async t => {
  await run(deployScript, ["--without-webhooks"], 120_000);
  t.pass();
});
