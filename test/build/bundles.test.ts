/**
 * The components' esbuild bundles (hack/bundle/build.mjs): each builds, loads with plain Node and
 * exports the `main` its bin script calls; a changed input makes it stale (bin/lib/bundle.mjs).
 */
import test from "ava";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const COMPONENTS = ["virt-launcher", "virt-handler", "virt-api"];
const outdir = mkdtempSync(join(tmpdir(), "kvts-bundles-"));
const run = (args: string[]): Promise<{ code: number; out: string }> =>
  new Promise((resolve) => execFile(process.execPath, args, { cwd: ROOT, timeout: 180_000 }, (err, stdout, stderr) => resolve({ code: err ? 1 : 0, out: stdout + stderr })));

test.before(async (t) => {
  const built = await run([join(ROOT, "hack/bundle/build.mjs"), "--outdir", outdir, ...COMPONENTS]);
  t.is(built.code, 0, built.out);
});
test.after.always(() => rmSync(outdir, { recursive: true, force: true }));

for (const component of COMPONENTS) {
  test.serial(`${component}: the bundle loads with plain Node, exports main and keeps @unraid/libvirt external`, async (t) => {
    const file = join(outdir, `${component}.cjs`);
    const loaded = await run(["-e", `process.stdout.write(typeof require(${JSON.stringify(file)}).main)`]);
    t.is(loaded.out, "function");
    const text = readFileSync(file, "utf8");
    t.false(text.includes("libvirt.node"), "the native addon is not inlined");
    if (component === "virt-launcher") t.true(text.includes(`import("@unraid/libvirt")`), "loaded from node_modules at run time");
  });
}

test.serial("a bundle is stale when an input's size or mtime differs from its build", async (t) => {
  const check = (): Promise<{ code: number; out: string }> =>
    run(["--input-type=module", "-e", `import { isStale } from ${JSON.stringify(join(ROOT, "bin/lib/bundle.mjs"))}; process.stdout.write(String(isStale("virt-launcher", ${JSON.stringify(outdir)})))`]);
  t.is((await check()).out, "false");
  const inputsPath = join(outdir, "virt-launcher.inputs.json");
  const inputs = JSON.parse(readFileSync(inputsPath, "utf8")) as [string, number, number][];
  inputs[0]![1] += 1;
  writeFileSync(inputsPath, JSON.stringify(inputs));
  t.is((await check()).out, "true");
});
