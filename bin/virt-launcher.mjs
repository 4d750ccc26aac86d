#!/usr/bin/env node
// Entry point of virt-launcher (one per VM): runs its bundle with plain Node (bin/lib/bundle.mjs).
import { loadComponent } from "./lib/bundle.mjs";

const { main } = loadComponent("virt-launcher");
// exit explicitly: a lingering handle must not keep a finished launcher alive
process.exit(await main(process.argv.slice(2)));
