import { ApiClass, FieldSchema, QUANTITY_PATTERN, readFields, readTypeDescription } from "../schema";

/** The subset of apiextensions.k8s.io/v1 JSONSchemaProps this project emits. */
export interface JSONSchemaProps {
  type?: "object" | "array" | "string" | "integer" | "boolean" | "number";
  description?: string;
  properties?: Record<string, JSONSchemaProps>;
  required?: string[];
  items?: JSONSchemaProps;
  additionalProperties?: JSONSchemaProps;
  enum?: string[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  "x-kubernetes-int-or-string"?: true;
  "x-kubernetes-preserve-unknown-fields"?: true;
  anyOf?: JSONSchemaProps[];
}

/**
 * The structural OpenAPI schema of an API class, with nested classes inlined (CRD schemas may
 * not contain $ref) and descriptions taken from the class and field declarations.
 */
export function schemaOf(type: ApiClass, description = readTypeDescription(type)): JSONSchemaProps {
  const fields = readFields(type);
  const properties: Record<string, JSONSchemaProps> = {};
  for (const field of fields) properties[field.name] = { ...fieldSchema(field.schema), description: field.description };
  const required = fields.filter(f => f.required).map(f => f.name);
  return {
    type: "object",
    ...(description ? { description } : {}),
    ...(fields.length ? { properties } : {}),
    ...(required.length ? { required } : {}),
  };
}

function fieldSchema(schema: FieldSchema): JSONSchemaProps {
  switch (schema.kind) {
    case "string":
      return { type: "string", ...(schema.enum ? { enum: [...schema.enum] } : {}), ...(schema.pattern ? { pattern: schema.pattern } : {}) };
    case "integer":
      return {
        type: "integer",
        ...(schema.format ? { format: schema.format } : {}),
        ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}),
        ...(schema.maximum !== undefined ? { maximum: schema.maximum } : {}),
      };
    case "boolean":
      return { type: "boolean" };
    case "quantity":
      return quantitySchema();
    case "intOrString":
      return { anyOf: [{ type: "integer" }, { type: "string" }], "x-kubernetes-int-or-string": true };
    case "object": {
      const nested = schemaOf(schema.type());
      delete nested.description;
      return nested;
    }
    case "array":
      return { type: "array", items: fieldSchema(schema.items) };
    case "map":
      return { type: "object", additionalProperties: fieldSchema(schema.values) };
    case "free":
      return { type: "object", "x-kubernetes-preserve-unknown-fields": true };
  }
}

function quantitySchema(): JSONSchemaProps {
  return {
    anyOf: [{ type: "integer" }, { type: "string" }],
    pattern: QUANTITY_PATTERN,
    "x-kubernetes-int-or-string": true,
  };
}
