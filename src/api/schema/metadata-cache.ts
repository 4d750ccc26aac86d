import { getMetadataStorage } from "class-validator";
import type { ValidationMetadata } from "class-validator/types/metadata/ValidationMetadata";

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage["getTargetValidationMetadatas"];
type Grouped = ReturnType<Storage["groupByPropertyName"]>;

const INSTALLED = Symbol.for("kubevirt-ts.metadataCache");

/**
 * class-validator looks up a class's metadata on every validation, and each lookup scans every
 * declared class to find its ancestors. With the whole v1.6 API declared (hundreds of classes) that
 * scan was the largest share of an admission request's CPU. A lookup depends only on the class and
 * the options, and metadata only changes while decorators run, so the answers are kept here and
 * dropped whenever a decorator adds metadata. Idempotent: the storage is process-global.
 */
export function installMetadataCache(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  let lookups = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let groups = new WeakMap<ValidationMetadata[], Grouped>();
  const forget = (): void => {
    lookups = new Map();
    groups = new WeakMap();
  };

  const add = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    add(metadata);
  };
  const addSchema = storage.addValidationSchema.bind(storage);
  storage.addValidationSchema = (schema) => {
    forget();
    addSchema(schema);
  };

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groupNames) => {
    const key = `${schema}\0${always}\0${strictGroups}\0${(groupNames ?? []).join("\0")}`;
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groupNames)));
    return found;
  };

  // Callers group the array they were just given, so the cached array's grouping is cached with it.
  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let grouped = groups.get(metadata);
    if (!grouped) groups.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
}
