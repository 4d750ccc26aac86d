import test from "ava";
import type { JSONSchemaProps } from "../../src/api/crd/openapi-schema";
import { diffSchemas } from "./schema-diff";
import type { UpstreamSchema } from "./upstream";

// The comparison itself, on small hand-made definitions: each kind of difference is found.
const defs: Record<string, UpstreamSchema> = {
  "v1.Thing": {
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string" },
      count: { type: "integer", format: "int32" },
      mode: { type: "string", enum: ["A", "B"] },
      size: { $ref: "#/definitions/k8s.io.apimachinery.pkg.api.resource.Quantity" },
      when: { type: ["string", "null"] },
      inner: { $ref: "#/definitions/v1.Inner" },
      affinity: { $ref: "#/definitions/k8s.io.api.core.v1.Affinity" },
      labels: { type: "object", additionalProperties: { type: "string" } },
      items: { type: "array", items: { $ref: "#/definitions/v1.Inner" } },
    },
  },
  "v1.Inner": { type: "object", properties: { on: { type: "boolean" } } },
  "k8s.io.api.core.v1.Affinity": { type: "object", properties: { nodeAffinity: { type: "object" } } },
};

const quantity: JSONSchemaProps = { anyOf: [{ type: "integer" }, { type: "string" }], "x-kubernetes-int-or-string": true };
const free: JSONSchemaProps = { type: "object", "x-kubernetes-preserve-unknown-fields": true };
const inner: JSONSchemaProps = { type: "object", properties: { on: { type: "boolean" } } };
const conforming: JSONSchemaProps = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string" },
    count: { type: "integer", format: "int32" },
    mode: { type: "string", enum: ["B", "A"] },
    size: quantity,
    when: { type: "string" },
    inner,
    affinity: free,
    labels: { type: "object", additionalProperties: { type: "string" } },
    items: { type: "array", items: inner },
  },
};

test("a conforming schema has no differences (enum order, nullable strings and free Kubernetes types are fine)", t => {
  t.deepEqual(diffSchemas(defs, "v1.Thing", conforming), []);
});

test("every kind of difference is reported with its path", t => {
  const crd: JSONSchemaProps = {
    ...conforming,
    required: [],
    properties: {
      ...conforming.properties,
      count: { type: "integer", format: "int64" },
      mode: { type: "string" },
      size: { type: "string" },
      inner: free,
      items: { type: "array", items: { type: "object", properties: { on: { type: "string" } } } },
      extra: { type: "string" },
    },
  };
  delete crd.properties!.when;
  const found = diffSchemas(defs, "v1.Thing", crd).map(d => `${d.kind} ${d.path}`);
  t.deepEqual(found.sort(), [
    "enum mode",
    "extra extra",
    "missing when",
    "mistyped count",
    "mistyped items[].on",
    "mistyped size",
    "opaque inner",
    "required <root>",
  ]);
});
