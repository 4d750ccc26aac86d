/**
 * Benchmark of `virt-launcher standalone` (npm run bench:launcher): time from start to the guest's
 * first console line and to "guest: ready", the launcher's own memory (RSS of its process tree
 * without QEMU, and per process: node, libvirtd, virtlogd, virsh, tini, unshare, …), QEMU's RSS and
 * the SIGTERM → exit time.
 * Env: BENCH_RUNS (default 3), BENCH_VIRT_TYPE (default auto, as standalone's default), BENCH_MEMORY
 * (the guest's memory request, default 64M as in the seed's VM), BENCH_NODE_FLAGS (the launcher's Node
 * flags, default LAUNCHER_NODE_FLAGS; "" for none).
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { guestImageDir, scratchDir, sleep, vmiYaml } from "../test/e2e/launcher-harness";
import { writeFileSync } from "node:fs";
import { processTree, rssByName } from "./launcher-procs";
import { LAUNCHER_NODE_FLAGS } from "../src/launcher/node-flags";

const ROOT = resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const VIRT_TYPE = process.env.BENCH_VIRT_TYPE ?? "auto";
const MEMORY = process.env.BENCH_MEMORY ?? "64M";
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS?.split(" ").filter((f) => f !== "") ?? LAUNCHER_NODE_FLAGS;

interface Sample { firstLineMs: number; readyMs: number; nodeRssMiB: number; treeRssMiB: number; qemuRssMiB: number; stopMs: number; procs: Record<string, number> }

const firstLine = (text: string): boolean => text.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, "").split("\n").some((l) => l.trim() !== "");

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
  return Date.now();
}

async function runOnce(imageDir: string): Promise<Sample> {
  const dir = scratchDir("bench-launcher-");
  const consoleLog = join(dir, "console.log");
  writeFileSync(join(dir, "vmi.yaml"), vmiYaml({ name: "bench", userData: "#cloud-config\n", memory: MEMORY }));
  const t0 = Date.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, "bin/virt-launcher.mjs"), "standalone", "-f", join(dir, "vmi.yaml"),
    "--image-dir", imageDir, "--console-log", consoleLog, "--workdir", join(dir, "work"), "--virt-type", VIRT_TYPE], { stdio: "ignore" });
  const exited = new Promise<number>((r) => child.once("exit", () => r(Date.now())));
  const text = (): string => (existsSync(consoleLog) ? readFileSync(consoleLog, "utf8") : "");
  try {
    const first = await until(() => firstLine(text()), 180_000, "the first console line");
    const ready = await until(() => text().includes("guest: ready"), 180_000, "guest: ready");
    await sleep(2000); // let the launcher settle after boot
    const tree = processTree(child.pid!);
    const qemu = tree.filter((p) => p.comm.startsWith("qemu-system"));
    const own = tree.filter((p) => !p.comm.startsWith("qemu-system"));
    const mib = (kib: number): number => Math.round((kib / 1024) * 10) / 10;
    const sent = Date.now();
    child.kill("SIGTERM");
    const stop = await Promise.race([exited, sleep(90_000).then(() => NaN)]);
    return {
      firstLineMs: first - t0, readyMs: ready - t0,
      nodeRssMiB: mib(tree.find((p) => p.pid === child.pid)?.rssKiB ?? 0),
      treeRssMiB: mib(own.reduce((s, p) => s + p.rssKiB, 0)),
      qemuRssMiB: mib(qemu.reduce((s, p) => s + p.rssKiB, 0)),
      stopMs: stop - sent,
      procs: Object.fromEntries(Object.entries(rssByName(tree)).map(([name, kib]) => [name, mib(kib)])),
    };
  } finally {
    child.kill("SIGKILL");
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const perProcess = (procs: Record<string, number>): string => Object.entries(procs).map(([name, v]) => `${name} ${v}`).join(", ");

async function main(): Promise<void> {
  const imageDir = guestImageDir();
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await runOnce(imageDir);
    samples.push(s);
    console.log(`run ${i + 1}: first console line ${s.firstLineMs} ms, guest ready ${s.readyMs} ms, launcher RSS node ${s.nodeRssMiB} MiB, ` +
      `launcher tree without QEMU ${s.treeRssMiB} MiB (${perProcess(s.procs)}), QEMU ${s.qemuRssMiB} MiB, SIGTERM→exit ${s.stopMs} ms`);
  }
  const m = (k: keyof Omit<Sample, "procs">): number => median(samples.map((s) => s[k]));
  console.log(`median of ${RUNS} (virt-type ${VIRT_TYPE}, memory ${MEMORY}, node flags "${NODE_FLAGS.join(" ")}", load ${loadavg().map((l) => l.toFixed(1)).join(" ")}): first console line ${m("firstLineMs")} ms, guest ready ${m("readyMs")} ms, ` +
    `node RSS ${m("nodeRssMiB")} MiB, launcher tree RSS without QEMU ${m("treeRssMiB")} MiB, QEMU RSS ${m("qemuRssMiB")} MiB, SIGTERM→exit ${m("stopMs")} ms`);
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.procs)))];
  console.log(`median RSS per process (MiB): ${perProcess(Object.fromEntries(names.map((n) => [n, median(samples.map((s) => s.procs[n] ?? 0))])))}`);
  console.log("KubeVirt's fixed per-VM budget: 25 MiB monitor + 100 MiB virt-launcher + 25 MiB virtlogd + 40 MiB virtqemud (+ 30 MiB QEMU) = 190 MiB without QEMU, 220 MiB with it");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
