#!/usr/bin/env node
// Entry point of the kubectl-virt CLI (a kubectl plugin when on PATH): runs the TypeScript sources through tsx.
import { createRequire } from "node:module";
import { register } from "tsx/cjs/api";

register();
const require = createRequire(import.meta.url);
const { main } = require("../src/cli/main.ts");
const code = await main(process.argv.slice(2), {
  out: text => process.stdout.write(`${text}\n`),
  err: text => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
