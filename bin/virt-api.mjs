#!/usr/bin/env node
// Entry point of virt-api (the subresources.kubevirt.io aggregated API server): runs its bundle with plain Node (bin/lib/bundle.mjs).
import { loadComponent } from "./lib/bundle.mjs";

const { main } = loadComponent("virt-api");
process.exit(await main());
