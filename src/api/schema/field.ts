import "reflect-metadata";
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from "class-validator";
import { FIELDS_KEY, TYPE_DESCRIPTION_KEY } from "./metadata-keys";
import { ApiClass, FieldDeclaration, FieldOptions, FieldSchema } from "./field-schema";
import { isQuantity } from "./quantity";

/** Describes an API type: the text `kubectl explain` shows for it. */
export function ApiType(description: string): ClassDecorator {
  return target => Reflect.defineMetadata(TYPE_DESCRIPTION_KEY, description, target);
}

/**
 * Declares a field: records its schema for the CRD generator and the materializer, and applies
 * the class-validator decorators that check it at run time. One declaration, both uses.
 */
export function Field(schema: FieldSchema, description: string, options: FieldOptions = {}): PropertyDecorator {
  if (!description) throw new Error("Field: every API field needs a description (kubectl explain shows it)");
  return (target, key) => {
    const name = String(key);
    const owner = target.constructor;
    const own = (Reflect.getOwnMetadata(FIELDS_KEY, owner) ?? []) as FieldDeclaration[];
    const declaration: FieldDeclaration = { name, description, required: options.required ?? false, schema };
    Reflect.defineMetadata(FIELDS_KEY, [...own, declaration], owner);
    for (const decorate of validatorsFor(schema, declaration.required)) decorate(target, key);
  };
}

function validatorsFor(schema: FieldSchema, required: boolean): PropertyDecorator[] {
  const presence = required ? IsDefined() : IsOptional();
  if (schema.kind === "array") return [presence, IsArray(), ...elementValidators(schema.items, true)];
  return [presence, ...elementValidators(schema, false)];
}

function elementValidators(schema: FieldSchema, each: boolean): PropertyDecorator[] {
  const opts = { each };
  switch (schema.kind) {
    case "string":
      return [
        IsString(opts),
        ...(schema.enum ? [IsIn([...schema.enum], { ...opts, message: `$property must be one of: ${schema.enum.join(", ")}` })] : []),
        ...(schema.pattern ? [Matches(new RegExp(schema.pattern), opts)] : []),
      ];
    case "integer":
      return [
        IsInt(opts),
        ...(schema.minimum !== undefined ? [Min(schema.minimum, opts)] : []),
        ...(schema.maximum !== undefined ? [Max(schema.maximum, opts)] : []),
      ];
    case "boolean":
      return [IsBoolean(opts)];
    case "quantity":
      return [IsQuantity(opts)];
    case "object":
      return [IsObject(opts), ValidateNested(opts)];
    case "map":
      return [IsObject(opts), MapValues(schema.values, opts)];
    case "array":
      return [IsArray(opts)];
    case "free":
      return [IsObject(opts)];
  }
}

function IsQuantity(opts: { each: boolean }): PropertyDecorator {
  return ValidateBy(
    {
      name: "isQuantity",
      validator: {
        validate: isQuantity,
        defaultMessage: () => "$property must be a quantity such as 64Mi, 1Gi, 500m or 2",
      },
    },
    opts,
  );
}

function MapValues(values: FieldSchema, opts: { each: boolean }): PropertyDecorator {
  const check = values.kind === "quantity" ? isQuantity : (v: unknown) => typeof v === "string";
  const what = values.kind === "quantity" ? "quantities such as 64Mi or 500m" : "strings";
  return ValidateBy(
    {
      name: "mapValues",
      validator: {
        validate: (v: unknown) => typeof v === "object" && v !== null && Object.values(v).every(check),
        defaultMessage: () => `every value of $property must be ${what}`,
      },
    },
    opts,
  );
}

export type { ApiClass };
