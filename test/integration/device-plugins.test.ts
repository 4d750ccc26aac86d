/**
 * virt-handler's device plugins on the local node (src/handler/device-plugins): the kubelet
 * advertises devices.kubevirt.io/tun (and vhost-net where /dev/vhost-net exists, kvm only where
 * KVM really runs a guest: not on this project's machines), 1000 each; a container that asks for
 * tun gets /dev/net/tun from the kubelet without privileges. A launcher pod asking for it, with its
 * guest booting on the pod network, is test/e2e/pod-network.test.ts. Other test files start
 * launchers at the same time: no count of allocated devices is asserted.
 */
import test from "ava";
import { existsSync } from "node:fs";
import { deleteNamespace, freshNamespace, kubectlOk, requireCluster } from "./kube";
import { image, nodeName } from "./node-pods";
import { waitFor, type Obj } from "./wait";

const TUN = "devices.kubevirt.io/tun";
const VHOST_NET = "devices.kubevirt.io/vhost-net";
const KVM = "devices.kubevirt.io/kvm";
let ns = "";

test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("it-devices");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

/** A count as the API server writes it: 1000 comes back canonicalised as "1k". */
const count = (quantity: string | undefined): number | undefined =>
  quantity === undefined ? undefined : quantity.endsWith("k") ? Number(quantity.slice(0, -1)) * 1000 : Number(quantity);

async function allocatable(): Promise<Record<string, number | undefined>> {
  const node = (await waitFor<Obj>(["get", "node", nodeName], (n) => count(n?.status?.allocatable?.[TUN]) === 1000, "tun allocatable on the node", 120_000))!;
  const a = node.status!.allocatable as Record<string, string>;
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, count(v)]));
}

/** A pod of the handler image (no privileges) that prints what /dev/net/tun is, or "absent". */
const tunPod = (name: string, requestTun: boolean): string => JSON.stringify({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: {
    restartPolicy: "Never",
    terminationGracePeriodSeconds: 1,
    containers: [{
      name: "main", image: image("virt-handler"), imagePullPolicy: "IfNotPresent",
      command: ["sh", "-c", "stat -c '%F %t:%T' /dev/net/tun 2>/dev/null || echo absent"],
      ...(requestTun ? { resources: { limits: { [TUN]: "1" } } } : {}),
    }],
  },
});

async function podOutput(name: string): Promise<string> {
  await waitFor<Obj>(["get", "pod", name, "-n", ns], (p) => p?.status?.phase === "Succeeded" || p?.status?.phase === "Failed", `pod ${name} done`, 180_000);
  return (await kubectlOk(["logs", "-n", ns, name])).trim();
}

test("the node advertises tun, vhost-net where its device exists, and kvm only where KVM works: 1000 each", async t => {
  const a = await allocatable();
  t.is(a[TUN], 1000);
  t.is(a[VHOST_NET], existsSync("/dev/vhost-net") ? 1000 : undefined);
  if (existsSync("/dev/kvm")) t.true(a[KVM] === undefined || a[KVM] === 1000, `kvm: ${a[KVM]}`);
  else t.is(a[KVM], undefined, "no /dev/kvm on this machine: no kvm devices");
});

test("kubectl describe node shows the devices", async t => {
  await allocatable();
  const out = await kubectlOk(["describe", "node", nodeName]);
  const capacity = out.slice(out.indexOf("Capacity:"), out.indexOf("System Info:"));
  t.regex(capacity, /devices\.kubevirt\.io\/tun:\s+1k\n/, "1000, as the API server writes it");
  t.regex(out, /Allocated resources:[\s\S]*devices\.kubevirt\.io\/tun\s+\d+\s+\d+/);
});

test("a container that requests tun gets /dev/net/tun from the kubelet, unprivileged; one that does not has none", async t => {
  await allocatable();
  await kubectlOk(["apply", "-n", ns, "-f", "-"], tunPod("with-tun", true));
  await kubectlOk(["apply", "-n", ns, "-f", "-"], tunPod("without-tun", false));
  t.is(await podOutput("with-tun"), "character special file a:c8", "the tun device node, 10:200");
  t.is(await podOutput("without-tun"), "absent");
});
