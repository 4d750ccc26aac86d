/**
 * The masquerade binding on this machine without a cluster: the node agent's set-up code
 * (src/handler/network/) builds bridge, tap and NAT in a network namespace this test creates (the
 * launcher pod's namespace's role, its `eth0` a veth to a second test namespace: the pod network),
 * busybox udhcpd with the launcher's configuration answers the real guest's udhcpc, and the guest's
 * HTTP server is reached through the DNAT from the peer. Nothing leaves the two namespaces: neither
 * has a default route.
 */
import test from "ava";
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PodNetworks } from "../../src/handler/network/setup";
import { qemuUser } from "../../src/launcher/host/qemu-user";
import { leaseSettings, udhcpdConfig } from "../../src/launcher/network/dhcp-config";
import { podNetworkPlan } from "../../src/launcher/network/plan";
import { podVmi } from "../../src/launcher/network/testing";
import { scratchDir, startStandalone, vmiYaml, waitFor, type RunningLauncher } from "./launcher-harness";
import { netnsPair } from "./netns-pair";

const BOOT_MS = 180_000;

test.serial("masquerade: the guest leases 10.0.2.2 with DNS, search and hostname; its port 80 answers on the pod's address", async (t) => {
  const qemu = (await qemuUser())!; // the tap is handed to QEMU's user
  const { pod, peer, inNs, holder: startHolder, remove } = netnsPair("masq");
  const dir = scratchDir("masq-");
  const children: ChildProcess[] = [];
  let vm: RunningLauncher | undefined;
  try {
    inNs(pod, "sh", "-c", "ip link set lo up && ip addr add 10.251.0.2/24 dev eth0 && ip link set eth0 up");
    inNs(peer, "sh", "-c", "ip link set lo up && ip addr add 10.251.0.1/24 dev veth-peer && ip link set veth-peer up");
    const holder = await startHolder();
    children.push(holder);
    const vmi = podVmi("netvm", { masquerade: {}, ports: [{ port: 80 }] });
    await new PodNetworks(() => undefined, async () => holder.pid, qemu).setup("test-pod", vmi);
    // A second set-up of a finished namespace changes nothing (a repeated sync must not cut the guest off).
    await new PodNetworks(() => undefined, async () => holder.pid, qemu).setup("test-pod", vmi);
    t.regex(inNs(pod, "ip", "-o", "link", "show", "tap0"), /master k6t-eth0/);

    const plan = podNetworkPlan(vmi)!;
    const conf = udhcpdConfig(leaseSettings(plan, "netvm", { servers: ["10.251.0.53"], search: ["ns1.svc.cluster.local", "svc.cluster.local"] }, dir), plan.mac);
    writeFileSync(join(dir, "udhcpd.conf"), conf);
    writeFileSync(join(dir, "udhcpd.leases"), "");
    children.push(spawn("ip", ["netns", "exec", pod, "busybox", "udhcpd", "-f", join(dir, "udhcpd.conf")], { stdio: "ignore" }));

    const userData = "#cloud-config\nruncmd:\n- mkdir -p /www && echo hello-from-netvm > /www/index.html && httpd -p 80 -h /www";
    const manifest = vmiYaml({ name: "netvm", userData, podNetwork: true }).replace("{name: default, masquerade: {}}", `{name: default, masquerade: {}, macAddress: "${plan.mac}"}`);
    vm = startStandalone(manifest, ["--netns", pod, "--tap", "default=tap0"]);
    await waitFor("the guest's DHCP lease", () => /guest: eth0 has address 10\.0\.2\.2\b/.test(vm!.console()), BOOT_MS).catch((err: unknown) => {
      t.log(vm!.console(), vm!.output());
      throw err;
    });
    t.regex(vm.console(), /guest: dns 10\.251\.0\.53 search ns1\.svc\.cluster\.local svc\.cluster\.local hostname netvm/);

    let page = "";
    await waitFor("the guest's web page through the pod's address", () => {
      try {
        page = inNs(peer, "curl", "-s", "-m", "5", "http://10.251.0.2/");
      } catch {
        return false;
      }
      return page.includes("hello-from-netvm");
    }, 60_000).catch((err: unknown) => {
      t.log(vm!.console(), inNs(pod, "/usr/sbin/nft", "list", "ruleset"));
      throw err;
    });
    t.is(page.trim(), "hello-from-netvm");
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
