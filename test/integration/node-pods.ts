/**
 * Manifests and helpers for the node tests: pods of the locally built images, which the node has
 * imported (no registry exists, so a pull attempt would fail the test with ErrImagePull).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kubectl } from "./kube";

const version = (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
export const nodeName = "kubevirt-ts-node";
export const nodeIp = "10.201.0.2";
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
