import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";
import type { VirtualMachineInstance } from "../../api";
import { convertLegacyVirtualMachine, isLegacyVirtualMachine } from "../../api/v1alpha1";

type Json = Record<string, unknown>;

export interface StandaloneManifest {
  vmi: VirtualMachineInstance;
  /** Secrets and ConfigMaps found in the same file, by name, values decoded. */
  secrets: Record<string, Record<string, string>>;
  configMaps: Record<string, Record<string, string>>;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A VMI from a VMI, a v1 VirtualMachine (its template) or a legacy v1alpha1 VirtualMachine. */
export function vmiFromObject(object: Json): VirtualMachineInstance {
  const source = isLegacyVirtualMachine(object) ? convertLegacyVirtualMachine(object) : object;
  const metadata = isObject(source.metadata) ? source.metadata : {};
  if (source.kind === "VirtualMachineInstance") return source as unknown as VirtualMachineInstance;
  const template = isObject(source.spec) && isObject(source.spec.template) ? source.spec.template : undefined;
  if (source.kind !== "VirtualMachine" || template === undefined || !isObject(template.spec)) {
    throw new Error(`expected a VirtualMachineInstance or a VirtualMachine with a template, got kind ${String(source.kind)}`);
  }
  return {
    apiVersion: "kubevirt.io/v1",
    kind: "VirtualMachineInstance",
    metadata: { ...metadata, ...(isObject(template.metadata) ? template.metadata : {}), name: metadata.name, namespace: metadata.namespace ?? "default" },
    spec: template.spec,
  } as unknown as VirtualMachineInstance;
}

function decodedData(doc: Json, base64: boolean): Record<string, string> {
  const data = isObject(doc.data) ? doc.data : {};
  const plain = isObject(doc.stringData) ? doc.stringData : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = base64 ? Buffer.from(String(v), "base64").toString("utf8") : String(v);
  for (const [k, v] of Object.entries(plain)) out[k] = String(v);
  return out;
}

export async function readManifest(path: string): Promise<StandaloneManifest> {
  const text = await readFile(path, "utf8").catch((err: unknown) => {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  });
  const docs = parseAllDocuments(text).map((d) => d.toJS() as unknown).filter(isObject);
  const secrets: StandaloneManifest["secrets"] = {};
  const configMaps: StandaloneManifest["configMaps"] = {};
  let vmi: VirtualMachineInstance | undefined;
  for (const doc of docs) {
    const name = isObject(doc.metadata) ? String(doc.metadata.name) : "";
    if (doc.kind === "Secret") secrets[name] = decodedData(doc, true);
    else if (doc.kind === "ConfigMap") configMaps[name] = decodedData(doc, false);
    else if (vmi === undefined && (doc.kind === "VirtualMachineInstance" || doc.kind === "VirtualMachine")) vmi = vmiFromObject(doc);
  }
  if (vmi === undefined) throw new Error(`${path} holds no VirtualMachineInstance or VirtualMachine`);
  const meta = vmi.metadata ?? {};
  vmi.metadata = { ...meta, namespace: meta.namespace ?? "default" };
  return { vmi, secrets, configMaps };
}
