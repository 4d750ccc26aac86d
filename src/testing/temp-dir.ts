import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * Scratch directories for tests. Each is removed, with everything in it, when the test process
 * exits (ava runs every test file in a process of its own), so no run leaves keys, sockets or
 * images behind in the machine's temp directory.
 */

const made: string[] = [];
process.once("exit", () => {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A leftover directory must not turn a passing test file into a failing one.
    }
  }
});

/** A new directory (mode 0700) under the temp dir, named `prefix` plus random characters. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
