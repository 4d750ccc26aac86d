#!/usr/bin/env node
// Entry point of virt-handler (the node agent, one per node): runs the TypeScript sources through tsx.
import { createRequire } from "node:module";
import { register } from "tsx/cjs/api";

register();
const require = createRequire(import.meta.url);
const { main } = require("../src/handler/main.ts");
process.exit(await main());
