/** Every reflect-metadata key the API layer uses, in one place. */
export const FIELDS_KEY = Symbol.for("kubevirt-ts:api:fields");
export const TYPE_DESCRIPTION_KEY = Symbol.for("kubevirt-ts:api:type-description");
