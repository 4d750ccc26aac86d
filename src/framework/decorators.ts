import "reflect-metadata";
import { BINDINGS_KEY, CAPABILITY_KEY } from "./metadata-keys";
import { AdmissionEvent, BindingAction, BindingDeclaration, CapabilityDeclaration, KindRef } from "./declarations";

/** Marks a class as a Pepr capability. The class's decorated methods are its bindings. */
export function Capability(declaration: CapabilityDeclaration): ClassDecorator {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(declaration.name)) {
    throw new Error(`@Capability: name "${declaration.name}" must be a DNS label (Pepr uses it in resource names)`);
  }
  return target => Reflect.defineMetadata(CAPABILITY_KEY, declaration, target);
}

function bindingDecorator(action: BindingAction) {
  return (kind: KindRef, event: AdmissionEvent = "CREATE_OR_UPDATE"): MethodDecorator =>
    (target, key) => {
      if (kind.group === undefined || !kind.version || !kind.kind || !kind.plural) {
        throw new Error(`@${action}: ${String(key)} needs a kind with group, version, kind and plural`);
      }
      const owner = target.constructor;
      const own = (Reflect.getOwnMetadata(BINDINGS_KEY, owner) ?? []) as BindingDeclaration[];
      const binding = { action, kind, event, method: String(key) } as BindingDeclaration;
      // Append: a method may carry several bindings (one per kind or event).
      Reflect.defineMetadata(BINDINGS_KEY, [...own, binding], owner);
    };
}

/** The method mutates matching admission requests (defaults). */
export const Mutate = bindingDecorator("mutate");
/** The method approves or denies matching admission requests. */
export const Validate = bindingDecorator("validate");
/** The method is called for every watch event of the kind (at-most-once, in the watcher). */
export const Watch = bindingDecorator("watch");
/** The method reconciles the kind: events queued and handled one at a time, in order. */
export const Reconcile = bindingDecorator("reconcile");
