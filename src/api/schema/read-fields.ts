import "reflect-metadata";
import { FIELDS_KEY, TYPE_DESCRIPTION_KEY } from "./metadata-keys";
import { ApiClass, FieldDeclaration } from "./field-schema";

/**
 * The fields declared on a class and its ancestors, ancestors first. A subclass may redeclare a
 * field; its declaration wins.
 */
export function readFields(type: ApiClass): FieldDeclaration[] {
  const chain: ApiClass[] = [];
  for (let t: unknown = type; typeof t === "function" && t !== Function.prototype; ) {
    chain.unshift(t as ApiClass);
    t = Object.getPrototypeOf(t);
  }
  const byName = new Map<string, FieldDeclaration>();
  for (const t of chain) {
    const own = (Reflect.getOwnMetadata(FIELDS_KEY, t) ?? []) as FieldDeclaration[];
    for (const field of own) byName.set(field.name, field);
  }
  return [...byName.values()];
}

export function readTypeDescription(type: ApiClass): string | undefined {
  return Reflect.getOwnMetadata(TYPE_DESCRIPTION_KEY, type) as string | undefined;
}
