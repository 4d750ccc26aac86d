/**
 * VMs on the pod network, end to end on the local cluster (masquerade, the admission default): the
 * guest leases 10.0.2.2 from the launcher's DHCP server, its HTTP server on port 80 answers through a
 * ClusterIP Service from a pod, a NodePort from this machine on the node's address, and kubectl
 * port-forward to the launcher pod; the VMI reports the pod's IP and the NIC's MAC; deleting it leaves
 * no tap, bridge, NAT rule or DHCP server anywhere.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "../integration/kube";
import { httpGet, nodeIp, portForward } from "../integration/node-pods";
import { waitFor, type List, type Obj } from "../integration/wait";
import { consoleLog, fetchClientPod, podProcesses, poll } from "./pod-network-probes";

const exec = promisify(execFile);
const instance = Number(process.env.KVTS_INSTANCE ?? "0");
const clusterNetns = instance === 0 ? "kubevirt-ts" : `kubevirt-ts${instance}`;

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("e2e-net");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

const vmi = (name: string, app: string): string => JSON.stringify({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name, labels: { app } },
  spec: {
    terminationGracePeriodSeconds: 5,
    domain: {
      resources: { requests: { memory: "64M" } },
      devices: {
        disks: [{ name: "containerdisk", disk: { bus: "virtio" } }, { name: "cloudinitdisk", disk: { bus: "virtio" } }],
        interfaces: [{ name: "default", masquerade: {}, ports: [{ name: "http", port: 80 }] }],
      },
    },
    networks: [{ name: "default", pod: {} }],
    volumes: [
      { name: "containerdisk", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } },
      { name: "cloudinitdisk", cloudInitNoCloud: { userData: `#cloud-config\nruncmd:\n- mkdir -p /www && echo hello-from-${name} > /www/index.html && httpd -p 80 -h /www\n` } },
    ],
  },
});

const service = (name: string, app: string, type: "ClusterIP" | "NodePort"): string => JSON.stringify({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name },
  spec: { type, selector: { app }, ports: [{ port: 80, targetPort: 80 }] },
});

test.serial("masquerade: Services, NodePort and port-forward reach the guest's port 80; status shows the pod IP and MAC; deletion leaves nothing", async (t) => {
  t.timeout(20 * 60_000); // a VM boots under emulation on a shared 2-core machine
  await kubectlOk(["create", "-n", ns, "-f", "-"], vmi("web", "web-net"));
  const running = (await waitFor<Obj>(["get", "vmi", "web", "-n", ns], (v) => v?.status?.phase === "Running" && (v.status.interfaces?.[0]?.ipAddress ?? "") !== "", "VMI Running with an IP", 600_000))!;
  const iface = running.status!.interfaces![0]!;
  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${running.metadata.uid}`, "-o", "json"])) as List;
  const launcher = pods.items[0]!;
  t.is(iface.ipAddress, launcher.status?.podIP, "the VMI's IP is its pod's");
  // Unprivileged: the launcher makes its own /dev/net/tun (src/controller/launcher-pod/device-resources.ts says why not the plugin's).
  const compute = (launcher.spec!.containers as Array<{ name: string; securityContext?: { privileged?: boolean } }>).find((c) => c.name === "compute")!;
  t.not(compute.securityContext?.privileged, true);
  t.regex(String(iface.mac), /^02(:[0-9a-f]{2}){5}$/);
  t.regex(await kubectlOk(["get", "vmi", "web", "-n", ns, "--no-headers"]), new RegExp(`Running\\s+${String(iface.ipAddress).replace(/\./g, "\\.")}\\s`), "the IP column of kubectl get vmi");
  await poll("the guest's DHCP lease", async () => (/guest: eth0 has address 10\.0\.2\.2\b/.test(await consoleLog(ns, launcher.metadata.name)) ? true : undefined), 240_000);
  t.regex(await consoleLog(ns, launcher.metadata.name), /hostname web/);

  await kubectlOk(["create", "-n", ns, "-f", "-"], service("web", "web-net", "ClusterIP"));
  const clusterIp = await kubectlOk(["get", "service", "web", "-n", ns, "-o", "jsonpath={.spec.clusterIP}"]);
  await kubectlOk(["create", "-n", ns, "-f", "-"], fetchClientPod("client", `http://${clusterIp}/`, 60));
  await waitFor<Obj>(["get", "pod", "client", "-n", ns], (p) => p?.status?.phase === "Succeeded" || p?.status?.phase === "Failed", "the client pod done", 180_000);
  t.is((await kubectlOk(["logs", "-n", ns, "client"])).trim(), "hello-from-web", "ClusterIP Service from a pod");

  await kubectlOk(["create", "-n", ns, "-f", "-"], service("web-nodeport", "web-net", "NodePort"));
  const nodePort = await kubectlOk(["get", "service", "web-nodeport", "-n", ns, "-o", "jsonpath={.spec.ports[0].nodePort}"]);
  const viaNode = await poll("the NodePort on the node's address", async () => {
    const body = await httpGet(`http://${nodeIp}:${nodePort}/`, 3_000);
    return body.includes("hello") ? body : undefined;
  }, 60_000);
  t.is(viaNode.trim(), "hello-from-web", "NodePort from this machine on the node's address");

  const pf = await portForward(ns, `pod/${launcher.metadata.name}`, 80);
  try {
    t.is((await poll("port-forward to the launcher pod", async () => httpGet(`http://127.0.0.1:${pf.port}/`, 3_000), 30_000)).trim(), "hello-from-web", "kubectl port-forward to the launcher pod");
  } finally {
    pf.stop();
  }

  await kubectlOk(["delete", "vmi", "web", "-n", ns, "--wait=false"]);
  await waitFor<List>(["get", "pods", "-n", ns, "-l", "kubevirt.io=virt-launcher"], (l) => l?.items.length === 0, "launcher pod gone", 180_000);
  // Every process of the pod (launcher, its udhcpd, QEMU) is gone, and with them the pod's network namespace.
  await poll("the pod's processes (launcher, udhcpd, QEMU) gone", async () => ((await podProcesses(launcher.metadata.uid)).length === 0 ? true : undefined), 60_000);
  const links = (await exec("ip", ["-n", clusterNetns, "-o", "link"])).stdout;
  t.false(/\b(tap0|k6t-eth0)\b/.test(links), "no tap or bridge in the cluster's namespace");
  const tables = (await exec("ip", ["netns", "exec", clusterNetns, "/usr/sbin/nft", "list", "tables"])).stdout;
  t.false(tables.includes("kubevirt_ts"), "no NAT table of ours in the cluster's namespace");
});
