import test from "ava";
import { apiServerObjects } from "./install";
import { makeServingCert } from "./serving-cert";
import { X509Certificate } from "node:crypto";

test("the serving certificate names the Service and chains to its CA", (t) => {
  const c = makeServingCert("virt-api", "kubevirt");
  const leaf = new X509Certificate(c.tlsCrt);
  t.true(leaf.checkIssued(new X509Certificate(c.caCrt)));
  t.true(leaf.verify(new X509Certificate(c.caCrt).publicKey));
  t.is(leaf.checkHost("virt-api.kubevirt.svc"), "virt-api.kubevirt.svc");
  // Go's x509 rejects names outside PrintableString's characters (as node-forge encodes them).
  for (const name of [leaf.subject, leaf.issuer]) t.regex(name, /^CN=[A-Za-z0-9 '()+,\-./:=?]+$/);
});

test("install: an APIService for v1.subresources.kubevirt.io pointing at the Service, with the CA", (t) => {
  const objs = apiServerObjects({ image: "img", namespace: "kubevirt", caBundle: "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n" });
  const svc = objs.find((o) => o.kind === "APIService") as { metadata: { name: string }; spec: { service: unknown; caBundle: string } };
  t.is(svc.metadata.name, "v1.subresources.kubevirt.io");
  t.deepEqual(svc.spec.service, { name: "virt-api", namespace: "kubevirt", port: 443 });
  t.true(Buffer.from(svc.spec.caBundle, "base64").toString().includes("BEGIN CERTIFICATE"));
  const edit = objs.find((o) => o.metadata.name === "kubevirt.io:edit") as unknown as { metadata: { labels: Record<string, string> }; rules: Array<{ resources: string[]; verbs: string[] }> };
  t.is(edit.metadata.labels["rbac.authorization.k8s.io/aggregate-to-edit"], "true");
  t.true(edit.rules.some((r) => r.resources.includes("virtualmachines/stop") && r.verbs.includes("update")));
  t.throws(() => apiServerObjects({ image: "", namespace: "kubevirt", caBundle: "x" }), { message: /image/ });
});
