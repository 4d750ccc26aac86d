import { joinPath, type Cause } from "../api/cause";

/** A field of the VM the instancetype also sets, in KubeVirt's words. */
export const conflictAt = (path: string): Cause => ({ field: path, message: `VM field(s) ${path} conflicts with selected instance type` });

/** `base.a.b` for each of the names. */
export const childPath = (base: string, ...names: string[]): string => names.reduce(joinPath, base);
