/**
 * The bridge binding end to end on the local cluster, and guest-to-guest traffic, with two guests:
 * "web" (bridge, a fixed macAddress) takes its pod's own IP by DHCP; a ClusterIP and a NodePort
 * Service selecting its labels answer from its port 80; "peer" (masquerade) sits beside it. Each guest
 * looks the other's pod IP up by a headless Service's cluster DNS name and fetches the other's page
 * from it, and peer fetches web's page through web's ClusterIP Service by its DNS name (CoreDNS), so
 * both bindings are proven from inside a guest. Deleting both leaves no tap, bridge, rule or DHCP
 * server anywhere.
 */
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { deleteNamespace, freshNamespace, kubectl, kubectlOk, requireCluster } from "../integration/kube";
import { httpGet, nodeIp } from "../integration/node-pods";
import { waitFor, type List, type Obj } from "../integration/wait";
import { consoleLog, fetchClientPod, podProcesses, poll } from "./pod-network-probes";

const exec = promisify(execFile);
const instance = Number(process.env.KVTS_INSTANCE ?? "0");
const clusterNetns = instance === 0 ? "kubevirt-ts" : `kubevirt-ts${instance}`;
const WEB_MAC = "02:5e:00:0b:1d:01";

let ns = "";
test.before(async () => {
  await requireCluster();
  ns = await freshNamespace("e2e-bridge");
});
test.after.always(async () => {
  if (ns) await deleteNamespace(ns);
});

/**
 * The guest's user-data: its page on port 80, its NIC's MAC on the console, then in the background
 * each probe: resolve NAME with the guest's resolver (the DNS servers its DHCP lease named), GET
 * http://<address>/, and print "probe: LABEL NAME ADDRESS BODY" on the console once a page answers.
 */
function guestScript(name: string, probes: Array<[label: string, dnsName: string]>): string {
  return String.raw`#!/bin/sh
mkdir -p /www && echo hello-from-${name} > /www/index.html && httpd -p 80 -h /www
echo "probe: mac $(cat /sys/class/net/eth0/address)" > /dev/console
probe() {
  i=0
  while [ $i -lt 300 ]; do
    i=$((i + 1))
    ip=$(nslookup "$2" 2>/dev/null | sed -n 's/^Address: *\([0-9.]*\)$/\1/p' | tail -n 1)
    body=""
    # timeout, not wget -T: Debian's static busybox 1.35 wget dies of SIGSEGV on -T.
    [ -n "$ip" ] && body=$(timeout 5 wget -q -O - "http://$ip/" 2>/dev/null)
    case "$body" in hello-from-*) echo "probe: $1 $2 $ip $body" > /dev/console; return ;; esac
    sleep 2
  done
  echo "probe: $1 gave up" > /dev/console
}
${probes.map(([label, dnsName]) => `probe ${label} ${dnsName} &`).join("\n")}
`;
}

const vmi = (name: string, iface: Record<string, unknown>, userData: string): string => JSON.stringify({
  apiVersion: "kubevirt.io/v1",
  kind: "VirtualMachineInstance",
  metadata: { name, labels: { app: `br-${name}` } },
  spec: {
    terminationGracePeriodSeconds: 5,
    domain: {
      resources: { requests: { memory: "64M" } },
      devices: {
        disks: [{ name: "containerdisk", disk: { bus: "virtio" } }, { name: "cloudinitdisk", disk: { bus: "virtio" } }],
        interfaces: [{ name: "default", ...iface }],
      },
    },
    networks: [{ name: "default", pod: {} }],
    volumes: [
      { name: "containerdisk", containerDisk: { image: "kubevirt/cirros-registry-disk-demo:devel" } },
      { name: "cloudinitdisk", cloudInitNoCloud: { userData } },
    ],
  },
});

/** A Service on port 80 selecting app=`app`; headless ones list the pods' own IPs under their DNS name, ready or not. */
const service = (name: string, app: string, type: "ClusterIP" | "NodePort" | "Headless"): string => JSON.stringify({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name },
  spec: {
    selector: { app },
    ports: [{ port: 80, targetPort: 80 }],
    ...(type === "Headless" ? { clusterIP: "None", publishNotReadyAddresses: true } : { type }),
  },
});

interface Running {
  vmi: Obj;
  pod: Obj;
  ip: string;
}

async function running(name: string): Promise<Running> {
  const v = (await waitFor<Obj>(["get", "vmi", name, "-n", ns], (x) => x?.status?.phase === "Running" && (x.status.interfaces?.[0]?.ipAddress ?? "") !== "", `VMI ${name} Running with an IP`, 600_000))!;
  const pods = JSON.parse(await kubectlOk(["get", "pods", "-n", ns, "-l", `kubevirt.io/created-by=${v.metadata.uid}`, "-o", "json"])) as List;
  return { vmi: v, pod: pods.items[0]!, ip: String(v.status!.interfaces![0]!.ipAddress) };
}

/** The console line a probe prints, once it is there. */
async function probeLine(pod: string, label: string): Promise<string> {
  return poll(`probe ${label} in ${pod}'s console`, async () => {
    // Not anchored at a line's start: the console's shell prompt can sit in front of it.
    return new RegExp(`probe: ${label} [^\r\n]*`).exec(await consoleLog(ns, pod))?.[0].trim();
  }, 600_000);
}

