import { ValidationError, validateSync } from "class-validator";
import { Cause, joinPath } from "../cause";
import { ApiClass } from "./field-schema";
import { isPlainObject, materialize } from "./materialize";
import { installMetadataCache } from "./metadata-cache";

installMetadataCache();

/**
 * Checks a parsed object against its API class: types, enums, required fields and unknown
 * fields, reported as causes with field paths (`spec.domain.devices.disks[1].name`).
 */
export function validateStructure(type: ApiClass, plain: unknown, root = ""): Cause[] {
  if (!isPlainObject(plain)) return [{ field: root || "<root>", message: "must be an object" }];
  const instance = materialize(type, plain) as object;
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  return errors.flatMap(e => toCauses(e, root));
}

function toCauses(error: ValidationError, parent: string): Cause[] {
  const index = /^\d+$/.test(error.property) ? Number(error.property) : undefined;
  const path = joinPath(parent, index ?? error.property);
  const own = Object.entries(error.constraints ?? {}).map(([name, message]) =>
    name === "whitelistValidation"
      ? { field: path, message: `unknown field "${error.property}": remove it or check its spelling` }
      : { field: path, message: stripProperty(message, error.property) },
  );
  return [...own, ...(error.children ?? []).flatMap(child => toCauses(child, path))];
}

/** class-validator messages start with the property name; the path already says it. */
function stripProperty(message: string, property: string): string {
  const prefixes = [`each value in ${property} `, `${property} `];
  for (const prefix of prefixes) {
    if (message.startsWith(prefix)) return (prefix.startsWith("each") ? "each value " : "") + message.slice(prefix.length);
  }
  return message;
}
