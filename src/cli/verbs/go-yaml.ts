import { stringify } from "yaml";

/**
 * YAML as sigs.k8s.io/yaml prints a Go object (what virtctl prints): keys sorted, list items at
 * their key's indentation, no line folding.
 */
export const goYaml = (value: unknown): string => stringify(value, { sortMapEntries: true, indentSeq: false, lineWidth: 0 });
