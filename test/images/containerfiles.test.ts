/**
 * One list per image: hack/images/<name>/image.conf drives both the local builder and the
 * Containerfiles users build with a registry; the committed Containerfiles must be what it generates.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { join } from "node:path";

test("the committed Containerfiles match hack/images/*/image.conf", async t => {
  const root = join(__dirname, "../..");
  const result = await new Promise<{ code: number; output: string }>(resolve => {
    execFile("bash", [join(root, "hack/images/containerfile.sh"), "--check"], { timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? 1 : 0, output: stdout + stderr }),
    );
  });
  t.is(result.code, 0, result.output);
});
