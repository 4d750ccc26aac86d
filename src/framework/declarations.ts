/** A Kubernetes kind a binding applies to, with the resource name its webhook rule uses. */
export interface KindRef {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
}

export type AdmissionEvent = "CREATE" | "UPDATE" | "CREATE_OR_UPDATE" | "DELETE";

export interface CapabilityDeclaration {
  readonly name: string;
  readonly description: string;
  /** Namespaces the capability is limited to; all when empty. */
  readonly namespaces?: readonly string[];
}

interface BindingBase {
  readonly kind: KindRef;
  readonly event: AdmissionEvent;
  /** The decorated method's name on the capability class. */
  readonly method: string;
}

/** What a decorated method declares, as data: one variant per action (no bag of optional flags). */
export type BindingDeclaration =
  | (BindingBase & { readonly action: "mutate" })
  | (BindingBase & { readonly action: "validate" })
  | (BindingBase & { readonly action: "watch" })
  | (BindingBase & { readonly action: "reconcile" });

export type BindingAction = BindingDeclaration["action"];
