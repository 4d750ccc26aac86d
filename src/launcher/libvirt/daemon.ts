import { spawn, type ChildProcess } from "node:child_process";
import { access, chown, mkdir, open, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { daemonArgv, daemonEnv, sessionUri, type DaemonLayout, type DaemonUser } from "./daemon-command";
import { driverDirCandidates, QEMU_CONF, QEMU_DRIVER_MODULE } from "./daemon-config";

export interface LibvirtDaemon {
  uri: string;
  /** The daemon's unix socket (the lifecycle event stream connects there itself). */
  socketPath: string;
  /** Where the daemon's stdout and stderr go: what to read when it dies. */
  logPath: string;
  pid: number;
  /** Resolves when the daemon's process tree is gone. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** A directory with a link to the QEMU driver module only; undefined when the module is not found. */
async function qemuOnlyDriverDir(root: string): Promise<string | undefined> {
  for (const dir of driverDirCandidates(process.arch)) {
    const module = join(dir, QEMU_DRIVER_MODULE);
    if (!(await exists(module))) continue;
    const own = join(root, "drivers");
    await mkdir(own, { recursive: true, mode: 0o755 });
    if (!(await exists(join(own, QEMU_DRIVER_MODULE)))) await symlink(module, join(own, QEMU_DRIVER_MODULE));
    return own;
  }
  return undefined;
}

async function makeLayout(root: string, owner: DaemonUser | undefined): Promise<DaemonLayout> {
  const dirs = { home: join(root, "home"), runtimeDir: join(root, "run"), cacheDir: join(root, "cache"), configDir: join(root, "config") };
  for (const dir of [root, ...Object.values(dirs), join(dirs.configDir, "libvirt")]) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (owner) await chown(dir, owner.uid, owner.gid);
  }
  await writeFile(join(dirs.configDir, "libvirt/qemu.conf"), QEMU_CONF, { mode: 0o644 });
  return { ...dirs, driverDir: await qemuOnlyDriverDir(root) };
}

/** Starts this launcher's own libvirtd under `root` and waits until its socket answers. */
export async function startLibvirtd(root: string, dropTo: DaemonUser | undefined, netns?: string, isolate = true, timeoutMs = 30_000): Promise<LibvirtDaemon> {
  const layout = await makeLayout(root, dropTo);
  const logPath = join(root, "libvirtd.log");
  const log = await open(logPath, "a");
  const [command, ...args] = daemonArgv(dropTo, netns, isolate);
  const child: ChildProcess = spawn(command!, args, { env: daemonEnv(layout, process.env), stdio: ["ignore", log.fd, log.fd] });
  await log.close();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async (): Promise<void> => {
    if (!gone) child.kill("SIGKILL"); // isolated: unshare's death takes tini, and with it the whole PID namespace
    await exited;
  };
  const socket = join(layout.runtimeDir, "libvirt/libvirt-sock");
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    if (gone) throw new Error(`libvirtd exited during start-up; see ${logPath}`);
    if (await access(socket).then(() => true, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`libvirtd did not open ${socket} within ${timeoutMs} ms; see ${logPath}`);
    }
  }
  return { uri: sessionUri(layout.runtimeDir), socketPath: socket, logPath, pid: child.pid ?? -1, exited, stop };
}
