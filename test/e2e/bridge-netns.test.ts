/**
 * The bridge binding on this machine without a cluster: the node agent's set-up code
 * (src/handler/network/) moves the address of a test namespace's `eth0` (the launcher pod's role; a
 * veth to a second test namespace, the pod network) to the real guest, which leases it from busybox
 * udhcpd with the launcher's configuration, and the guest's HTTP server answers on that address from
 * the peer. A stranger DHCP server on the pod network (another bridge-bound pod's, with the same
 * server address 169.254.75.10 and no lease for this guest) must not disturb the lease. Nothing leaves
 * the two namespaces: neither has a default route (the pod has one route through the peer, as this
 * project's pods route the cluster's ranges through their gateway).
 */
import test from "ava";
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PodNetworks } from "../../src/handler/network/setup";
import { qemuUser } from "../../src/launcher/host/qemu-user";
import { decodeFacts } from "../../src/launcher/network/bridge-facts";
import { bridgeLeaseSettings, udhcpdConfig } from "../../src/launcher/network/dhcp-config";
import { podNetworkPlan } from "../../src/launcher/network/plan";
import { podVmi } from "../../src/launcher/network/testing";
import { scratchDir, startStandalone, vmiYaml, waitFor, type RunningLauncher } from "./launcher-harness";
import { netnsPair } from "./netns-pair";

const BOOT_MS = 240_000;

const POD_MAC = "0a:58:0a:fb:02:02";

test.serial("bridge: the guest leases the pod's own address and MAC and answers on it; a stranger's DHCP server cannot NAK it", async (t) => {
  const qemu = (await qemuUser())!;
  const { pod, peer, inNs, holder: startHolder, remove } = netnsPair("br", ["address", POD_MAC, "mtu", "1450"]);
  const dir = scratchDir("bridge-");
  const children: ChildProcess[] = [];
  let vm: RunningLauncher | undefined;
  try {
    inNs(pod, "sh", "-c", "ip link set lo up && ip addr add 10.251.2.2/24 dev eth0 && ip link set eth0 up && ip route add 10.251.9.0/24 via 10.251.2.1");
    // The peer: the pod network's side, with a stranger: a DHCP server on 169.254.75.10 as every bridge-bound pod has, holding no lease for this guest.
    inNs(peer, "sh", "-c", "ip link set lo up && ip link add br-peer type bridge && ip link set veth-peer master br-peer up && ip addr add 10.251.2.1/24 dev br-peer && ip link set br-peer up"
      // The stranger's own link, with only the server address, as on another pod's bridge (udhcpd's server identifier is its interface's first address).
      + " && ip link add vstr0 type veth peer name vstr1 && ip link set vstr0 master br-peer up && ip addr add 169.254.75.10/32 dev vstr1 && ip link set vstr1 up");
    writeFileSync(join(dir, "stranger.conf"), `interface vstr1\nstart 10.251.2.3\nend 10.251.2.3\nmax_leases 1\nstatic_lease 0a:58:0a:fb:02:03 10.251.2.3\nlease_file ${dir}/stranger.leases\npidfile ${dir}/stranger.pid\noption subnet 255.255.255.0\n`);
    writeFileSync(join(dir, "stranger.leases"), "");
    const stranger = spawn("ip", ["netns", "exec", peer, "busybox", "udhcpd", "-f", join(dir, "stranger.conf")], { stdio: ["ignore", "ignore", "pipe"] });
    children.push(stranger);
    let strangerLog = "";
    stranger.stderr!.on("data", (d: Buffer) => (strangerLog += d.toString()));

    const holder = await startHolder();
    children.push(holder);
    const vmi = podVmi("brvm", { bridge: {} });
    await new PodNetworks(() => undefined, async () => holder.pid, qemu).setup("test-pod", vmi);
    // A second set-up of a finished namespace changes nothing, and still knows the guest's MAC.
    const again = new PodNetworks(() => undefined, async () => holder.pid, qemu);
    await again.setup("test-pod", vmi);
    t.is(await again.guestMac("test-pod", vmi), POD_MAC);
    t.regex(inNs(pod, "ip", "-o", "link", "show", "tap0"), /mtu 1450 .*master k6t-eth0/);
    t.regex(inNs(pod, "ip", "-o", "link", "show", "eth0-nic"), /master k6t-eth0/);
    t.regex(inNs(pod, "ip", "-o", "link", "show", "k6t-eth0"), /state UP/);
    t.regex(inNs(pod, "ip", "-o", "-4", "address", "show", "dev", "k6t-eth0"), /169\.254\.75\.10\/32/);

    const plan = podNetworkPlan(vmi)!;
    const facts = decodeFacts(inNs(pod, "cat", "/sys/class/net/k6t-eth0/ifalias"));
    t.deepEqual(facts, { address: "10.251.2.2", prefix: 24, gateway: "10.251.2.1", routes: [{ dst: "10.251.9.0/24", via: "10.251.2.1" }], mac: POD_MAC, mtu: 1450 });
    writeFileSync(join(dir, "udhcpd.conf"), udhcpdConfig(bridgeLeaseSettings(plan, facts!, "brvm", { servers: [], search: [] }, dir), POD_MAC));
    writeFileSync(join(dir, "udhcpd.leases"), "");
    children.push(spawn("ip", ["netns", "exec", pod, "busybox", "udhcpd", "-f", join(dir, "udhcpd.conf")], { stdio: "ignore" }));

    const userData = "#cloud-config\nruncmd:\n- mkdir -p /www && echo hello-from-brvm > /www/index.html && httpd -p 80 -h /www";
    const manifest = vmiYaml({ name: "brvm", userData, podNetwork: true }).replace("{name: default, masquerade: {}}", `{name: default, bridge: {}, macAddress: "${POD_MAC}"}`);
    vm = startStandalone(manifest, ["--netns", pod, "--tap", "default=tap0"]);
    await waitFor("the guest's DHCP lease", () => /guest: eth0 has address 10\.251\.2\.2\b/.test(vm!.console()), BOOT_MS).catch((err: unknown) => {
      t.log(vm!.console(), vm!.output(), strangerLog);
      throw err;
    });

    let page = "";
    await waitFor("the guest's web page on the pod's own address", () => {
      try {
        page = inNs(peer, "curl", "-s", "-m", "5", "http://10.251.2.2/");
      } catch {
        return false;
      }
      return page.includes("hello-from-brvm");
    }, 90_000).catch((err: unknown) => {
      t.log(vm!.console(), inNs(pod, "ip", "-d", "link"), inNs(peer, "ip", "neigh"));
      throw err;
    });
    t.is(page.trim(), "hello-from-brvm");
    t.regex(inNs(peer, "ip", "neigh", "show", "10.251.2.2"), new RegExp(POD_MAC), "the guest answers ARP for the pod's address with the pod's MAC");
    t.false(/NAK|OFFER/i.test(strangerLog), `the stranger saw none of the guest's DHCP: ${strangerLog}`);
    for (const ns of [pod, peer]) t.is(inNs(ns, "ip", "route", "show", "default").trim(), "", `no route out of ${ns}`);
  } finally {
    for (const c of children) c.kill("SIGKILL");
    try {
      vm?.cleanup();
    } finally {
      remove();
    }
  }
});
