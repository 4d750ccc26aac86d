import "reflect-metadata";
import { BINDINGS_KEY, CAPABILITY_KEY } from "./metadata-keys";
import { BindingDeclaration, CapabilityDeclaration } from "./declarations";

// Constructor arguments are allowed: configuration is parsed at the entry point and passed in.
export type CapabilityClass<T extends object = object> = new (...args: never[]) => T;

export interface CapabilityDefinition {
  readonly capability: CapabilityDeclaration;
  readonly bindings: readonly BindingDeclaration[];
}

/**
 * Everything the decorators recorded on a capability class. Bindings of a parent class come first;
 * a subclass adds to them, it does not replace them.
 */
export function readCapability(type: CapabilityClass): CapabilityDefinition {
  const capability = Reflect.getOwnMetadata(CAPABILITY_KEY, type) as CapabilityDeclaration | undefined;
  if (!capability) throw new Error(`${type.name} is not a capability: decorate it with @Capability({ name, description })`);
  const chain: object[] = [];
  for (let t: object | null = type; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) chain.unshift(t);
  const bindings = chain.flatMap(t => (Reflect.getOwnMetadata(BINDINGS_KEY, t) ?? []) as BindingDeclaration[]);
  if (bindings.length === 0) throw new Error(`${type.name} declares no bindings: decorate a method with @Mutate, @Validate, @Watch or @Reconcile`);
  return { capability, bindings };
}
