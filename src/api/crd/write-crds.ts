import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderCrds } from "./render";

const dir = join(__dirname, "..", "..", "..", "crds");
mkdirSync(dir, { recursive: true });
for (const { file, text } of renderCrds()) {
  writeFileSync(join(dir, file), text);
  console.log(`wrote crds/${file}`);
}
