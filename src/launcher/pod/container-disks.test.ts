import test from "ava";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { containerDiskFile, containerDiskRoot } from "./container-disks";

/** A /proc-like tree: pid → argv, with each process's root holding `files`. */
async function fakeProc(processes: Record<string, { argv: string[]; files?: string[] }>): Promise<string> {
  const proc = await mkdtemp(join(tmpdir(), "proc-"));
  for (const [pid, p] of Object.entries(processes)) {
    await mkdir(join(proc, pid, "root", "disk"), { recursive: true });
    await writeFile(join(proc, pid, "cmdline"), p.argv.join("\0") + "\0");
    for (const f of p.files ?? []) await writeFile(join(proc, pid, "root", f), "x");
  }
  await mkdir(join(proc, "self"), { recursive: true });
  return proc;
}

test("the volume's container is found by its container-disk argument; its one /disk/ file is the disk", async (t) => {
  const proc = await fakeProc({
    "7": { argv: ["/var/run/kubevirt/container-disk-binary/container-disk", "rootdisk"], files: ["disk/guest.qcow2"] },
    "9": { argv: ["/var/run/kubevirt/container-disk-binary/container-disk", "other"], files: ["disk/a.img"] },
    "12": { argv: ["tail", "-F", "x"] },
  });
  t.teardown(() => rm(proc, { recursive: true, force: true }));
  t.is(await containerDiskRoot("rootdisk", proc), join(proc, "7", "root"));
  t.is(await containerDiskFile("rootdisk", "img", undefined, 1000, proc), join(proc, "7", "root", "disk", "guest.qcow2"));
  t.is(await containerDiskFile("other", "img", "disk/a.img", 1000, proc), join(proc, "9", "root", "disk", "a.img"));
});

test("bad images and missing containers get errors that say what to fix", async (t) => {
  const proc = await fakeProc({
    "7": { argv: ["/x/container-disk", "two"], files: ["disk/a.img", "disk/b.img"] },
  });
  t.teardown(() => rm(proc, { recursive: true, force: true }));
  await t.throwsAsync(containerDiskFile("two", "quay.io/x:1", undefined, 1000, proc), { message: /exactly one file under \/disk\/.*found 2; set the volume's containerDisk.path/ });
  await t.throwsAsync(containerDiskFile("two", "quay.io/x:1", "disk/c.img", 1000, proc), { message: /no file disk\/c.img/ });
  await t.throwsAsync(containerDiskFile("missing", "quay.io/x:1", undefined, 600, proc), { message: /container \(volumemissing\) did not start within 0.6s/ });
});

test("an image path that climbs out, or a symlink in the image, is refused", async (t) => {
  const proc = await fakeProc({
    "7": { argv: ["/x/container-disk", "evil"], files: ["disk/a.img"] },
    "8": { argv: ["/x/container-disk", "linked"] },
  });
  t.teardown(() => rm(proc, { recursive: true, force: true }));
  const { symlink } = await import("node:fs/promises");
  await writeFile(join(proc, "secret"), "host file");
  await symlink(join(proc, "secret"), join(proc, "8", "root", "disk", "disk.img"));
  await t.throwsAsync(containerDiskFile("evil", "quay.io/x:1", "/disk/../../../secret", 1000, proc), { message: /outside .*refused/ });
  await t.throwsAsync(containerDiskFile("linked", "quay.io/x:1", undefined, 1000, proc), { message: /symbolic link; refused/ });
  await t.throwsAsync(containerDiskFile("linked", "quay.io/x:1", "/disk/disk.img", 1000, proc), { message: /symbolic link; refused/ });
});
