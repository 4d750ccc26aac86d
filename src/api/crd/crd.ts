import { GROUP, KINDS, KindInfo, KindName, LEGACY_VERSION, VERSION } from "../kinds";
import { LegacyVirtualMachine } from "../v1alpha1";
import { ApiClass } from "../schema";
import { JSONSchemaProps, schemaOf } from "./openapi-schema";
import { PRINTER_COLUMNS, PrinterColumn } from "./printer-columns";
import { otherGroupCrd } from "./other-group-crd";
import { OTHER_GROUP_KINDS } from "./other-groups";

export interface CustomResourceDefinition {
  apiVersion: "apiextensions.k8s.io/v1";
  kind: "CustomResourceDefinition";
  metadata: { name: string; labels: Record<string, string> };
  spec: {
    group: string;
    names: { kind: string; plural: string; singular: string; shortNames: string[]; categories: string[] };
    scope: "Namespaced" | "Cluster";
    versions: CrdVersion[];
  };
}

interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema: { openAPIV3Schema: JSONSchemaProps };
  subresources: { status?: Record<string, never>; scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath: string } };
  additionalPrinterColumns: PrinterColumn[];
}

/** The CustomResourceDefinition of one kind, generated from its API class. */
export function crdFor(kindName: KindName): CustomResourceDefinition {
  const info = KINDS[kindName];
  const versions = [version(info, VERSION, info.type, true)];
  // The seed's 2018 manifests: served so the API server keeps their fields for the webhook.
  if (kindName === "VirtualMachine") versions.push(version(info, LEGACY_VERSION, LegacyVirtualMachine, false));
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${info.plural}.${GROUP}`, labels: { "app.kubernetes.io/part-of": "kubevirt-ts" } },
    spec: {
      group: GROUP,
      names: { kind: info.kind, plural: info.plural, singular: info.singular, shortNames: [...info.shortNames], categories: ["all"] },
      scope: "Namespaced",
      versions,
    },
  };
}

function version(info: KindInfo, name: string, type: ApiClass, storage: boolean): CrdVersion {
  const schema = schemaOf(type);
  // The API server owns metadata's schema; a CRD may only say it is an object.
  if (schema.properties?.metadata) schema.properties.metadata = { type: "object" };
  return {
    name,
    served: true,
    storage,
    schema: { openAPIV3Schema: schema },
    subresources: {
      status: {},
      ...(info.kind === "VirtualMachineInstanceReplicaSet"
        ? { scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: ".status.labelSelector" } }
        : {}),
    },
    additionalPrinterColumns: PRINTER_COLUMNS[info.kind],
  };
}

export function allCrds(): CustomResourceDefinition[] {
  return [...(Object.keys(KINDS) as KindName[]).map(crdFor), ...OTHER_GROUP_KINDS.map(otherGroupCrd)];
}
