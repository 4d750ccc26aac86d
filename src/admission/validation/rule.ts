import { Cause, joinPath, VirtualMachineInstanceSpec } from "../../api";
import { ValidationContext } from "./context";

/**
 * One admission rule: a pure check of a VMI spec found at `path` ("spec" or
 * "spec.template.spec"). It returns no causes when the spec passes.
 */
export type SpecRule = (spec: VirtualMachineInstanceSpec, path: string, ctx: ValidationContext) => Cause[];

/** Builds a field path from segments: `at("spec", "volumes", 2, "name")` is `spec.volumes[2].name`. */
export function at(path: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((parent, child) => joinPath(parent, child), path);
}

export function cause(field: string, message: string): Cause {
  return { field, message };
}

/** Quotes a user-supplied value for a message, so empty strings and odd characters stay visible. */
export function quote(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value; // BigInt or a cycle: say what kind of value it is rather than throw
  }
}
