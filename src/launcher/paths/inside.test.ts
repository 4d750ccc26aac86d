import test from "ava";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inside, insideNoSymlinks, isWithin, realInside } from "./inside";

const escapes: [string, string[]][] = [
  ["a parent", [".."]],
  ["a climbing claim name", ["../../etc"]],
  ["a name with a slash", ["x/../../root"]],
  ["a climbing image path", ["/disk/../../../etc/shadow"]],
  ["a sibling with the same prefix", ["../work-evil/x"]],
  ["a NUL byte", ["disk\0.img"]],
];
for (const [name, segments] of escapes) {
  test(`inside refuses ${name}`, t => {
    t.throws(() => inside("/run/work", "volume x", ...segments), { message: /volume x: .*(outside|NUL)/ });
  });
}

test("inside joins names and image paths below the root", t => {
  t.is(inside("/run/work", "volume", "disks", "root.qcow2"), "/run/work/disks/root.qcow2");
  t.is(inside("/proc/7/root", "containerDisk.path", "/disk/disk.img"), "/proc/7/root/disk/disk.img");
  t.is(inside("/run/work/", "x", "a/./b"), "/run/work/a/b");
});

test("isWithin: a name starting with two dots is inside", t => {
  t.true(isWithin("/r", "/r/..data"));
  t.false(isWithin("/r", "/rr"));
  t.true(isWithin("/r", "/r"));
});

test("realInside follows symlinks and refuses one that leaves the root; insideNoSymlinks refuses any", async t => {
  const dir = mkdtempSync(join(tmpdir(), "inside-"));
  try {
    mkdirSync(join(dir, "root/secret/..2024"), { recursive: true });
    writeFileSync(join(dir, "root/secret/..2024/key"), "v");
    writeFileSync(join(dir, "outside"), "secret");
    symlinkSync("..2024/key", join(dir, "root/secret/key")); // how a mounted Secret's keys look
    symlinkSync(join(dir, "outside"), join(dir, "root/secret/evil"));
    t.is(await realInside(join(dir, "root"), "Secret s", "secret", "key"), join(dir, "root/secret/..2024/key"));
    await t.throwsAsync(realInside(join(dir, "root"), "Secret s", "secret", "evil"), { message: /resolves to .*outside.*refused/ });
    await t.throwsAsync(insideNoSymlinks(join(dir, "root"), "image", "secret", "key"), { message: /symbolic link/ });
    t.is(await insideNoSymlinks(join(dir, "root"), "image", "/secret/..2024/key"), join(dir, "root/secret/..2024/key"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
