/** Process-tree memory readings from /proc for the launcher benchmark. */
import { readFileSync, readdirSync } from "node:fs";

export interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  rssKiB: number;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return { pid, ppid, comm, rssKiB: Number(rss ?? 0) };
  } catch {
    return undefined;
  }
}

/** `root` and all its descendants. */
export function processTree(root: number): Proc[] {
  const all = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number).map(readProc).filter((p): p is Proc => p !== undefined);
  const tree: Proc[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const proc = all.find((p) => p.pid === pid);
    if (proc) tree.push(proc);
    for (const child of all.filter((p) => p.ppid === pid)) queue.push(child.pid);
  }
  return tree;
}

/** Every process whose cgroup path contains `fragment` (a pod's `pod<uid>` under the kubelet's cgroups). */
export function processesInCgroup(fragment: string): Proc[] {
  const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  return pids
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cgroup`, "utf8").includes(fragment);
      } catch {
        return false;
      }
    })
    .map(readProc)
    .filter((p): p is Proc => p !== undefined);
}

/** Summed RSS in KiB per command name (two `node` or `virsh` processes add up), largest first. */
export function rssByName(procs: Proc[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const p of procs) sums.set(p.comm, (sums.get(p.comm) ?? 0) + p.rssKiB);
  return Object.fromEntries([...sums].sort((a, b) => b[1] - a[1]));
}

export const rssMiB = (procs: Proc[]): number => procs.reduce((s, p) => s + p.rssKiB, 0) / 1024;
