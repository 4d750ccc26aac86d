import { chmod, chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Launcher } from "./launcher";
import { qemuUser } from "./host/qemu-user";
import { describe, exitCode, type Outcome } from "./lifecycle/outcome";
import { jsonLogger } from "./log";
import { USAGE, parseStandaloneArgs } from "./standalone/args";
import { readManifest } from "./standalone/manifest";
import { standaloneVolumeSources } from "./standalone/volume-sources";

/** The workdir holds QEMU's sockets and disks, so QEMU's user owns it. */
async function prepareWorkdir(given: string | undefined): Promise<{ dir: string; temporary: boolean }> {
  const dir = given !== undefined ? resolve(given) : await mkdtemp(join(tmpdir(), "virt-launcher-"));
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o755);
  const user = await qemuUser();
  if (user) await chown(dir, user.uid, user.gid);
  return { dir, temporary: given === undefined };
}

/** `virt-launcher standalone …`: runs one VMI on this machine with no cluster, through the pod's code path. */
async function standalone(argv: string[]): Promise<number> {
  const args = parseStandaloneArgs(argv);
  const manifest = await readManifest(args.manifest);
  const meta = manifest.vmi.metadata ?? {};
  const log = jsonLogger({ namespace: meta.namespace, name: meta.name });
  const { dir, temporary } = await prepareWorkdir(args.workdir);
  const launcher = new Launcher({
    workdir: dir,
    socketPath: args.socket ?? join(dir, "cmd", "launcher.sock"),
    consoleLog: resolve(args.consoleLog ?? join(dir, "console.log")),
    virtType: args.virtType,
    featureGates: new Set(args.featureGates),
    volumeSources: standaloneVolumeSources({ ...args, secrets: manifest.secrets, configMaps: manifest.configMaps }),
    log,
  });
  const onSignal = (signal: string) => (): void => {
    log(`received ${signal}: shutting the guest down`);
    launcher.terminate();
  };
  process.on("SIGTERM", onSignal("SIGTERM")).on("SIGINT", onSignal("SIGINT"));
  let outcome: Outcome;
  try {
    await launcher.start();
    await launcher.sync(manifest.vmi).catch(() => undefined); // a failure settles the outcome
    outcome = await launcher.outcome;
  } catch (err) {
    outcome = { kind: "failed", error: err as Error };
  } finally {
    await launcher.stop();
    if (temporary) await rm(dir, { recursive: true, force: true });
  }
  log(describe(outcome), { outcome: outcome.kind, exitCode: exitCode(outcome) });
  return exitCode(outcome);
}

export async function main(argv: string[]): Promise<number> {
  const [mode, ...rest] = argv;
  try {
    if (mode === "standalone") return await standalone(rest);
    process.stderr.write(`${USAGE}\n`);
    return mode === "--help" || mode === "-h" ? 0 : 1;
  } catch (err) {
    process.stderr.write(`virt-launcher: ${(err as Error).message}\n`);
    return 1;
  }
}
