/** A class with a no-argument constructor: the shape every API type has. */
export type ApiClass<T = object> = new () => T;

/**
 * What a field holds, as data. The CRD generator, the structural validator and the
 * materializer all read this one description.
 */
export type FieldSchema =
  | { kind: "string"; enum?: readonly string[]; pattern?: string }
  | { kind: "integer"; minimum?: number; maximum?: number; format?: "int32" | "int64" }
  | { kind: "boolean" }
  | { kind: "quantity" }
  | { kind: "intOrString" }
  | { kind: "object"; type: () => ApiClass }
  | { kind: "array"; items: FieldSchema }
  | { kind: "map"; values: FieldSchema }
  | { kind: "free" };

export interface FieldOptions {
  /** The field must be present. */
  required?: boolean;
}

export interface FieldDeclaration {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly schema: FieldSchema;
}
