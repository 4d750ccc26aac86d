// A worker thread's entry: worker threads do not inherit tsx's loader, so register it here (as bin/*.mjs do).
import { createRequire } from "node:module";
import { register } from "tsx/cjs/api";

register();
createRequire(import.meta.url)("./worker.ts");
