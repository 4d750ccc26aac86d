/**
 * virt-handler's device plugins on the local node (src/handler/device-plugins): the kubelet
 * advertises devices.kubevirt.io/tun (and vhost-net where /dev/vhost-net exists, kvm only where
 * KVM really runs a guest: not on this project's machines), 1000 each; a container that asks for
 * tun gets /dev/net/tun from the kubelet without privileges; a launcher pod asks for it and its
 * guest boots with its network. Other test files start launchers at the same time: no count of
 * allocated devices is asserted.
 */
import test from "ava";
import { existsSync } from "node:fs";
import { deleteNamespace, freshNamespace, kubectlOk, requireCluster } from "./kube";
import { image, nodeName } from "./node-pods";
import { waitFor, type List, type Obj } from "./wait";

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

async function allocatable(): Promise<Record<string, string>> {
  const node = (await waitFor<Obj>(["get", "node", nodeName], (n) => n?.status?.allocatable?.[TUN] === "1000", "tun allocatable on the node", 120_000))!;
  return node.status!.allocatable as Record<string, string>;
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
  t.is(a[TUN], "1000");
  t.is(a[VHOST_NET], existsSync("/dev/vhost-net") ? "1000" : undefined);
  if (existsSync("/dev/kvm")) t.true(a[KVM] === undefined || a[KVM] === "1000", `kvm: ${a[KVM]}`);
  else t.is(a[KVM], undefined, "no /dev/kvm on this machine: no kvm devices");
});

test("kubectl describe node shows the devices", async t => {
  await allocatable();
  const out = await kubectlOk(["describe", "node", nodeName]);
  const capacity = out.slice(out.indexOf("Capacity:"), out.indexOf("System Info:"));
  t.regex(capacity, /devices\.kubevirt\.io\/tun:\s+1000/);
  t.regex(out, /Allocated resources:[\s\S]*devices\.kubevirt\.io\/tun\s+\d+\s+\d+/);
});

test("a container that requests tun gets /dev/net/tun from the kubelet, unprivileged; one that does not has none", async t => {
  await allocatable();
  await kubectlOk(["apply", "-n", ns, "-f", "-"], tunPod("with-tun", true));
  await kubectlOk(["apply", "-n", ns, "-f", "-"], tunPod("without-tun", false));
  t.is(await podOutput("with-tun"), "character special file a:c8", "the tun device node, 10:200");
  t.is(await podOutput("without-tun"), "absent");
});

const guest = (name: string): string => JSON.stringify({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name },
  spec: {
    terminationGracePeriodSeconds: 5,
    domain: {
      resources: { requests: { memory: "64M" } },
      devices: { disks: [{ name: "containerdisk", disk: { bus: "virtio" } }], interfaces: [{ name: "default", masquerade: {} }] },
    },
    networks: [{ name: "default", pod: {} }],
    volumes: [{ name: "containerdisk", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } }],
  },
});

test("a launcher pod requests tun instead of privileges, the kubelet allocates it, and the guest boots with its network", async t => {
  t.timeout(20 * 60_000); // a VM boots under emulation on a shared 2-core machine
  await kubectlOk(["create", "-n", ns, "-f", "-"], guest("dp-guest"));
  const vmi = (await waitFor<Obj>(["get", "vmi", "dp-guest", "-n", ns], (v) => v?.status?.phase === "Running" && (v.status.interfaces?.[0]?.ipAddress ?? "") !== "", "VMI Running with an IP", 600_000))!;
  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${vmi.metadata.uid}`, "-o", "json"])) as List;
  const compute = (pods.items[0]!.spec!.containers as Array<{ name: string; resources?: { limits?: Record<string, string> }; securityContext?: { privileged?: boolean } }>).find(c => c.name === "compute")!;
  t.is(compute.resources?.limits?.[TUN], "1");
  t.not(compute.securityContext?.privileged, true);
  const launcher = pods.items[0]!.metadata.name;
  const tun = await kubectlOk(["exec", "-n", ns, launcher, "-c", "compute", "--", "stat", "-c", "%F %t:%T", "/dev/net/tun"]);
  t.is(tun.trim(), "character special file a:c8");
  let console = "";
  for (const deadline = Date.now() + 300_000; Date.now() < deadline && !/eth0 has address 10\.0\.2\.2\b/.test(console); await new Promise(r => setTimeout(r, 2000))) {
    console = await kubectlOk(["logs", "-n", ns, launcher, "-c", "guest-console-log"]).catch(() => "");
  }
  t.regex(console, /eth0 has address 10\.0\.2\.2\b/, "the guest leased its address over the pod network");
});
