#!/usr/bin/env node
// Entry point of the kubectl-virt CLI (a kubectl plugin when on PATH): runs the TypeScript sources through tsx.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// tsx reads the tsconfig of the working directory by default: run from elsewhere (as a kubectl
// plugin is), the project's decorator settings were missing and every API class failed to load.
process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL("../tsconfig.json", import.meta.url));
const { register } = await import("tsx/cjs/api");
register();
const require = createRequire(import.meta.url);
const { main } = require("../src/cli/main.ts");
const code = await main(process.argv.slice(2), {
  out: text => process.stdout.write(`${text}\n`),
  err: text => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
