import { randomUUID } from "node:crypto";
import { Cause, formatCauses, type VirtualMachineInstance } from "../../api";
import { admit } from "../../admission/chain";
import { dnsLabelErrors, dnsSubdomainErrors } from "../../admission/validation/names";

/*
 * The launcher trusts nothing it is handed: the standalone file and every `sync` go through the
 * admission chain the API server runs (conversion, defaults, validation), so a VMI the cluster
 * would refuse is refused here too, with the same field paths, before any file is touched.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export class InvalidVmiError extends Error {
  readonly code = "invalid-vmi";
  constructor(readonly causes: readonly Cause[]) {
    super(`the VMI is invalid: ${formatCauses(causes)}`);
  }
}

/** The domain name (namespace_name) and cloud-init identity come from these; the API server would check them. */
function metadataCauses(metadata: Json): Cause[] {
  const causes: Cause[] = [];
  const { name, namespace } = metadata;
  if (typeof name !== "string" || name === "") causes.push({ field: "metadata.name", message: "is required" });
  else for (const e of dnsSubdomainErrors(name)) causes.push({ field: "metadata.name", message: `${JSON.stringify(name)} ${e}` });
  if (namespace !== undefined && typeof namespace !== "string") causes.push({ field: "metadata.namespace", message: "must be a string" });
  else if (typeof namespace === "string") for (const e of dnsLabelErrors(namespace)) causes.push({ field: "metadata.namespace", message: `${JSON.stringify(namespace)} ${e}` });
  return causes;
}

/**
 * Pure: the causes that refuse `vmi`, or none. Only what the launcher acts on is checked (the
 * identity and the spec); status and server-written metadata are the cluster's business.
 */
export function vmiInputCauses(vmi: unknown, featureGates: ReadonlySet<string>): Cause[] {
  if (!isObject(vmi)) return [{ field: "<root>", message: "must be a VirtualMachineInstance object" }];
  if (vmi.kind !== undefined && vmi.kind !== "VirtualMachineInstance") {
    return [{ field: "kind", message: `must be VirtualMachineInstance; got ${JSON.stringify(vmi.kind)}` }];
  }
  const metadata = isObject(vmi.metadata) ? vmi.metadata : {};
  const identity = metadataCauses(metadata);
  if (identity.length > 0) return identity;
  const object = {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstance",
    metadata: { name: metadata.name, namespace: metadata.namespace ?? "default" },
    spec: vmi.spec,
  };
  const result = admit({ object, operation: "CREATE" }, { featureGates, newUuid: randomUUID });
  return result.allowed ? [] : result.causes;
}

/** Throws InvalidVmiError (code "invalid-vmi", every cause with its field path) when the VMI is refused. */
export function checkVmiInput(vmi: unknown, featureGates: ReadonlySet<string>): VirtualMachineInstance {
  const causes = vmiInputCauses(vmi, featureGates);
  if (causes.length > 0) throw new InvalidVmiError(causes);
  return vmi as VirtualMachineInstance;
}
