/**
 * Runs `virt-launcher standalone` as a real process for the boot tests: the test guest image (built
 * on first use), a temporary workdir, the console log, and the launcher's exit.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { LAUNCHER_NODE_FLAGS } from "../../src/launcher/node-flags";
import { tempDir } from "../../src/testing/temp-dir";

const ROOT = resolve(__dirname, "../..");

let cachedImageDir: string | undefined;
/**
 * The test guest's containerDisk layout dir (npm run guest-image; cached under .local/guest), copied
 * to a world-readable place under /tmp: QEMU runs as an unprivileged user, and a checkout may sit in
 * a directory that user cannot enter.
 */
export function guestImageDir(): string {
  if (cachedImageDir) return cachedImageDir;
  const disk = execFileSync("bash", [join(ROOT, "hack/guest/build.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
    .trim()
    .split("\n")
    .pop()!;
  const copy = join(tmpdir(), `kubevirt-ts-guest-${basename(dirname(disk))}`, "containerdisk");
  if (!existsSync(join(copy, "disk/disk.qcow2"))) {
    mkdirSync(join(copy, "disk"), { recursive: true, mode: 0o755 });
    copyFileSync(join(dirname(disk), "containerdisk/disk/disk.qcow2"), join(copy, "disk/disk.qcow2.tmp"));
    renameSync(join(copy, "disk/disk.qcow2.tmp"), join(copy, "disk/disk.qcow2"));
    execFileSync("chmod", ["-R", "a+rX", dirname(copy)]);
  }
  cachedImageDir = copy;
  return copy;
}

/** A scratch dir QEMU's user can traverse (mkdtemp makes 0700). */
export function scratchDir(prefix: string): string {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o755);
  return dir;
}

/** A filesystem PVC: DIR/<claim>/disk.img, raw. */
export function makeClaim(pvcDir: string, claim: string, size = "8M"): string {
  mkdirSync(join(pvcDir, claim), { recursive: true, mode: 0o755 });
  const img = join(pvcDir, claim, "disk.img");
  execFileSync("qemu-img", ["create", "-q", "-f", "raw", img, size]);
  return img;
}

export interface VmSpecOptions {
  name: string;
  userData: string;
  gracePeriod?: number;
  claims?: Array<{ name: string; claim: string; ephemeral?: boolean }>;
  /** Adds a pod network "default" with a masquerade-bound virtio NIC. */
  podNetwork?: boolean;
  /** Guest memory request (default 128Mi). */
  memory?: string;
}

/** A VMI manifest: the test guest as containerDisk, NoCloud user data, optional PVC/ephemeral disks. */
export function vmiYaml(o: VmSpecOptions): string {
  const claims = o.claims ?? [];
  const disks = ["containerdisk", "cloudinitdisk", ...claims.map((c) => c.name)].map((n) => `      - name: ${n}\n        disk: {bus: virtio}`);
  const claimVolumes = claims.map((c) =>
    c.ephemeral
      ? `  - name: ${c.name}\n    ephemeral:\n      persistentVolumeClaim: {claimName: ${c.claim}}`
      : `  - name: ${c.name}\n    persistentVolumeClaim: {claimName: ${c.claim}}`,
  );
  const userData = o.userData.split("\n").map((l) => `        ${l}`).join("\n");
  const nic = o.podNetwork ? "\n      interfaces:\n      - {name: default, masquerade: {}}" : "";
  const networks = o.podNetwork ? "\n  networks:\n  - {name: default, pod: {}}" : "";
  return `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata:
  name: ${o.name}
spec:
  terminationGracePeriodSeconds: ${o.gracePeriod ?? 30}
  domain:
    resources: {requests: {memory: ${o.memory ?? "128Mi"}}}
    devices:
      disks:
${disks.join("\n")}${nic}${networks}
  volumes:
  - name: containerdisk
    containerDisk: {image: kubevirt-ts/test-guest:latest}
  - name: cloudinitdisk
    cloudInitNoCloud:
      userData: |
${userData}
${claimVolumes.join("\n")}
`;
}

export interface RunningLauncher {
  child: ChildProcess;
  workdir: string;
  consoleLog: string;
  socket: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  output(): string;
  console(): string;
  cleanup(): void;
}

/** `virt-launcher standalone` with `manifest`, or pod mode (`run`, waiting for a sync) when it is undefined. */
export function startStandalone(manifest: string | undefined, extra: string[] = []): RunningLauncher {
  const dir = scratchDir("launcher-e2e-");
  const workdir = join(dir, "work");
  const consoleLog = join(dir, "console.log");
  const socket = join(dir, "cmd", "launcher.sock");
  if (manifest !== undefined) writeFileSync(join(dir, "vmi.yaml"), manifest);
  const mode = manifest !== undefined ? ["standalone", "-f", join(dir, "vmi.yaml")] : ["run"];
  const args = [...mode, "--image-dir", guestImageDir(), "--workdir", workdir,
    "--console-log", consoleLog, "--socket", socket, "--virt-type", "qemu", ...extra];
  const child = spawn(process.execPath, [...LAUNCHER_NODE_FLAGS, join(ROOT, "bin/virt-launcher.mjs"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((res) =>
    child.once("exit", (code, signal) => res({ code, signal, at: Date.now() })),
  );
  return {
    child, workdir, consoleLog, socket, exit,
    output: () => out,
    console: () => (existsSync(consoleLog) ? readFileSync(consoleLog, "utf8") : ""),
    cleanup: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      // Its libvirtd and QEMU die with it (pdeathsig), but on a loaded machine they were seen still
      // writing its run dir seconds later: wait until nothing of it runs before removing the dir.
      waitUntilGone(() => [...daemonPidsFor(workdir), ...pidsMatching(workdir)], 20_000);
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type LauncherExit = Awaited<RunningLauncher["exit"]>;

/** The launcher's exit, or undefined when it has not exited within `ms` (the timer does not outlive the answer). */
export async function exitWithin(vm: RunningLauncher, ms: number): Promise<LauncherExit | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
  try {
    return await Promise.race([vm.exit, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `check` is truthy, polling; throws with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs: number): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(250)) {
    const value = check();
    if (value) return value;
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** SIGKILLs what `pids` lists until it lists nothing or `ms` pass; synchronous, for clean-ups in `finally`. */
function waitUntilGone(pids: () => number[], ms: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + ms; Date.now() < deadline; Atomics.wait(pause, 0, 0, 200)) {
    const left = pids();
    if (left.length === 0) return;
    for (const pid of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}

/** PIDs of processes whose command line mentions `needle` (QEMU has `guest=<domain>` in its). */
export function pidsMatching(needle: string): number[] {
  try {
    return execFileSync("pgrep", ["-f", needle], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** PIDs of libvirtd/virtlogd/tini/unshare processes whose environment points into `workdir` (the launcher's own daemon). */
export function daemonPidsFor(workdir: string): number[] {
  const candidates = ["libvirtd", "virtlogd", "tini", "unshare"].flatMap((name) => {
    try {
      return execFileSync("pgrep", ["-x", name], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
  return candidates.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, "utf8").includes(workdir);
    } catch {
      return false;
    }
  });
}
