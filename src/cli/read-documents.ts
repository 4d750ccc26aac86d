import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

export interface SourceDocument {
  /** Where the document came from, for messages: `vm.yaml`, `vm.yaml (document 2)`, `<stdin>`. */
  readonly origin: string;
  readonly value: unknown;
}

export class InputError extends Error {}

/** Reads a file (`-` for standard input) as one or more YAML or JSON documents. */
export function readDocuments(file: string, readStdin: () => string = () => readFileSync(0, "utf8")): SourceDocument[] {
  const name = file === "-" ? "<stdin>" : file;
  let text: string;
  try {
    text = file === "-" ? readStdin() : readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String((e as Error).message);
    throw new InputError(`cannot read ${name}: ${why}`, { cause: e });
  }
  return parseDocuments(text, name);
}

export function parseDocuments(text: string, name: string): SourceDocument[] {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const parsed: SourceDocument[] = [];
  list.forEach((doc, i) => {
    const origin = list.length > 1 ? `${name} (document ${i + 1})` : name;
    if (doc.errors.length > 0) {
      throw new InputError(`${origin} is not valid YAML or JSON: ${doc.errors[0].message.split("\n")[0]}`);
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) parsed.push({ origin, value });
  });
  if (parsed.length === 0) throw new InputError(`${name} holds no object: expected a VirtualMachine, VirtualMachineInstance or VirtualMachineInstanceReplicaSet`);
  return parsed;
}
