import test from "ava";
import { identify } from "./authn";
import { attributesOf } from "./authz";
import { route } from "./routes";

test("subresource paths parse as KubeVirt's; others are documents or unknown", (t) => {
  const r = route("PUT", "/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachines/myvm/stop?x=1");
  t.like(r, { kind: "subresource", namespace: "ns1", resource: "virtualmachines", name: "myvm", subresource: "stop" });
  t.like(route("GET", "/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachineinstances/myvm/portforward/22/tcp"), { subresource: "portforward", rest: ["22", "tcp"] });
  t.like(route("GET", "/apis/subresources.kubevirt.io/v1"), { kind: "document", name: "resources" });
  t.like(route("GET", "/apis/subresources.kubevirt.io/v1/version"), { kind: "document", name: "version" });
  t.is(route("GET", "/apis/subresources.kubevirt.io/v1/namespaces/ns1/pods/p/exec").kind, "unknown");
  t.is(route("PUT", "/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachines/myvm/explode").kind, "unknown");
});

test("the access review asks for the subresource with KubeVirt's verb mapping", (t) => {
  const r = route("PUT", "/apis/subresources.kubevirt.io/v1/namespaces/ns1/virtualmachines/myvm/stop");
  if (r.kind !== "subresource") return t.fail();
  t.deepEqual(attributesOf(r), { namespace: "ns1", verb: "update", group: "subresources.kubevirt.io", version: "v1", resource: "virtualmachines", subresource: "stop", name: "myvm" });
});

const cfg = { allowedNames: ["front-proxy-client"], usernameHeaders: ["X-Remote-User"], groupHeaders: ["X-Remote-Group"], extraHeaderPrefixes: ["X-Remote-Extra-"] };

test("only the front proxy's certificate is trusted, and then its headers", (t) => {
  const headers = { "x-remote-user": "alice", "x-remote-group": ["dev", "system:authenticated"], "x-remote-extra-scopes%2Fa": "x" };
  t.deepEqual(identify({ authorized: true, commonName: "front-proxy-client" }, headers, cfg), { user: "alice", groups: ["dev", "system:authenticated"], extra: { "scopes/a": ["x"] } });
  t.true("refused" in identify({ authorized: false }, headers, cfg));
  t.true("refused" in identify({ authorized: true, commonName: "someone-else" }, headers, cfg));
  t.true("refused" in identify({ authorized: true, commonName: "front-proxy-client" }, {}, cfg));
});
