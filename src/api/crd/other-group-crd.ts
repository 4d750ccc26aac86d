import type { CustomResourceDefinition } from "./crd";
import { schemaOf } from "./openapi-schema";
import { OtherGroupKind } from "./other-groups";

/** The CustomResourceDefinition of a kind outside kubevirt.io, generated from its API class. */
export function otherGroupCrd(info: OtherGroupKind): CustomResourceDefinition {
  const schema = schemaOf(info.type);
  // The API server owns metadata's schema; a CRD may only say it is an object.
  if (schema.properties?.metadata) schema.properties.metadata = { type: "object" };
  const scale = { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: ".status.labelSelector" };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${info.plural}.${info.group}`, labels: { "app.kubernetes.io/part-of": "kubevirt-ts" } },
    spec: {
      group: info.group,
      names: { kind: info.kind, plural: info.plural, singular: info.singular, shortNames: [...info.shortNames], categories: ["all"] },
      scope: info.scope,
      versions: [
        {
          name: info.version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: schema },
          // Instancetypes and preferences have no status; pools have one and scale like a replica set.
          subresources: info.scale ? { status: {}, scale } : {},
          additionalPrinterColumns: [...info.printerColumns],
        },
      ],
    },
  };
}
