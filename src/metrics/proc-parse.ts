/**
 * Pure readers of the /proc files virt-handler's per-VMI metrics come from: what libvirt's own
 * domain stats read for a QEMU process (its CPU times, resident memory, and each vCPU thread's
 * scheduler times), without a libvirt connection per scrape.
 */

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux build we run). */
export const USER_HZ = 100;

export interface ProcStat {
  /** R, S, D, … (the field after the command). */
  state: string;
  userSeconds: number;
  systemSeconds: number;
}

/** /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat. The command may hold spaces and ")": parse after its last ")". */
export function parseStat(text: string): ProcStat | undefined {
  const end = text.lastIndexOf(")");
  if (end < 0) return undefined;
  const fields = text.slice(end + 2).trim().split(/\s+/);
  // After the command: state is field 3 of the file, utime 14 and stime 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!fields[0] || !Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return { state: fields[0], userSeconds: utime / USER_HZ, systemSeconds: stime / USER_HZ };
}

/** VmRSS of /proc/<pid>/status, in bytes. */
export function parseResidentBytes(status: string): number | undefined {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** /proc/<pid>/task/<tid>/schedstat: time on a CPU and time waiting in a run queue, in seconds. */
export function parseSchedstat(text: string): { runSeconds: number; waitSeconds: number } | undefined {
  const [run, wait] = text.trim().split(/\s+/).map(Number);
  if (!Number.isFinite(run) || !Number.isFinite(wait)) return undefined;
  return { runSeconds: run! / 1e9, waitSeconds: wait! / 1e9 };
}

/** QEMU names each vCPU thread "CPU <n>/TCG" or "CPU <n>/KVM"; anything else is not a vCPU. */
export function vcpuIndex(threadName: string): number | undefined {
  const m = /^CPU (\d+)\/\w+$/.exec(threadName.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The pod UID in a /proc/<pid>/cgroup file: the kubelet's cgroupfs driver writes it as
 * `pod<uid>`, the systemd driver as `pod<uid with _ for ->.slice`.
 */
export function podUidOfCgroup(cgroup: string): string | undefined {
  const m = /pod([0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12})/.exec(cgroup);
  return m ? m[1]!.replace(/_/g, "-") : undefined;
}

/**
 * The guest memory of a QEMU command line (NUL-separated /proc/<pid>/cmdline), in bytes:
 * `-m size=65536k` as libvirt writes it, or `-m 64` (MiB) / `-m 64M` / `-m 1G`.
 */
export function qemuMemoryBytes(argv: string[]): number | undefined {
  const i = argv.indexOf("-m");
  if (i < 0 || argv[i + 1] === undefined) return undefined;
  const value = argv[i + 1]!.split(",").map((p) => (p.startsWith("size=") ? p.slice(5) : p)).find((p) => !p.includes("=")) ?? "";
  const m = /^(\d+(?:\.\d+)?)([kKmMgGtT]?)[bB]?$/.exec(value);
  if (!m) return undefined;
  const unit = { "": 2 ** 20, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g" | "t"];
  return Math.round(Number(m[1]) * unit);
}

/** `-name guest=<namespace>_<name>,debug-threads=on`: the domain's name, which the launcher makes `<namespace>_<name>`. */
export function qemuGuestName(argv: string[]): string | undefined {
  const i = argv.indexOf("-name");
  const value = i < 0 ? undefined : argv[i + 1];
  if (value === undefined) return undefined;
  const guest = value.split(",").find((p) => p.startsWith("guest="));
  return guest ? guest.slice("guest=".length) : value.split(",")[0];
}
