/**
 * Finds a process of a pod on this node by the pod's uid in /proc/<pid>/cgroup (the handler runs
 * with the host's PID namespace): its /proc/<pid>/ns/net is the pod's network namespace. The kubelet
 * names pod cgroups after the uid, with "-" (cgroupfs) or "_" (systemd) between its parts.
 */
import { readdir, readFile } from "node:fs/promises";

export function cgroupMatchesPod(cgroupText: string, podUid: string): boolean {
  return cgroupText.includes(`pod${podUid}`) || cgroupText.includes(`pod${podUid.replace(/-/g, "_")}`);
}

export async function podProcess(podUid: string, procDir = "/proc"): Promise<number | undefined> {
  for (const entry of await readdir(procDir)) {
    if (!/^\d+$/.test(entry)) continue;
    const text = await readFile(`${procDir}/${entry}/cgroup`, "utf8").catch(() => "");
    if (cgroupMatchesPod(text, podUid)) return Number(entry);
  }
  return undefined;
}
