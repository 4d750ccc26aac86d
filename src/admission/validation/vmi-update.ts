import { Cause } from "../../api";
import { isRecord } from "./access";

/*
 * A VMI's spec is fixed once it is created, as in KubeVirt: the launcher built the VM from it, so
 * a changed spec would describe a VM that is not the one running. Only the platform's own service
 * accounts may write it (none does today); metadata and status stay writable.
 */

/** Service-account namespaces of the platform: the module (pepr-system) and the node agent (kubevirt). */
export const PLATFORM_SERVICE_ACCOUNT_PREFIXES: readonly string[] = ["system:serviceaccount:pepr-system:", "system:serviceaccount:kubevirt:"];

export function isPlatformUser(username: string | undefined): boolean {
  return username !== undefined && PLATFORM_SERVICE_ACCOUNT_PREFIXES.some(p => username.startsWith(p));
}

/** JSON with object keys sorted: two specs are the same when their canonical forms are. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map(k => [k, v[k]])) : v,
  );
}

/** The top-level spec fields that differ, for the message. */
function changedFields(before: unknown, after: unknown): string[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(k => canonical(a[k]) !== canonical(b[k])).sort();
}

export function vmiSpecUnchanged(oldObject: unknown, object: unknown, username: string | undefined): Cause[] {
  if (!isRecord(oldObject) || !isRecord(object) || isPlatformUser(username)) return [];
  if (canonical(oldObject.spec) === canonical(object.spec)) return [];
  const fields = changedFields(oldObject.spec, object.spec).map(f => `spec.${f}`);
  return [{ field: fields[0] ?? "spec", message: `a VirtualMachineInstance's spec cannot change after creation (changed: ${fields.join(", ")}); change its VirtualMachine's template and restart the VM, or delete and re-create the VMI` }];
}
