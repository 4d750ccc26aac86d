export * from "./types";
export { convertLegacyVirtualMachine, isLegacyVirtualMachine } from "./convert";
export type { RequestKind } from "./convert";
