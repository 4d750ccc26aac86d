import { ApiClass, FieldOptions, FieldSchema } from "./field-schema";
import { Field } from "./field";

/**
 * Shorthands for the field kinds the kubevirt.io API uses. Nested types are given as thunks
 * (`() => Disk`) because the module bundler emits no design-time type metadata.
 */
type Opts = FieldOptions;
type StringOpts = Opts & { enum?: readonly string[]; pattern?: string };
type IntOpts = Opts & { minimum?: number; maximum?: number; format?: "int32" | "int64" };

export const Str = (description: string, o: StringOpts = {}): PropertyDecorator =>
  Field({ kind: "string", enum: o.enum, pattern: o.pattern }, description, o);

export const Int = (description: string, o: IntOpts = {}): PropertyDecorator =>
  Field({ kind: "integer", minimum: o.minimum, maximum: o.maximum, format: o.format }, description, o);

export const Bool = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "boolean" }, description, o);

export const Quantity = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "quantity" }, description, o);

export const Obj = (type: () => ApiClass, description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "object", type }, description, o);

export const List = (type: () => ApiClass, description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "array", items: { kind: "object", type } }, description, o);

export const StrList = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "array", items: { kind: "string" } }, description, o);

/** A list of strings drawn from a fixed set (access modes). */
export const EnumList = (values: readonly string[], description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "array", items: { kind: "string", enum: values } }, description, o);

export const IntList = (description: string, o: IntOpts = {}): PropertyDecorator =>
  Field({ kind: "array", items: { kind: "integer", format: o.format } }, description, o);

export const IntMap = (description: string, o: IntOpts = {}): PropertyDecorator =>
  Field({ kind: "map", values: { kind: "integer", format: o.format } }, description, o);

/** A list of objects Kubernetes itself defines (topology spread constraints, resource claims). */
export const FreeList = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "array", items: { kind: "free" } }, description, o);

export const StrMap = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "map", values: { kind: "string" } }, description, o);

export const QuantityMap = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "map", values: { kind: "quantity" } }, description, o);

/** An integer or a string, such as a count or a percentage (Kubernetes' IntOrString). */
export const IntOrString = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "intOrString" }, description, o);

/** An object Kubernetes itself defines and checks (object metadata, affinity): kept as given. */
export const Free = (description: string, o: Opts = {}): PropertyDecorator =>
  Field({ kind: "free" }, description, o);

export type { FieldSchema };
