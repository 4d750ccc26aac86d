/**
 * One reason a request is refused, the way the API server reports it: a field path such as
 * `spec.domain.devices.disks[1].name` and a message that says what is wrong there.
 */
export interface Cause {
  readonly field: string;
  readonly message: string;
}

/** Joins causes into one message, like the API server's `field: message, field: message`. */
export function formatCauses(causes: readonly Cause[]): string {
  return causes.map(c => `${c.field}: ${c.message}`).join("; ");
}

/** Appends a child segment to a field path: `join("spec", "domain")`, `join("disks", 1)`. */
export function joinPath(parent: string, child: string | number): string {
  if (typeof child === "number") return `${parent}[${child}]`;
  return parent === "" ? child : `${parent}.${child}`;
}
