/** Every reflect-metadata key of the capability decorators, in one place. */
export const CAPABILITY_KEY = Symbol.for("kubevirt-ts:framework:capability");
export const BINDINGS_KEY = Symbol.for("kubevirt-ts:framework:bindings");
