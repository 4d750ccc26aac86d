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
  ValidationArguments,
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
        ...(schema.enum ? [IsIn([...schema.enum], { ...opts, message: unsupportedValue(schema.enum) })] : []),
        ...(schema.pattern ? [Matches(new RegExp(schema.pattern), { ...opts, message: invalidValue(`must match the pattern ${schema.pattern}`) })] : []),
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
    case "intOrString":
      return [IsIntOrString(opts)];
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
        defaultMessage: invalidValue("must be a quantity such as 64Mi, 1Gi, 500m or 2"),
      },
    },
    opts,
  );
}

function IsIntOrString(opts: { each: boolean }): PropertyDecorator {
  return ValidateBy(
    {
      name: "isIntOrString",
      validator: {
        validate: (v: unknown) => Number.isInteger(v) || typeof v === "string",
        defaultMessage: invalidValue("must be an integer or a string such as 25%"),
      },
    },
    opts,
  );
}

function MapValues(values: FieldSchema, opts: { each: boolean }): PropertyDecorator {
  const { check, what } = MAP_VALUE_CHECKS[values.kind] ?? MAP_VALUE_CHECKS.string!;
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

/** How each map value kind is checked, and how a denial names what was expected. */
const MAP_VALUE_CHECKS: Partial<Record<FieldSchema["kind"], { check: (v: unknown) => boolean; what: string }>> = {
  quantity: { check: isQuantity, what: "quantities such as 64Mi or 500m" },
  integer: { check: v => Number.isInteger(v), what: "integers" },
  string: { check: v => typeof v === "string", what: "strings" },
};

/** The API server's wording for a value outside an enum: it echoes the value and lists the allowed ones. */
function unsupportedValue(allowed: readonly string[]): (args: ValidationArguments) => string {
  const supported = allowed.map(v => JSON.stringify(v)).join(", ");
  return args => `Unsupported value: ${echo(args.value)}: supported values: ${supported}`;
}

/** The API server's wording for a malformed value: it echoes the value, then says what is expected. */
function invalidValue(expected: string): (args: ValidationArguments) => string {
  return args => `Invalid value: ${echo(args.value)}: ${expected}`;
}

function echo(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export type { ApiClass };
