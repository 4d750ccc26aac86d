import test from "ava";
import { requestFor, VerbUsageError } from "./vm-verbs";
import { connectionFrom } from "./kubeconfig";

test("stop/restart: --force and --grace-period go together, as in virtctl", (t) => {
  t.like(requestFor("stop", ["myvm"]), { resource: "virtualmachines", name: "myvm", sub: "stop", method: "PUT", body: {}, done: "VM myvm was scheduled to stop" });
  t.like(requestFor("stop", ["myvm", "--force", "--grace-period", "0"]), { body: { gracePeriod: 0 } });
  t.like(requestFor("restart", ["myvm", "--force", "--grace-period=0"]), { body: { gracePeriodSeconds: 0 } });
  t.throws(() => requestFor("stop", ["myvm", "--force"]), { instanceOf: VerbUsageError, message: "Must both use --force=true and set --grace-period." });
  t.throws(() => requestFor("start", []), { instanceOf: VerbUsageError });
});

test("pause/unpause take a kind; guest queries name the VMI", (t) => {
  t.like(requestFor("pause", ["vmi", "myvm", "-n", "ns1"]), { resource: "virtualmachineinstances", sub: "pause", done: "VMI myvm was scheduled to pause" });
  t.throws(() => requestFor("pause", ["myvm"]), { instanceOf: VerbUsageError });
  t.like(requestFor("fslist", ["myvm"]), { sub: "filesystemlist", method: "GET" });
  t.like(requestFor("start", ["myvm", "--dry-run"]), { body: { dryRun: ["All"] } });
});

test("kubeconfig: current context, its namespace, and inline credentials", (t) => {
  const text = `apiVersion: v1
current-context: c
contexts: [{name: c, context: {cluster: k, user: u, namespace: ns1}}]
clusters: [{name: k, cluster: {server: "https://10.0.0.1:6443/", certificate-authority-data: ${Buffer.from("CA").toString("base64")}}}]
users: [{name: u, user: {token: abc}}]
`;
  const c = connectionFrom(text, "/tmp");
  t.is(c.server, "https://10.0.0.1:6443");
  t.is(c.namespace, "ns1");
  t.is(String(c.ca), "CA");
  t.is(c.token, "abc");
  t.is(connectionFrom(text, "/tmp", { namespace: "other" }).namespace, "other");
  t.throws(() => connectionFrom(text, "/tmp", { context: "nope" }), { message: /context "nope" not found/ });
});
