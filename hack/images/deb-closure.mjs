#!/usr/bin/env node
// Prints the installed Debian packages an image needs: the named packages plus everything they
// depend on (Depends + Pre-Depends, recursively), resolved against what dpkg has installed on this
// machine. The local image builder copies exactly these packages' files, so an image holds the same
// packages `apt-get install --no-install-recommends` would put into its Containerfile's base.
// Usage: deb-closure.mjs PACKAGE...   (exits 1 naming a package that is not installed)
import { execFileSync } from "node:child_process";

const fields = "${Package}\t${db:Status-Abbrev}\t${Provides}\t${Depends}\t${Pre-Depends}\n";
const rows = execFileSync("dpkg-query", ["-W", "-f", fields], { encoding: "utf8" }).split("\n").filter(Boolean);

const installed = new Map(); // package → its dependency groups (each group: alternatives)
const providers = new Map(); // virtual package → installed package providing it
const names = (list) => list.split(",").map((s) => s.trim()).filter(Boolean);
const bare = (dep) => dep.trim().split(/[\s(:]/)[0];
for (const row of rows) {
  const [pkg, status, provides, depends, preDepends] = row.split("\t");
  if (!status.startsWith("ii")) continue;
  const name = pkg.split(":")[0];
  installed.set(name, [...names(depends), ...names(preDepends)].map((g) => g.split("|").map(bare)));
  for (const p of names(provides)) providers.set(bare(p), name);
}

const resolve = (dep) => (installed.has(dep) ? dep : providers.get(dep));
const wanted = new Set();
const queue = process.argv.slice(2);
while (queue.length > 0) {
  const name = queue.shift();
  const pkg = resolve(name);
  if (pkg === undefined) {
    console.error(`deb-closure: ${name} is not installed here (add it to hack/apt-packages.txt)`);
    process.exit(1);
  }
  if (wanted.has(pkg)) continue;
  wanted.add(pkg);
  for (const group of installed.get(pkg)) {
    const choice = group.map(resolve).find((p) => p !== undefined);
    if (choice === undefined) {
      console.error(`deb-closure: ${pkg} needs one of ${group.join(" | ")}, none installed`);
      process.exit(1);
    }
    queue.push(choice);
  }
}
console.log([...wanted].sort().join("\n"));
