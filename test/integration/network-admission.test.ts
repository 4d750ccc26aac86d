/**
 * Bad pod-network input is denied by the live webhook with the field path (server-side dry run): an
 * interface with an unknown binding, a port declared twice, a MAC that is not unicast; the bridge
 * binding with a fixed MAC is admitted.
 */
import test from "ava";
import { deleteNamespace, freshNamespace, kubectl, requireCluster } from "./kube";

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-netadm");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const vmi = (iface: Record<string, unknown>): string => JSON.stringify({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name: "netadm" },
  spec: {
    domain: { resources: { requests: { memory: "64M" } }, devices: { interfaces: [{ name: "default", ...iface }] } },
    networks: [{ name: "default", pod: {} }],
  },
});

test("an unknown binding is refused at its field: by the API server's strict decoding, and without it by the webhook", async (t) => {
  const strict = await kubectl(["create", "--dry-run=server", "-n", ns, "-f", "-"], vmi({ tunnel: {} }));
  t.not(strict.code, 0);
  t.regex(strict.stderr, /unknown field "spec\.domain\.devices\.interfaces\[0\]\.tunnel"/);
  // Unknown fields pruned: the interface is left with no binding at all.
  const lax = await kubectl(["create", "--dry-run=server", "--validate=false", "-n", ns, "-f", "-"], vmi({ tunnel: {} }));
  t.not(lax.code, 0);
  t.regex(lax.stderr, /denied/i);
  t.regex(lax.stderr, /spec\.domain\.devices\.interfaces\[0\].*has no binding/);
});

const denied: Array<[string, Record<string, unknown>, RegExp]> = [
  ["a port declared twice", { bridge: {}, ports: [{ port: 80 }, { port: 80, protocol: "TCP" }] }, /spec\.domain\.devices\.interfaces\[0\]\.ports\[1\]\.port.*TCP\/80 is declared twice/],
  ["a multicast MAC", { bridge: {}, macAddress: "01:00:5e:00:00:01" }, /spec\.domain\.devices\.interfaces\[0\]\.macAddress.*multicast/],
];
for (const [name, iface, message] of denied) {
  test(`${name} is denied with the field path`, async (t) => {
    const r = await kubectl(["create", "--dry-run=server", "-n", ns, "-f", "-"], vmi(iface));
    t.not(r.code, 0);
    t.regex(r.stderr, /denied/i);
    t.regex(r.stderr, message);
  });
}

test("the bridge binding with a fixed unicast MAC is admitted", async (t) => {
  const r = await kubectl(["create", "--dry-run=server", "-n", ns, "-f", "-"], vmi({ bridge: {}, macAddress: "02:5e:00:0b:1d:01" }));
  t.is(r.code, 0, r.stderr);
});
