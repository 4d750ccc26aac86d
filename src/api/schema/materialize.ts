import { ApiClass, FieldSchema } from "./field-schema";
import { readFields } from "./read-fields";

/**
 * Turns parsed JSON into instances of the API classes so class-validator can check them.
 * Unknown keys are copied too: the validator reports them instead of dropping them silently.
 */
export function materialize<T extends object>(type: ApiClass<T>, plain: unknown): T | unknown {
  if (!isPlainObject(plain)) return plain;
  const fields = new Map(readFields(type).map(f => [f.name, f.schema]));
  const instance = new type() as Record<string, unknown>;
  for (const [key, value] of Object.entries(plain)) {
    const schema = fields.get(key);
    instance[key] = schema ? materializeValue(schema, value) : value;
  }
  return instance;
}

function materializeValue(schema: FieldSchema, value: unknown): unknown {
  if (schema.kind === "object") return materialize(schema.type(), value);
  if (schema.kind === "array" && Array.isArray(value)) return value.map(v => materializeValue(schema.items, v));
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
