export * from "./instancetype";
export * from "./preference-devices";
export * from "./preference";
export * from "./kinds";
