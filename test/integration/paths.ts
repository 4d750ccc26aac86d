/** Field paths present in `after` but not in `before`: the defaults admission filled in. */
export function addedPaths(before: unknown, after: unknown, path: string): string[] {
  if (before === undefined) return [path];
  if (Array.isArray(after)) {
    const prev = Array.isArray(before) ? before : [];
    return after.flatMap((item, i) => addedPaths(prev[i], item, `${path}[${i}]`));
  }
  if (isObject(after)) {
    const prev = isObject(before) ? before : {};
    return Object.entries(after).flatMap(([key, value]) => addedPaths(prev[key], value, `${path}.${key}`));
  }
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
