/**
 * The integration tests' way to the real API server: kubectl with the local cluster's admin
 * kubeconfig (started by `npm start`, or by `npm test`'s pretest step). Every call is bounded.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse, stringify } from "yaml";

const root = resolve(__dirname, "../..");
const localBin = join(root, ".local/bin");
export const kubeconfig = process.env.KUBECONFIG_KUBEVIRT_TS ?? join(root, ".local/kubeconfig");
const kubectlBin = existsSync(join(localBin, "kubectl")) ? join(localBin, "kubectl") : "kubectl";

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kubectl; never throws for a non-zero exit (the tests look at the code and stderr). */
export function kubectl(args: readonly string[], input?: string, timeoutMs = 30_000): Promise<Result> {
  return new Promise(resolvePromise => {
    const child = execFile(
      kubectlBin,
      ["--kubeconfig", kubeconfig, "--request-timeout=20s", ...args],
      { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolvePromise({ code, stdout, stderr: stderr || (error && code !== 0 ? String(error.message) : "") });
      },
    );
    child.stdin?.end(input ?? "");
  });
}

/** Like kubectl, but fails with kubectl's own message when the command fails. */
export async function kubectlOk(args: readonly string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/**
 * Fails (never skips) when the cluster is not up, pointing at the start log: `npm test` starts it
 * in its pretest step, and a failed start must show up as failed integration tests.
 */
export async function requireCluster(): Promise<void> {
  const hint = `start it with \`npm start\`; component logs: npm run logs (${join(root, ".local/logs")})`;
  if (!existsSync(kubeconfig)) throw new Error(`no local cluster: ${kubeconfig} is missing; ${hint}`);
  const r = await kubectl(["get", "--raw", "/readyz"], undefined, 15_000);
  if (r.code !== 0) throw new Error(`local cluster not ready: ${r.stderr.trim()}; ${hint}`);
}

/** A fresh namespace per test file, so files run in parallel and leave nothing shared behind. */
export async function freshNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
  await kubectlOk(["create", "namespace", name]);
  return name;
}

export async function deleteNamespace(name: string): Promise<void> {
  await kubectl(["delete", "namespace", name, "--wait=false"]);
}

export function fixture(name: string): string {
  return readFileSync(join(__dirname, "fixtures", name), "utf8");
}

/**
 * The manifest with a node selector no node matches in the VMI spec (of a VMI, or the template of a
 * VM or replica set): tests about the API alone get launcher pods that stay Pending and pull nothing.
 */
export function neverScheduled(manifest: string): string {
  const doc = parse(manifest) as { kind: string; spec: { nodeSelector?: Record<string, string>; template?: { spec?: { nodeSelector?: Record<string, string> } } } };
  const selector = { "kubevirt-ts.io/test-never-scheduled": "true" };
  if (doc.kind === "VirtualMachineInstance") doc.spec.nodeSelector = selector;
  else if (doc.spec.template?.spec) doc.spec.template.spec.nodeSelector = selector;
  return stringify(doc);
}
