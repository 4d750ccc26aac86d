import { a, Capability as PeprCapability } from "pepr";
import { AdmissionEvent, BindingDeclaration } from "./declarations";
import { CapabilityClass, readCapability } from "./read-capability";

type Handler = (request: never) => unknown;
type WhenSelector = ReturnType<PeprCapability["When"]>;

/**
 * Registers a decorated capability class with Pepr: one `When(kind)` chain per declared binding,
 * calling the method on one instance of the class (made by `create`, so configuration can be
 * passed in). The only place that talks to Pepr's builder.
 */
export function toPeprCapability<T extends object>(type: CapabilityClass<T>, create: () => T = () => new type()): PeprCapability {
  const { capability, bindings } = readCapability(type);
  const peprCapability = new PeprCapability({
    name: capability.name,
    description: capability.description,
    namespaces: [...(capability.namespaces ?? [])],
  });
  const instance = create() as Record<string, unknown>;
  for (const binding of bindings) register(peprCapability, binding, handlerOf(instance, binding, type.name));
  return peprCapability;
}

function handlerOf(instance: Record<string, unknown>, binding: BindingDeclaration, className: string): Handler {
  const method = instance[binding.method];
  if (typeof method !== "function") throw new Error(`${className}.${binding.method} is not a method`);
  const bound = method.bind(instance) as Handler;
  // Pepr logs the callback's name; keep the method's.
  Object.defineProperty(bound, "name", { value: `${className}.${binding.method}` });
  return bound;
}

function selectEvent(selector: WhenSelector, event: AdmissionEvent) {
  switch (event) {
    case "CREATE":
      return selector.IsCreated();
    case "UPDATE":
      return selector.IsUpdated();
    case "DELETE":
      return selector.IsDeleted();
    case "CREATE_OR_UPDATE":
      return selector.IsCreatedOrUpdated();
  }
}

function register(capability: PeprCapability, binding: BindingDeclaration, handler: Handler): void {
  const chain = selectEvent(capability.When(a.GenericKind, binding.kind), binding.event);
  switch (binding.action) {
    case "mutate":
      chain.Mutate(handler as never);
      return;
    case "validate":
      chain.Validate(handler as never);
      return;
    case "watch":
      chain.Watch(handler as never);
      return;
    case "reconcile":
      chain.Reconcile(handler as never);
      return;
  }
}
