export { ApiType, Field } from "./field";
export { Bool, EnumList, Free, FreeList, Int, IntList, IntMap, IntOrString, List, Obj, Quantity, QuantityMap, Str, StrList, StrMap } from "./fields";
export type { ApiClass, FieldDeclaration, FieldSchema } from "./field-schema";
export { readFields, readTypeDescription } from "./read-fields";
export { materialize, isPlainObject } from "./materialize";
export { validateStructure } from "./validate-structure";
export { isQuantity, parseQuantity, QUANTITY_PATTERN } from "./quantity";
