import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where hack/upstream/fetch.sh leaves KubeVirt v1.6.0's facts (npm test's pretest runs it). */
export const UPSTREAM_DIR = join(__dirname, "..", "..", ".local", "upstream", "kubevirt-v1.6.0");

const HOW_TO_FETCH = "run `bash hack/upstream/fetch.sh` (npm test's pretest step does) to download kubevirt.io/kubevirt@v1.6.0 through the Go module proxy";

/** KubeVirt v1.6.0's OpenAPI document. Throws (the test fails, never skips) when it was not fetched. */
export function readUpstreamOpenApi(): { definitions: Record<string, UpstreamSchema> } {
  const file = join(UPSTREAM_DIR, "swagger.json");
  if (!existsSync(file)) throw new Error(`${file} is missing: ${HOW_TO_FETCH}`);
  return JSON.parse(readFileSync(file, "utf8")) as { definitions: Record<string, UpstreamSchema> };
}

/** The file names of KubeVirt v1.6.0's examples/ folder. Throws when they were not fetched. */
export function upstreamExampleFiles(): string[] {
  const dir = join(UPSTREAM_DIR, "examples");
  if (!existsSync(dir)) throw new Error(`${dir} is missing: ${HOW_TO_FETCH}`);
  const files = readdirSync(dir).filter(f => f.endsWith(".yaml")).sort();
  if (files.length === 0) throw new Error(`${dir} holds no examples: ${HOW_TO_FETCH}`);
  return files.map(f => join(dir, f));
}

/** The parts of an OpenAPI v2 schema the comparison reads. */
export interface UpstreamSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  $ref?: string;
  items?: UpstreamSchema;
  additionalProperties?: UpstreamSchema | boolean;
  properties?: Record<string, UpstreamSchema>;
  required?: string[];
  allOf?: UpstreamSchema[];
}
