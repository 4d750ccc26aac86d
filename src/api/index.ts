import "reflect-metadata";
export * from "./v1";
export * from "./kinds";
export type { Cause } from "./cause";
export { formatCauses, joinPath } from "./cause";
export { isQuantity, parseQuantity } from "./schema";
