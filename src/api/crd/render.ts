import { stringify } from "yaml";
import { allCrds } from "./crd";

const HEADER = "# Generated from the API classes in src/api by `npm run crds`. Do not edit.\n";

/** Each CRD's file name in crds/ and its YAML text. */
export function renderCrds(): { file: string; text: string }[] {
  return allCrds().map(crd => ({
    file: `${crd.metadata.name}.yaml`,
    text: HEADER + stringify(crd, { lineWidth: 0, aliasDuplicateObjects: false }),
  }));
}
