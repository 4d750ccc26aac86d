/**
 * Manifests and helpers for the node tests: pods of the locally built images, which the node has
 * imported (no registry exists, so a pull attempt would fail the test with ErrImagePull).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { kubeconfig, kubectl } from "./kube";

const version = (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
export const nodeName = "kubevirt-ts-node";
// The namespace end of the veth pair; KVTS_INSTANCE=N runs a second cluster at 10.201.N.2 (hack/cluster/env.sh).
export const nodeIp = `10.201.${Number(process.env.KVTS_INSTANCE ?? "0")}.2`;
export const image = (name: string): string => `localhost/kubevirt-ts/${name}:${version}`;

/** A small HTTP server in Node, answering "hello from <pod name>" on port 8080. */
export const httpServer = [
  "node",
  "-e",
  "require('http').createServer((q, s) => s.end('hello from ' + require('os').hostname())).listen(8080)",
];

export function pod(name: string, imageName: string, command: readonly string[], labels: Record<string, string> = {}): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: { app: name, ...labels } },
    spec: {
      terminationGracePeriodSeconds: 1,
      containers: [{ name: "main", image: image(imageName), imagePullPolicy: "IfNotPresent", command }],
    },
  });
}

export function daemonSet(name: string, imageName: string, command: readonly string[]): string {
  return JSON.stringify({
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          terminationGracePeriodSeconds: 1,
          containers: [{ name: "main", image: image(imageName), imagePullPolicy: "IfNotPresent", command }],
        },
      },
    },
  });
}

export function nodePortService(name: string, app: string): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name },
    spec: { type: "NodePort", selector: { app }, ports: [{ port: 80, targetPort: 8080 }] },
  });
}

/** Waits (bounded) until the pod is Ready; fails with its status and events otherwise. */
export async function waitPodReady(ns: string, name: string, timeout = "120s"): Promise<void> {
  const r = await kubectl(["wait", "-n", ns, `pod/${name}`, "--for=condition=Ready", `--timeout=${timeout}`], undefined, 150_000);
  if (r.code === 0) return;
  const describe = await kubectl(["describe", "-n", ns, `pod/${name}`]);
  throw new Error(`pod ${ns}/${name} not ready: ${r.stderr}\n${describe.stdout.split("\n").slice(-25).join("\n")}`);
}

/** GETs a URL with a bounded timeout; resolves to the body, or throws with the cause. */
export async function httpGet(url: string, timeoutMs = 5_000): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return res.text();
}

/**
 * `kubectl port-forward` to TARGET (pod/x or svc/x) on a free local port; resolves to that port and
 * a function that ends the forward. Bounded: rejects after 20 s without a "Forwarding" line.
 */
export function portForward(ns: string, target: string, port: number): Promise<{ port: number; stop: () => void }> {
  const local = join(__dirname, "../../.local/bin/kubectl");
  const bin = existsSync(local) ? local : "kubectl";
  const pf = spawn(bin, ["--kubeconfig", kubeconfig, "port-forward", "-n", ns, target, `:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  pf.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { pf.kill(); reject(new Error(`port-forward ${target} did not start in 20s: ${stderr}`)); }, 20_000);
    pf.stdout.on("data", (chunk: Buffer) => {
      const m = /127\.0\.0\.1:(\d+) ->/.exec(chunk.toString());
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), stop: () => pf.kill() });
      }
    });
    pf.on("exit", code => { clearTimeout(timer); reject(new Error(`port-forward ${target} exited (${code}): ${stderr}`)); });
  });
}

/** POSTs JSON over HTTPS to a server with a self-signed certificate (Pepr's); resolves to the body. */
export function postJsonInsecure(url: string, body: unknown, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", rejectUnauthorized: false, timeout: timeoutMs, headers: { "content-type": "application/json" } }, res => {
      let data = "";
      res.on("data", (chunk: Buffer) => (data += chunk.toString()));
      res.on("end", () => resolve(data));
    });
    req.on("timeout", () => req.destroy(new Error(`POST ${url}: no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}
