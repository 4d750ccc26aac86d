/**
 * Shared by the pod-network e2e tests (masquerade and bridge): a client pod that fetches a URL, the
 * guest's serial console, the processes left of a pod, and polling with a deadline.
 */
import { readdir, readFile } from "node:fs/promises";
import { kubectl } from "../integration/kube";
import { image } from "../integration/node-pods";

/** A pod that GETs `url` with Node's fetch (the launcher image has Node), up to `tries` times a second apart, and prints the body. */
export const fetchClientPod = (name: string, url: string, tries: number): string => JSON.stringify({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: {
    restartPolicy: "Never",
    containers: [{
      name: "main", image: image("virt-launcher"), imagePullPolicy: "IfNotPresent",
      command: ["node", "-e", `(async()=>{for(let i=0;i<${tries};i++){try{const r=await fetch(${JSON.stringify(url)},{signal:AbortSignal.timeout(3000)});console.log(await r.text());return}catch(e){await new Promise(r=>setTimeout(r,1000))}}process.exit(1)})()`],
    }],
  },
});

export async function consoleLog(namespace: string, pod: string): Promise<string> {
  return (await kubectl(["logs", "-n", namespace, pod, "-c", "guest-console-log"])).stdout;
}

/** Processes on this machine in the pod's cgroup (the launcher, udhcpd, QEMU…). */
export async function podProcesses(uid: string): Promise<number[]> {
  const pids: number[] = [];
  for (const p of (await readdir("/proc")).filter((x) => /^\d+$/.test(x))) {
    const cg = await readFile(`/proc/${p}/cgroup`, "utf8").catch(() => "");
    if (cg.includes(`pod${uid}`) || cg.includes(`pod${uid.replace(/-/g, "_")}`)) pids.push(Number(p));
  }
  return pids;
}

/** `get`'s first defined answer (its errors count as none), every `everyMs`, until `timeoutMs`. */
export async function poll<T>(what: string, get: () => Promise<T | undefined>, timeoutMs: number, everyMs = 1000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, everyMs))) {
    const v = await get().catch(() => undefined);
    if (v !== undefined) return v;
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
