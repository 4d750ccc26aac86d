#!/usr/bin/env node
// Entry point of virt-launcher (one per VM): runs the TypeScript sources through tsx.
import { createRequire } from "node:module";
import { register } from "tsx/cjs/api";

register();
const require = createRequire(import.meta.url);
const { main } = require("../src/launcher/main.ts");
// exit explicitly: a lingering handle must not keep a finished launcher alive
process.exit(await main(process.argv.slice(2)));
