#!/usr/bin/env node
// Bundles one component (or all) with esbuild into build/COMPONENT.cjs, for plain Node to run.
// Usage: node hack/bundle/build.mjs [--outdir DIR] [COMPONENT...]   (default: all of bin/lib/bundle.mjs's COMPONENTS)
// Next to each bundle it records the inputs the build read (size and mtime), which bin/lib/bundle.mjs
// compares to decide a rebuild. @unraid/libvirt stays external: it is a native addon, loaded from
// node_modules at run time.
import { build } from "esbuild";
import { mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleFile, COMPONENTS, inputsFile, ROOT } from "../../bin/lib/bundle.mjs";

const EXTERNAL = ["@unraid/libvirt"];
// A change to the build itself rebuilds every bundle.
const BUILD_FILES = [fileURLToPath(import.meta.url), join(ROOT, "bin/lib/bundle.mjs"), join(ROOT, "tsconfig.json")];

async function bundle(component, outdir) {
  const outfile = bundleFile(component, outdir);
  const tmp = `${outfile}.${process.pid}.tmp`;
  const result = await build({
    entryPoints: [join(ROOT, COMPONENTS[component])],
    outfile: tmp,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: EXTERNAL,
    // class-validator and the API's schema layer key metadata and messages by class names
    keepNames: true,
    metafile: true,
    logLevel: "warning",
    absWorkingDir: ROOT,
  });
  const inputs = [...Object.keys(result.metafile.inputs).map((p) => join(ROOT, p)), ...BUILD_FILES].map((abs) => {
    const s = statSync(abs);
    return [relative(ROOT, abs), s.size, s.mtimeMs];
  });
  // Written before the rename: whoever sees the new bundle also sees its inputs (two launchers
  // starting at once may both rebuild; each rename is atomic and they write the same thing).
  writeFileSync(`${inputsFile(component, outdir)}`, `${JSON.stringify(inputs)}\n`);
  renameSync(tmp, outfile);
  return { outfile, bytes: statSync(outfile).size, inputs: inputs.length };
}

const args = process.argv.slice(2);
let outdir = join(ROOT, "build");
const at = args.indexOf("--outdir");
if (at >= 0) [, outdir] = args.splice(at, 2);
const components = args.length > 0 ? args : Object.keys(COMPONENTS);
for (const c of components) {
  if (!(c in COMPONENTS)) {
    console.error(`bundle: unknown component ${c}; one of ${Object.keys(COMPONENTS).join(", ")}`);
    process.exit(2);
  }
}
mkdirSync(outdir, { recursive: true });
const start = Date.now();
for (const c of components) {
  const r = await bundle(c, outdir);
  console.error(`bundle: ${relative(process.cwd(), r.outfile) || r.outfile} ${(r.bytes / 1024).toFixed(0)} KiB from ${r.inputs} inputs`);
}
console.error(`bundle: ${components.length} built in ${Date.now() - start} ms`);
