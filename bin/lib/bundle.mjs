// Runs a component (virt-launcher, virt-handler, virt-api) from its esbuild bundle with plain Node:
// no TypeScript compiler in the running process, and no esbuild child beside it.
// In a checkout (hack/bundle/build.mjs exists) the bundle is rebuilt first when any of its sources
// changed, judged by the size and mtime of every input the last build read; an image ships the
// bundles built and has no sources to compare.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Each component's entry module; its `main` is what the bin script calls. */
export const COMPONENTS = {
  "virt-launcher": "src/launcher/main.ts",
  "virt-handler": "src/handler/main.ts",
  "virt-api": "src/api-server/main.ts",
};

export const bundleFile = (component, dir = join(ROOT, "build")) => join(dir, `${component}.cjs`);
/** Beside each bundle: the inputs its build read, as [path relative to ROOT, size, mtimeMs]. */
export const inputsFile = (component, dir = join(ROOT, "build")) => join(dir, `${component}.inputs.json`);

/** Whether the bundle is missing or any recorded input differs in size or mtime (or is gone). */
export function isStale(component, dir = join(ROOT, "build")) {
  if (!existsSync(bundleFile(component, dir)) || !existsSync(inputsFile(component, dir))) return true;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile(component, dir), "utf8"));
  } catch {
    return true;
  }
  return inputs.some(([path, size, mtimeMs]) => {
    const s = statSync(join(ROOT, path), { throwIfNoEntry: false });
    return s === undefined || s.size !== size || s.mtimeMs !== mtimeMs;
  });
}

const isCheckout = () => existsSync(join(ROOT, "hack/bundle/build.mjs"));

/** Loads the component's bundle (rebuilding it first in a checkout when stale) and returns its exports. */
export function loadComponent(component) {
  if (!(component in COMPONENTS)) throw new Error(`unknown component ${component}: one of ${Object.keys(COMPONENTS).join(", ")}`);
  if (isCheckout() && isStale(component)) {
    // A child process: esbuild's memory never lands in the component's own process.
    const build = spawnSync(process.execPath, [join(ROOT, "hack/bundle/build.mjs"), component], { stdio: ["ignore", 2, 2] });
    if (build.status !== 0) throw new Error(`building the ${component} bundle failed (node hack/bundle/build.mjs ${component})`);
  }
  if (!existsSync(bundleFile(component))) throw new Error(`${bundleFile(component)} is missing: the image must ship it (hack/bundle/build.mjs ${component})`);
  return createRequire(import.meta.url)(bundleFile(component));
}
