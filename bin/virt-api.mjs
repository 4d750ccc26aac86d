#!/usr/bin/env node
// Entry point of virt-api (the subresources.kubevirt.io aggregated API server): runs the TypeScript sources through tsx.
import { createRequire } from "node:module";
import { register } from "tsx/cjs/api";

register();
const require = createRequire(import.meta.url);
const { main } = require("../src/api-server/main.ts");
process.exit(await main());
