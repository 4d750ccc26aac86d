import { stringify } from "yaml";
import { AdmissionPolicy, admit, DEFAULT_POLICY } from "../admission/chain";
import { isPlainObject } from "../api/schema";
import { offlineCatalog, resolveOffline } from "./offline-instancetypes";
import { readDocuments, SourceDocument } from "./read-documents";

export type OutputFormat = "yaml" | "json" | undefined;

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly readStdin?: () => string;
}

/**
 * `kubectl-virt validate -f FILE [-o yaml|json]`: runs the module's admission chain (v1alpha1
 * conversion, defaults, validation) offline on every document; a VM's instancetype and preference
 * come from the documents given or the common ones the controller installs. Exit code 0 when all are
 * admitted, 1 when any is denied.
 */
export function validateCommand(files: readonly string[], output: OutputFormat, io: CommandIo, policy: AdmissionPolicy = DEFAULT_POLICY): number {
  const documents = files.flatMap(f => readDocuments(f, io.readStdin));
  const catalog = offlineCatalog(documents.map(d => d.value));
  const admitted: unknown[] = [];
  let denied = 0;
  for (const doc of documents) {
    const result = admit({ object: doc.value, operation: "CREATE" }, { ...policy, instancetypes: resolveOffline(doc.value, catalog) });
    if (result.allowed) {
      admitted.push(result.object);
      if (!output) io.out(`${describe(doc)} admitted`);
    } else {
      denied++;
      io.err([`${describe(doc)} is invalid (${doc.origin}):`, ...result.causes.map(c => `  * ${c.field}: ${c.message}`)].join("\n"));
    }
  }
  if (output && denied === 0) io.out(render(admitted, output));
  return denied === 0 ? 0 : 1;
}

function describe(doc: SourceDocument): string {
  const object = isPlainObject(doc.value) ? doc.value : {};
  const kind = typeof object.kind === "string" ? object.kind.toLowerCase() : "object";
  const metadata = isPlainObject(object.metadata) ? object.metadata : {};
  const name = typeof metadata.name === "string" ? metadata.name : typeof metadata.generateName === "string" ? `${metadata.generateName}*` : "<unnamed>";
  const group = typeof object.apiVersion === "string" && object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "kubevirt.io";
  return `${kind}.${group}/${name}`;
}

function render(objects: unknown[], output: "yaml" | "json"): string {
  if (output === "json") {
    const value = objects.length === 1 ? objects[0] : { apiVersion: "v1", kind: "List", items: objects };
    return JSON.stringify(value, null, 2);
  }
  return objects.map(o => stringify(o, { lineWidth: 0 }).trimEnd()).join("\n---\n");
}
