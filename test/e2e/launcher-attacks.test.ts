/**
 * Attack tests (issue 11): a real `virt-launcher` is handed VMIs whose names and paths point outside
 * its directories — in the standalone file and in a crafted `sync` on its command socket. Each is
 * refused with a field path, and the files outside the launcher's own directories are unchanged:
 * same owner, mode, size, modification, change and access time (access time is set to 1970 first:
 * under relatime any read then moves it, so a read would show).
 */
import test from "ava";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { CommandClient } from "../../src/launcher/command/client";
import { scratchDir, waitFor } from "./launcher-harness";
import { LAUNCHER_NODE_FLAGS } from "../../src/launcher/node-flags";
import { qemuUser } from "../../src/launcher/host/qemu-user";

// The first launcher on a fresh machine adds QEMU's system user, which rewrites /etc/shadow: that
// is the launcher's own set-up, not an attack's doing, so it is done before any snapshot is taken.
test.before(async () => {
  await qemuUser();
});

const ROOT = resolve(__dirname, "../..");
const EXIT_MS = 60_000;

interface Layout {
  base: string;
  /** The launcher's own directories: its workdir and its socket's directory. */
  own: string[];
  args: string[];
  socket: string;
}

/**
 * base/etc/{shadow,disk.img} are the targets; base/a/{pvcs,secrets,images} the launcher's volume
 * dirs, two levels below base, so `../../etc` from any of them lands on base/etc.
 */
function layout(): Layout {
  const base = scratchDir("launcher-attack-");
  mkdirSync(join(base, "etc"));
  writeFileSync(join(base, "etc/shadow"), "root:SENTINEL:19000::::::\n", { mode: 0o600 });
  execFileSync("qemu-img", ["create", "-q", "-f", "raw", join(base, "etc/disk.img"), "1M"]);
  for (const dir of ["a/pvcs/data", "a/secrets", "a/images/disk", "var", "input"]) mkdirSync(join(base, dir), { recursive: true });
  execFileSync("qemu-img", ["create", "-q", "-f", "qcow2", join(base, "a/images/disk/disk.qcow2"), "1M"]);
  execFileSync("qemu-img", ["create", "-q", "-f", "raw", join(base, "a/pvcs/data/disk.img"), "1M"]);
  const socket = join(base, "cmd/launcher.sock");
  const args = ["--workdir", join(base, "work"), "--socket", socket, "--console-log", join(base, "work-console.log"),
    "--pvc-dir", join(base, "a/pvcs"), "--secret-dir", join(base, "a/secrets"), "--image-dir", join(base, "a/images"),
    "--virt-type", "qemu", "--feature-gates", "HostDisk"];
  return { base, own: [join(base, "work"), join(base, "cmd"), join(base, "input"), join(base, "work-console.log")], args, socket };
}

type Snapshot = Record<string, string>;

/** Files and directories under base, outside the launcher's own. */
function entries(l: Layout): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    dirs.push(dir);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (l.own.includes(path)) continue;
      if (lstatSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(l.base);
  return { dirs, files };
}

/**
 * What a read, write or chown would change: owner, mode, size, mtime, ctime, and for files the
 * access time (set to 1970 by `arm` first). Directory atimes are left out: this walk reads them.
 */
function snapshot(l: Layout): Snapshot {
  const out: Snapshot = {};
  const { dirs, files } = entries(l);
  const facts = (s: ReturnType<typeof lstatSync> & object): string => `${s.uid}:${s.gid} ${s.mode.toString(8)} ${s.size} ${s.mtimeMs} ${s.ctimeMs}`;
  for (const dir of dirs) out[dir] = facts(lstatSync(dir));
  for (const file of files) out[file] = `${facts(lstatSync(file))} atime ${lstatSync(file).atimeMs}`;
  // The literal target, the machine's own /etc/shadow (no atime: other processes may read it).
  out["/etc/shadow"] = facts(statSync("/etc/shadow"));
  return out;
}

/** Sets every file's access time to 1970 and returns the snapshot to compare with afterwards. */
function arm(l: Layout): Snapshot {
  for (const file of entries(l).files) utimesSync(file, new Date(0), lstatSync(file).mtime);
  return snapshot(l);
}

/** A VMI with the test's containerDisk plus `volume` attached as a disk. */
function vmi(name: string, volume: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstance",
    metadata: { name, namespace: "default" },
    spec: {
      domain: {
        resources: { requests: { memory: "64Mi" } },
        devices: { disks: [{ name: "containerdisk", disk: { bus: "virtio" } }, { name: "attack", disk: { bus: "virtio" } }] },
      },
      volumes: [{ name: "containerdisk", containerDisk: { image: "guest" } }, { name: "attack", ...volume }],
    },
  };
}

