import { chmod, chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { VirtualMachineInstance } from "../api";
import { Launcher, type LauncherConfig } from "./launcher";
import { qemuUser } from "./host/qemu-user";
import { describe, exitCode, type Outcome } from "./lifecycle/outcome";
import { jsonLogger, type Logger } from "./log";
import { USAGE, parseRunArgs, parseStandaloneArgs, type StandaloneArgs } from "./standalone/args";
import { readManifest } from "./standalone/manifest";
import { checkVmiInput } from "./input/check-vmi";
import { standaloneVolumeSources } from "./standalone/volume-sources";
import { podVolumeSources } from "./pod/volume-sources";

/** The workdir holds QEMU's sockets and disks, so QEMU's user owns it. */
async function prepareWorkdir(given: string | undefined): Promise<{ dir: string; temporary: boolean }> {
  const dir = given !== undefined ? resolve(given) : await mkdtemp(join(tmpdir(), "virt-launcher-"));
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  const user = await qemuUser();
  if (user) await chown(dir, user.uid, user.gid);
  return { dir, temporary: given === undefined };
}

function launcherConfig(args: Omit<StandaloneArgs, "manifest">, dir: string, log: Logger, inline: Pick<Parameters<typeof standaloneVolumeSources>[0], "secrets" | "configMaps">): LauncherConfig {
  return {
    workdir: dir,
    socketPath: resolve(args.socket ?? join(dir, "cmd", "launcher.sock")),
    consoleLog: resolve(args.consoleLog ?? join(dir, "console.log")),
    virtType: args.virtType,
    featureGates: new Set(args.featureGates),
    volumeSources: standaloneVolumeSources({ ...args, ...inline }),
    netns: args.netns !== undefined ? `/run/netns/${args.netns}` : undefined,
    taps: args.taps,
    log,
  };
}

/** Runs a launcher to its end: start, optional self-sync (standalone), signals, teardown. Returns the exit code. */
async function runLauncher(config: LauncherConfig, vmi: VirtualMachineInstance | undefined, cleanup: () => Promise<void>): Promise<number> {
  const launcher = new Launcher(config);
  const onSignal = (signal: string) => (): void => {
    config.log(`received ${signal}: shutting the guest down`);
    launcher.terminate();
  };
  process.on("SIGTERM", onSignal("SIGTERM")).on("SIGINT", onSignal("SIGINT"));
  let outcome: Outcome;
  try {
    await launcher.start();
    if (vmi) await launcher.sync(vmi).catch(() => undefined); // a failure settles the outcome
    outcome = await launcher.outcome;
  } catch (err) {
    outcome = { kind: "failed", error: err as Error };
  } finally {
    await launcher.stop();
    await cleanup();
  }
  config.log(describe(outcome), { outcome: outcome.kind, exitCode: exitCode(outcome) });
  return exitCode(outcome);
}

/** `virt-launcher standalone …`: one VMI on this machine with no cluster, through the pod's code path. */
async function standalone(argv: string[]): Promise<number> {
  const args = parseStandaloneArgs(argv);
  const manifest = await readManifest(args.manifest);
  checkVmiInput(manifest.vmi, new Set(args.featureGates)); // before any directory is made or file read
  const meta = manifest.vmi.metadata ?? {};
  const log = jsonLogger({ namespace: meta.namespace, name: meta.name });
  const { dir, temporary } = await prepareWorkdir(args.workdir);
  const config = launcherConfig(args, dir, log, manifest);
  return runLauncher(config, manifest.vmi, async () => {
    if (temporary) await rm(dir, { recursive: true, force: true });
  });
}

/** `virt-launcher run …`: pod mode; the node agent sends the VMI with a sync command on the socket. */
async function pod(argv: string[]): Promise<number> {
  const args = parseRunArgs(argv);
  const { dir } = await prepareWorkdir(args.workdir);
  const config = launcherConfig(args, dir, jsonLogger({}), { secrets: {}, configMaps: {} });
  if (args.isolation === "namespaces") return runLauncher(config, undefined, async () => undefined);
  const volumeSources = podVolumeSources({ ...args, secrets: {}, configMaps: {} });
  return runLauncher({ ...config, volumeSources, isolateDaemon: false, checkPeerUid: false, podNetwork: true }, undefined, async () => undefined);
}

export async function main(argv: string[]): Promise<number> {
  const [mode, ...rest] = argv;
  try {
    if (mode === "standalone") return await standalone(rest);
    if (mode === "run") return await pod(rest);
    process.stderr.write(`${USAGE}\n`);
    return mode === "--help" || mode === "-h" ? 0 : 1;
  } catch (err) {
    process.stderr.write(`virt-launcher: ${(err as Error).message}\n`);
    return 1;
  }
}