test.serial("bridge: the guest owns its pod's IP and fixed MAC; Services reach it; two guests reach each other by pod IP and by cluster DNS; nothing left", async (t) => {
  t.timeout(30 * 60_000); // two guests boot under emulation on a shared 2-core machine
  // The Services first: their DNS names resolve by the time the guests ask.
  for (const [name, app, type] of [["web", "br-web", "ClusterIP"], ["web-np", "br-web", "NodePort"], ["web-hl", "br-web", "Headless"], ["peer-hl", "br-peer", "Headless"]] as const) {
    await kubectlOk(["create", "-n", ns, "-f", "-"], service(name, app, type));
  }
  const zone = `${ns}.svc.cluster.local`;
  await kubectlOk(["create", "-n", ns, "-f", "-"], vmi("web", { bridge: {}, macAddress: WEB_MAC }, guestScript("web", [["peer-by-pod-ip", `peer-hl.${zone}`]])));
  await kubectlOk(["create", "-n", ns, "-f", "-"], vmi("peer", { masquerade: {} }, guestScript("peer", [["web-by-pod-ip", `web-hl.${zone}`], ["web-by-service-name", `web.${zone}`]])));

  const web = await running("web");
  const webPod = web.pod.metadata.name;
  t.is(web.ip, web.pod.status?.podIP, "the VMI's IP is its pod's");
  t.is(web.vmi.status!.interfaces![0]!.mac, WEB_MAC, "status.interfaces shows the fixed MAC");
  const lease = await poll("web's DHCP lease", async () => {
    const log = await consoleLog(ns, webPod);
    return /guest: eth0 has address \S+/.exec(log)?.[0];
  }, 600_000).catch(async (err: unknown) => {
    t.log(await consoleLog(ns, webPod), (await kubectl(["logs", "-n", ns, webPod, "-c", "compute"])).stdout.slice(-4000));
    throw err;
  });
  t.is(lease, `guest: eth0 has address ${web.ip}`, "the guest leased its pod's own IP");
  t.regex(await consoleLog(ns, webPod), new RegExp(`probe: mac ${WEB_MAC}`), "the guest's NIC has the fixed MAC");

  const clusterIp = await kubectlOk(["get", "service", "web", "-n", ns, "-o", "jsonpath={.spec.clusterIP}"]);
  await kubectlOk(["create", "-n", ns, "-f", "-"], fetchClientPod("client", `http://${clusterIp}/`, 90));
  await waitFor<Obj>(["get", "pod", "client", "-n", ns], (p) => p?.status?.phase === "Succeeded" || p?.status?.phase === "Failed", "the client pod done", 240_000);
  t.is((await kubectlOk(["logs", "-n", ns, "client"])).trim(), "hello-from-web", "ClusterIP Service from a pod");
  const nodePort = await kubectlOk(["get", "service", "web-np", "-n", ns, "-o", "jsonpath={.spec.ports[0].nodePort}"]);
  const viaNode = await poll("the NodePort on the node's address", async () => {
    const body = await httpGet(`http://${nodeIp}:${nodePort}/`, 3_000);
    return body.includes("hello") ? body : undefined;
  }, 120_000);
  t.is(viaNode.trim(), "hello-from-web", "NodePort from this machine on the node's address");

  const peer = await running("peer");
  const peerPod = peer.pod.metadata.name;
  t.is(await probeLine(peerPod, "web-by-pod-ip"), `probe: web-by-pod-ip web-hl.${zone} ${web.ip} hello-from-web`, "masquerade guest → bridge guest by pod IP");
  t.is(await probeLine(peerPod, "web-by-service-name"), `probe: web-by-service-name web.${zone} ${clusterIp} hello-from-web`, "a guest resolves a Service by its cluster DNS name and reaches it");
  t.is(await probeLine(webPod, "peer-by-pod-ip"), `probe: peer-by-pod-ip peer-hl.${zone} ${peer.ip} hello-from-peer`, "bridge guest → masquerade guest by pod IP");

  await kubectlOk(["delete", "vmi", "web", "peer", "-n", ns, "--wait=false"]);
  await waitFor<List>(["get", "pods", "-n", ns, "-l", "kubevirt.io=virt-launcher"], (l) => l?.items.length === 0, "launcher pods gone", 240_000);
  for (const p of [web.pod, peer.pod]) {
    // Every process of the pod (launcher, its udhcpd, QEMU) is gone, and with them the pod's network namespace.
    await poll(`${p.metadata.name}'s processes (launcher, udhcpd, QEMU) gone`, async () => ((await podProcesses(p.metadata.uid)).length === 0 ? true : undefined), 120_000);
  }
  const links = (await exec("ip", ["-n", clusterNetns, "-o", "link"])).stdout;
  t.false(/\b(tap0|k6t-eth0|eth0-nic)\b/.test(links), "no tap, bridge or bridge port in the cluster's namespace");
  const tables = (await exec("ip", ["netns", "exec", clusterNetns, "/usr/sbin/nft", "list", "tables"])).stdout;
  t.false(tables.includes("kubevirt_ts"), "no table of ours in the cluster's namespace");
});