const ATTACKS: Array<{ name: string; volume: (l: Layout) => Record<string, unknown>; field: string }> = [
  { name: "claimName ../../etc", volume: () => ({ persistentVolumeClaim: { claimName: "../../etc" } }), field: "spec.volumes[1].persistentVolumeClaim.claimName" },
  { name: "a Secret name with '/'", volume: () => ({ secret: { secretName: "../../etc" } }), field: "spec.volumes[1].secret.secretName" },
  { name: "a cloud-init secretRef with '/'", volume: () => ({ cloudInitNoCloud: { secretRef: { name: "../../etc" } } }), field: "spec.volumes[1].cloudInitNoCloud.secretRef.name" },
  { name: "hostDisk.path /var/../etc/shadow", volume: () => ({ hostDisk: { path: "/var/../etc/shadow", type: "Disk" } }), field: "spec.volumes[1].hostDisk.path" },
  { name: "hostDisk.path <base>/var/../etc/shadow", volume: (l) => ({ hostDisk: { path: `${l.base}/var/../etc/shadow`, type: "Disk" } }), field: "spec.volumes[1].hostDisk.path" },
  { name: "containerDisk.path climbing out of the image", volume: () => ({ containerDisk: { image: "guest", path: "/disk/../../../etc/disk.img" } }), field: "spec.volumes[1].containerDisk.path" },
];

function launcher(args: string[]): { exit: Promise<number | null>; output: () => string; kill: (s: NodeJS.Signals) => void; alive: () => boolean } {
  const child = spawn(process.execPath, [...LAUNCHER_NODE_FLAGS, join(ROOT, "bin/virt-launcher.mjs"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((res) => child.once("exit", (code) => res(code)));
  return { exit, output: () => out, kill: (s) => child.kill(s), alive: () => child.exitCode === null && child.signalCode === null };
}

async function exitCode(p: ReturnType<typeof launcher>): Promise<number | null | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), EXIT_MS)));
  try {
    return await Promise.race([p.exit, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The three attacks through the file; every attack goes through `sync` below (same check). */
for (const attack of ATTACKS.filter((a) => ["claimName ../../etc", "a Secret name with '/'", "hostDisk.path /var/../etc/shadow"].includes(a.name))) {
  test.serial(`standalone file: ${attack.name} is refused with its field path; nothing outside is touched`, async (t) => {
    const l = layout();
    try {
      const before = arm(l);
      const manifest = join(l.base, "input/vmi.yaml");
      writeFileSync(manifest, stringify(vmi("attack", attack.volume(l))));
      const run = launcher(["standalone", "-f", manifest, ...l.args]);
      const code = await exitCode(run);
      if (code === undefined) run.kill("SIGKILL");
      t.is(code, 1, run.output());
      t.true(run.output().includes(`${attack.field}:`), run.output());
      t.false(existsSync(join(l.base, "work")), "refused before the workdir was made");
      t.deepEqual(snapshot(l), before);
    } finally {
      rmSync(l.base, { recursive: true, force: true });
    }
  });
}

test.serial("standalone file: a Secret key that climbs out of the ISO stage is refused by the launcher's own path check", async (t) => {
  const l = layout();
  try {
    const before = arm(l);
    const manifest = join(l.base, "input/vmi.yaml");
    const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "creds" }, stringData: { "../../../etc/shadow": "pwned" } };
    writeFileSync(manifest, `${stringify(vmi("attack", { secret: { secretName: "creds" } }))}---\n${stringify(secret)}`);
    const run = launcher(["standalone", "-f", manifest, ...l.args]);
    const code = await exitCode(run);
    if (code === undefined) run.kill("SIGKILL");
    t.not(code, 0, run.output());
    t.regex(run.output(), /ISO file name: .*outside .*refused/);
    // This launcher did start (the key is not the admission chain's business): it made its workdir
    // in base and read the containerDisk, as it should. The targets under base/etc are what count.
    const targets = (s: Snapshot): Snapshot => Object.fromEntries(Object.entries(s).filter(([p]) => p.startsWith(join(l.base, "etc")) || p === "/etc/shadow"));
    t.deepEqual(targets(snapshot(l)), targets(before));
  } finally {
    rmSync(l.base, { recursive: true, force: true });
  }
});

test.serial("a crafted sync on a real launcher's command socket is refused with field paths; the launcher keeps serving; nothing outside is touched", async (t) => {
  const l = layout();
  const run = launcher(["run", ...l.args]);
  try {
    await waitFor("the launcher to be ready", () => run.output().includes("launcher ready") || !run.alive(), 90_000);
    t.true(run.alive(), run.output());
    const before = arm(l);
    const client = await CommandClient.connect(l.socket);
    try {
      for (const attack of ATTACKS) {
        const error = await t.throwsAsync(client.call("sync", { vmi: vmi("crafted", attack.volume(l)) }));
        t.regex(error!.message, /^sync: bad-request: the VMI is invalid: /, attack.name);
        t.true(error!.message.includes(`${attack.field}:`), `${attack.name}: ${error!.message}`);
      }
      const nameless = await t.throwsAsync(client.call("sync", { vmi: { ...vmi("x", { emptyDisk: { capacity: "1Mi" } }), metadata: { name: "../../etc" } } }));
      t.regex(nameless!.message, /metadata\.name: /);
      await t.throwsAsync(client.call("domainInfo"), { message: /no-domain/ }, "no domain was started");
      t.deepEqual(await client.call("ping"), {}, "still serving after the refusals");
    } finally {
      client.close();
    }
    t.false(existsSync(join(l.base, "work/disks")), "no disk was prepared");
    t.deepEqual(snapshot(l), before);
    run.kill("SIGTERM");
    t.not(await exitCode(run), undefined, run.output());
  } finally {
    if (run.alive()) {
      run.kill("SIGKILL");
      await exitCode(run);
    }
    rmSync(l.base, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
});
