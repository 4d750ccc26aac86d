/**
 * `npm run bench:create`: a VM create as users feel it, through the API server, with and without
 * this module's webhooks. "Without" is the same VM sent to a mirror of the VirtualMachine CRD in a
 * group of its own (`bench.kubevirt-ts.io`, the same schema): the API server does the same decoding,
 * schema validation and storage, but calls no webhook (and no ValidatingAdmissionPolicy, which
 * matches kubevirt.io only). The module's webhooks are never touched. Requests alternate between
 * the two, so a change of load during the run hits both alike.
 * Printed: p50/p99 of server-side dry runs (`?dryRun=All`, nothing stored) and of real creates
 * (stored; the VMs are Halted, so nothing starts), straight over HTTPS with the kubeconfig's
 * credentials, then the same through `kubectl create` processes (what a user waits for).
 * Env: KUBECONFIG (set by `npm run`: the cluster's), BENCH_CREATE_COUNT (100 API requests per
 * phase and side), BENCH_KUBECTL_COUNT (15 kubectl runs per phase and side).
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse, stringify } from "yaml";
import { quantile } from "../density/stats";

const exec = promisify(execFile);
const root = join(__dirname, "../..");
const kubeconfig = process.env.KUBECONFIG ?? join(root, ".local/kubeconfig");
const apiCount = Number(process.env.BENCH_CREATE_COUNT ?? "100");
const kubectlCount = Number(process.env.BENCH_KUBECTL_COUNT ?? "15");
const kubectl = existsSync(join(root, ".local/bin/kubectl")) ? join(root, ".local/bin/kubectl") : "kubectl";
const MIRROR_GROUP = "bench.kubevirt-ts.io";

interface KubeconfigFile {
  clusters: Array<{ cluster: { server: string; "certificate-authority-data": string } }>;
  users: Array<{ user: { "client-certificate-data": string; "client-key-data": string } }>;
}
const kc = parse(readFileSync(kubeconfig, "utf8")) as KubeconfigFile;
const server = kc.clusters[0]!.cluster.server;
const b64 = (s: string): Buffer => Buffer.from(s, "base64");
const agent = new Agent({
  keepAlive: true,
  ca: b64(kc.clusters[0]!.cluster["certificate-authority-data"]),
  cert: b64(kc.users[0]!.user["client-certificate-data"]),
  key: b64(kc.users[0]!.user["client-key-data"]),
});

const ns = `bench-create-${randomBytes(3).toString("hex")}`;
const vm = parse(readFileSync(join(root, "test/integration/fixtures/vm-valid.yaml"), "utf8")) as Record<string, any>;

function call(method: string, path: string, body?: unknown): Promise<{ status: number; ms: number; text: string }> {
  const start = performance.now();
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(new URL(path, server), { method, agent, headers: data ? { "content-type": "application/json" } : {} }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => done({ status: res.statusCode ?? 0, ms: performance.now() - start, text }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
    req.on("error", fail);
    req.end(data);
  });
}

async function ok(method: string, path: string, body?: unknown): Promise<number> {
  const res = await call(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status}: ${res.text.slice(0, 300)}`);
  return res.ms;
}

/** The VirtualMachine CRD under another group and names: same schema, no webhook matches it. */
function mirrorCrd(): Record<string, any> {
  const crd = parse(readFileSync(join(root, "crds/virtualmachines.kubevirt.io.yaml"), "utf8")) as Record<string, any>;
  crd.metadata = { name: `virtualmachines.${MIRROR_GROUP}` };
  crd.spec.group = MIRROR_GROUP;
  delete crd.status;
  return crd;
}

const side = { with: "kubevirt.io", without: MIRROR_GROUP } as const;
type Side = keyof typeof side;
const vmPath = (s: Side): string => `/apis/${side[s]}/v1/namespaces/${ns}/virtualmachines`;
const vmNamed = (s: Side, name: string): unknown => ({ ...vm, apiVersion: `${side[s]}/v1`, metadata: { name } });

function line(label: string, samples: Record<Side, number[]>): void {
  const f = (xs: number[], q: number): string => quantile(xs, q).toFixed(1).padStart(8);
  const share = quantile(samples.with, 0.5) - quantile(samples.without, 0.5);
  console.log(`${label.padEnd(38)}${f(samples.with, 0.5)}${f(samples.with, 0.99)}${f(samples.without, 0.5)}${f(samples.without, 0.99)}${share.toFixed(1).padStart(10)}`);
}

async function apiPhase(label: string, dryRun: boolean): Promise<void> {
  const samples: Record<Side, number[]> = { with: [], without: [] };
  for (let i = 0; i < apiCount; i++) {
    for (const s of ["with", "without"] as const) {
      const name = `${dryRun ? "dry" : "vm"}-${i}`;
      samples[s].push(await ok("POST", `${vmPath(s)}${dryRun ? "?dryRun=All" : ""}`, vmNamed(s, name)));
    }
  }
  line(`${label} (${apiCount} each)`, samples);
}

async function kubectlPhase(label: string, dryRun: boolean): Promise<void> {
  const samples: Record<Side, number[]> = { with: [], without: [] };
  for (let i = 0; i < kubectlCount; i++) {
    for (const s of ["with", "without"] as const) {
      const args = ["--kubeconfig", kubeconfig, "create", "-n", ns, "-f", "-", ...(dryRun ? ["--dry-run=server"] : [])];
      const start = performance.now();
      const child = exec(kubectl, args);
      child.child.stdin!.end(stringify(vmNamed(s, `${dryRun ? "kdry" : "kvm"}-${i}`)));
      await child;
      samples[s].push(performance.now() - start);
    }
  }
  line(`${label} (${kubectlCount} each)`, samples);
}

async function waitEstablished(name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const crd = JSON.parse((await call("GET", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`)).text);
    if (crd.status?.conditions?.some((c: any) => c.type === "Established" && c.status === "True")) {
      // Established is written before every API server serves the group; a discovery read confirms it.
      if ((await call("GET", `/apis/${MIRROR_GROUP}/v1`)).status === 200) return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`CRD ${name} not established after 30 s`);
}

async function main(): Promise<void> {
  const crd = mirrorCrd();
  console.log(`bench: ${new Date().toISOString()}; ${(await exec("uptime")).stdout.trim().replace(/.*load/, "load")}`);
  console.log(`bench: namespace ${ns}; mirror CRD ${crd.metadata.name} (no webhooks)`);
  await ok("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  await ok("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
  try {
    await waitEstablished(crd.metadata.name);
    console.log(`${"VM create, ms".padEnd(38)}${"with p50".padStart(8)}${"p99".padStart(8)}${"w/o p50".padStart(8)}${"p99".padStart(8)}${"webhooks".padStart(10)}`);
    await apiPhase("warm-up (not a figure)", true);
    await apiPhase("API, server-side dry run", true);
    await apiPhase("API, create", false);
    await kubectlPhase("kubectl create --dry-run=server", true);
    await kubectlPhase("kubectl create", false);
    console.log("bench: 'webhooks' is the p50 difference: the module's share of a create");
  } finally {
    await call("DELETE", `/api/v1/namespaces/${ns}`).catch(() => undefined);
    await call("DELETE", `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`).catch(() => undefined);
    agent.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(`bench: failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
