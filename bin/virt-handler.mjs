#!/usr/bin/env node
// Entry point of virt-handler (the node agent, one per node): runs its bundle with plain Node (bin/lib/bundle.mjs).
import { loadComponent } from "./lib/bundle.mjs";

const { main } = loadComponent("virt-handler");
process.exit(await main());
