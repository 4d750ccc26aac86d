import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseResidentBytes, parseSchedstat, parseStat, podUidOfCgroup, qemuMemoryBytes, vcpuIndex } from "./proc-parse";

export interface VcpuUsage {
  id: number;
  /** "running" or "blocked", as libvirt reports a vCPU's state. */
  state: string;
  seconds: number;
  delaySeconds: number;
}

export interface QemuUsage {
  podUid: string;
  residentBytes: number;
  domainBytes?: number;
  userSeconds: number;
  systemSeconds: number;
  vcpus: VcpuUsage[];
}

const read = (path: string): Promise<string | undefined> => readFile(path, "utf8").catch(() => undefined);

/**
 * The QEMU processes of the given pods, read from /proc (virt-handler runs with the host's PIDs).
 * A process is matched to its pod by cgroup, so another cluster's or a host-run QEMU on the same
 * machine is never reported. Processes that exit mid-read are skipped.
 */
export async function qemuUsageByPod(podUids: ReadonlySet<string>, proc = "/proc"): Promise<Map<string, QemuUsage>> {
  const out = new Map<string, QemuUsage>();
  if (podUids.size === 0) return out;
  for (const pid of (await readdir(proc)).filter((d) => /^\d+$/.test(d))) {
    const comm = await read(join(proc, pid, "comm"));
    if (!comm?.startsWith("qemu-system")) continue;
    const podUid = podUidOfCgroup((await read(join(proc, pid, "cgroup"))) ?? "");
    if (!podUid || !podUids.has(podUid)) continue;
    const usage = await processUsage(join(proc, pid), podUid);
    if (usage) out.set(podUid, usage);
  }
  return out;
}

async function processUsage(dir: string, podUid: string): Promise<QemuUsage | undefined> {
  const [stat, status, cmdline] = await Promise.all([read(join(dir, "stat")), read(join(dir, "status")), read(join(dir, "cmdline"))]);
  const cpu = stat === undefined ? undefined : parseStat(stat);
  const residentBytes = status === undefined ? undefined : parseResidentBytes(status);
  if (!cpu || residentBytes === undefined) return undefined;
  const vcpus: VcpuUsage[] = [];
  for (const tid of await readdir(join(dir, "task")).catch(() => [] as string[])) {
    const id = vcpuIndex((await read(join(dir, "task", tid, "comm"))) ?? "");
    if (id === undefined) continue;
    const [sched, tstat] = await Promise.all([read(join(dir, "task", tid, "schedstat")), read(join(dir, "task", tid, "stat"))]);
    const times = sched === undefined ? undefined : parseSchedstat(sched);
    if (!times) continue;
    const state = (tstat === undefined ? undefined : parseStat(tstat))?.state === "R" ? "running" : "blocked";
    vcpus.push({ id, state, seconds: times.runSeconds, delaySeconds: times.waitSeconds });
  }
  return {
    podUid,
    residentBytes,
    domainBytes: cmdline === undefined ? undefined : qemuMemoryBytes(cmdline.split("\0")),
    userSeconds: cpu.userSeconds,
    systemSeconds: cpu.systemSeconds,
    vcpus: vcpus.sort((a, b) => a.id - b.id),
  };
}
