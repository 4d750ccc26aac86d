/**
 * `--console-log FILE` in the invoking user's private (0700) directory: the launcher opens it
 * itself and relays the serial log QEMU's user writes in the workdir, so the file fills even
 * though QEMU's user cannot enter that directory (before: "Permission denied", no VM).
 */
import test from "ava";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { qemuUser } from "../../src/launcher/host/qemu-user";
import { exitWithin, guestImageDir, startStandalone, vmiYaml, waitFor } from "./launcher-harness";

test.before(() => {
  guestImageDir();
});

test.serial("a console log inside the invoking user's 0700 directory fills with the guest's console; it stays the user's file", async (t) => {
  const user = await qemuUser();
  const privateDir = mkdtempSync(join(tmpdir(), "private-console-")); // mkdtemp: 0700, the test's user
  t.is(statSync(privateDir).mode & 0o777, 0o700);
  const consoleLog = join(privateDir, "console.log");
  const vm = startStandalone(vmiYaml({ name: "private-log", userData: "#cloud-config\nruncmd:\n  - echo PRIVATE-LOG-$((6*7))" }), ["--console-log", consoleLog]);
  try {
    const text = (): string => (existsSync(consoleLog) ? readFileSync(consoleLog, "utf8") : "");
    await waitFor("the marker in the private console log", () => text().includes("PRIVATE-LOG-42"), 150_000);
    vm.child.kill("SIGTERM");
    const exit = await exitWithin(vm, 60_000);
    t.truthy(exit, vm.output());
    t.is(exit!.code, 0, vm.output());
    t.regex(text(), /ACPI power button, powering off/, "the last lines are relayed before the launcher exits");
    t.is(statSync(consoleLog).uid, process.getuid!(), "created by the launcher as the invoking user, never chowned");
    if (user) t.not(statSync(consoleLog).uid, user.uid, "QEMU's user does not own the user's file");
  } finally {
    vm.cleanup();
    rmSync(privateDir, { recursive: true, force: true });
  }
});
