/**
 * Boot tests: real guests under the launcher's own libvirtd (TCG), through `virt-launcher standalone`.
 * Serial: each boot takes a CPU for ~10–30 s on a 2-core machine. Every wait is bounded.
 */
import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { CommandClient } from "../../src/launcher/command/client";
import { QEMU_USER, qemuUser } from "../../src/launcher/host/qemu-user";
import type { EventMessage } from "../../src/launcher/command/protocol";
import { daemonPidsFor, exitWithin, guestImageDir, makeClaim, pidsMatching, scratchDir, startStandalone, vmiYaml, waitFor } from "./launcher-harness";

const BOOT_MS = 150_000;
const EXIT_MS = 60_000;

test.before(() => {
  guestImageDir(); // build the guest image once, before any timing starts
});

test.serial("cloud-init user data reaches the guest; SIGTERM shuts it down within its grace period (exit 0)", async (t) => {
  const vm = startStandalone(vmiYaml({ name: "ci-marker", gracePeriod: 60, userData: "#cloud-config\nhostname: marker-host\nruncmd:\n  - echo E2E-MARKER-$((6*7))" }));
  try {
    await waitFor("the cloud-init marker on the console", () => vm.console().includes("E2E-MARKER-42"), BOOT_MS);
    await waitFor("the guest to finish booting", () => vm.console().includes("guest: ready, hostname marker-host"), 30_000);
    const sent = Date.now();
    vm.child.kill("SIGTERM");
    const exit = await exitWithin(vm, EXIT_MS);
    t.truthy(exit, `launcher did not exit within ${EXIT_MS} ms\n${vm.output()}`);
    t.is(exit!.code, 0, vm.output());
    t.true(exit!.at - sent < 60_000, "shut down within the grace period");
    t.regex(vm.console(), /ACPI power button, powering off/);
    t.regex(vm.output(), /"outcome":"poweroff"/);
  } finally {
    vm.cleanup();
  }
});

test.serial("a PVC keeps what one boot wrote for the next; an ephemeral disk does not", async (t) => {
  const pvcDir = scratchDir("pvc-");
  const persistImg = makeClaim(pvcDir, "persist");
  const scratchImg = makeClaim(pvcDir, "scratch");
  const claims = [{ name: "persist", claim: "persist" }, { name: "scratch", claim: "scratch", ephemeral: true }];
  // Disks: vda containerdisk, vdb cloud-init, vdc persist (PVC), vdd scratch (ephemeral over a PVC).
  const write = "#!/bin/sh\necho PVC-DATA-1 | dd of=/dev/vdc conv=fsync 2>/dev/null\necho EPH-DATA-1 | dd of=/dev/vdd conv=fsync 2>/dev/null\necho WROTE-BOTH\npoweroff";
  const read = "#!/bin/sh\necho \"PVC=$(head -c 10 /dev/vdc) EPH=$(head -c 10 /dev/vdd | tr -d '\\\\000')\"\npoweroff";
  for (const [name, userData] of [["pvc-write", write], ["pvc-read", read]] as const) {
    const vm = startStandalone(vmiYaml({ name, userData, claims }), ["--pvc-dir", pvcDir]);
    try {
      const exit = await exitWithin(vm, BOOT_MS);
      t.truthy(exit, `${name}: the guest did not power off\n${vm.output()}\n${vm.console()}`);
      t.is(exit!.code, 0, `${name}: a guest poweroff exits 0\n${vm.output()}`);
      if (name === "pvc-write") t.regex(vm.console(), /WROTE-BOTH/);
      else t.regex(vm.console(), /PVC=PVC-DATA-1 EPH=\s/);
    } finally {
      vm.cleanup();
    }
  }
  t.is(readFileSync(persistImg).subarray(0, 10).toString(), "PVC-DATA-1");
  t.is(readFileSync(scratchImg).subarray(0, 10).toString("hex"), "00".repeat(10), "the ephemeral disk's claim was never written");
});

test.serial("a guest that ignores ACPI is destroyed at its grace deadline (exit 3)", async (t) => {
  const vm = startStandalone(vmiYaml({ name: "no-acpi", gracePeriod: 5, userData: "#!/bin/sh\ntouch /run/acpi-ignore\necho IGNORING-ACPI" }));
  try {
    await waitFor("the guest to ignore ACPI", () => vm.console().includes("IGNORING-ACPI"), BOOT_MS);
    await waitFor("the guest to finish booting", () => vm.console().includes("guest: ready"), 30_000);
    const sent = Date.now();
    vm.child.kill("SIGTERM");
    const exit = await exitWithin(vm, EXIT_MS);
    t.truthy(exit, vm.output());
    t.is(exit!.code, 3, vm.output());
    const took = exit!.at - sent;
    t.true(took >= 5000 && took < 20_000, `destroyed ${took} ms after SIGTERM, grace period 5 s`);
    t.regex(vm.console(), /ACPI power button ignored/);
    t.regex(vm.output(), /grace-period-expired/);
  } finally {
    vm.cleanup();
  }
});

test.serial("command socket: info, pause/unpause with events; killing QEMU makes the launcher exit non-zero (2)", async (t) => {
  const vm = startStandalone(vmiYaml({ name: "crash", userData: "#cloud-config\n" }));
  try {
    await waitFor("the domain to start", () => vm.output().includes("domain started"), 60_000);
    const client = await CommandClient.connect(vm.socket);
    const events: Array<EventMessage["event"]> = [];
    client.onEvent((e) => events.push(e));
    t.is(client.hello.protocol, "kubevirt-ts.io/launcher-cmd");
    await client.call("subscribe");
    t.like(await client.call("domainInfo"), { name: "default_crash", state: "running" });
    await client.call("pause");
    await waitFor("a paused event", () => events.some((e) => e.kind === "paused"), 10_000);
    t.like(await client.call("domainInfo"), { state: "paused" });
    await client.call("unpause");
    await waitFor("a resumed event", () => events.some((e) => e.kind === "resumed"), 10_000);
    const qemu = await waitFor("QEMU's pid", () => pidsMatching("guest=default_crash")[0], 10_000);
    process.kill(qemu, "SIGKILL");
    const exit = await exitWithin(vm, EXIT_MS);
    t.truthy(exit, vm.output());
    t.is(exit!.code, 2, vm.output());
    t.true(events.some((e) => e.kind === "crashed"), JSON.stringify(events));
    client.close();
  } finally {
    vm.cleanup();
  }
});

test.serial("a SIGKILLed launcher leaves no QEMU or libvirtd behind", async (t) => {
  const vm = startStandalone(vmiYaml({ name: "orphan", userData: "#cloud-config\n" }));
  try {
    await waitFor("the domain to start", () => vm.output().includes("domain started"), 60_000);
    t.true(pidsMatching("guest=default_orphan").length > 0, "QEMU runs");
    t.true(daemonPidsFor(vm.workdir).length > 0, "its libvirtd runs");
    vm.child.kill("SIGKILL");
    await vm.exit;
    await waitFor("QEMU to be gone", () => pidsMatching("guest=default_orphan").length === 0, 10_000);
    await waitFor("its libvirtd to be gone", () => daemonPidsFor(vm.workdir).length === 0, 10_000).catch(() => undefined);
    t.deepEqual(pidsMatching("guest=default_orphan"), []);
    t.deepEqual(daemonPidsFor(vm.workdir), [], "no libvirtd/virtlogd/tini/unshare of this launcher");
    t.deepEqual(pidsMatching(`virsh -q -c qemu:///session?socket=${vm.workdir}`), []);
  } finally {
    vm.cleanup();
  }
});

test.serial("the seed's v1alpha1 VM boots unmodified in its 64M as myvm, with its ssh key in cirros's authorized_keys", async (t) => {
  const seed = readFileSync(join(__dirname, "../fixtures/seed/example-vm.yaml"), "utf8");
  t.regex(seed, /memory: 64M\n/, "the fixture is the seed's manifest, 64M");
  const vm = startStandalone(seed);
  try {
    await waitFor("the guest to boot", () => vm.console().includes("guest: ready"), BOOT_MS);
    await waitFor("the console prompt", () => vm.console().includes("myvm# "), 30_000);
    const console = vm.console();
    t.regex(console, /guest: ready, hostname myvm/);
    t.regex(console, /cloud-init: user-data has no #cloud-config header; applying it as cloud-config/);
    t.regex(console, /cloud-init: \/home\/cirros\/\.ssh\/authorized_keys: ssh-rsa AAAAB3NzaK8L93bWxnyp test@test\.com/);
    // 64M = 62500 KiB of guest RAM; the kernel keeps some, so the guest sees less.
    const memTotal = Number(/guest: MemTotal: (\d+) kB/.exec(console)?.[1]);
    t.true(memTotal > 0 && memTotal <= 62_500, `MemTotal ${memTotal} kB`);
    vm.child.kill("SIGTERM");
    const exit = await exitWithin(vm, EXIT_MS);
    t.truthy(exit, vm.output());
    t.true(exit!.code === 0 || exit!.code === 3, `stopped within the seed's 5 s grace period (exit ${exit!.code})`);
  } finally {
    vm.cleanup();
  }
});

test.serial("header-less user data that is not cloud-config is logged and ignored, as cloud-init does", async (t) => {
  const vm = startStandalone(vmiYaml({ name: "plain-text", userData: "just some text\nnot: yaml we know" }));
  try {
    await waitFor("the guest to boot", () => vm.console().includes("guest: ready"), BOOT_MS);
    t.regex(vm.console(), /cloud-init: unhandled user-data \(no #cloud-config or #! header\), ignored/);
    t.regex(vm.console(), /guest: ready, hostname plain-text/);
  } finally {
    vm.cleanup();
  }
});

test.serial("pod mode: the launcher waits for a sync command with the VMI, then a kill command destroys the domain (exit 3)", async (t) => {
  const vm = startStandalone(undefined);
  try {
    await waitFor("the launcher to be ready", () => vm.output().includes("launcher ready"), 60_000);
    t.false(vm.output().includes("domain started"), "no domain before sync");
    const client = await CommandClient.connect(vm.socket);
    const events: Array<EventMessage["event"]> = [];
    client.onEvent((e) => events.push(e));
    await client.call("subscribe");
    await t.throwsAsync(client.call("domainInfo"), { message: /no-domain/ });
    const vmi = parse(vmiYaml({ name: "pod-mode", userData: "#cloud-config\n" })) as unknown;
    t.like(await client.call("sync", { vmi }), { name: "default_pod-mode", state: "running" });
    t.like(await client.call("sync", { vmi }), { name: "default_pod-mode" }, "a second sync is a no-op");
    await waitFor("a started event", () => events.some((e) => e.kind === "started"), 10_000);
    await client.call("kill");
    const exit = await exitWithin(vm, EXIT_MS);
    t.truthy(exit, vm.output());
    t.is(exit!.code, 3, vm.output());
    t.true(events.some((e) => e.kind === "destroyed"), JSON.stringify(events));
    client.close();
  } finally {
    vm.cleanup();
  }
});

test.serial("pod network: a tap in a project-created network namespace; the guest takes a DHCP lease and answers ping there", async (t) => {
  // Everything stays inside a namespace this test creates (no default route): tap0 with 10.250.77.1/24,
  // busybox udhcpd on it, the launcher's libvirtd and QEMU entered into the namespace.
  await qemuUser(); // the tap is handed to QEMU's user, which must exist first
  const netns = `kvts-e2e-${process.pid}`;
  const dir = scratchDir("netns-");
  const ipn = (...args: string[]): string => execFileSync("ip", ["-n", netns, ...args], { encoding: "utf8" });
  execFileSync("ip", ["netns", "add", netns]);
  let dhcpd: ReturnType<typeof spawn> | undefined;
  let vm: ReturnType<typeof startStandalone> | undefined;
  try {
    ipn("link", "set", "lo", "up");
    ipn("tuntap", "add", "dev", "tap0", "mode", "tap", "user", QEMU_USER);
    ipn("addr", "add", "10.250.77.1/24", "dev", "tap0");
    ipn("link", "set", "tap0", "up");
    writeFileSync(join(dir, "udhcpd.conf"), `start 10.250.77.10\nend 10.250.77.20\ninterface tap0\noption subnet 255.255.255.0\nlease_file ${dir}/leases\npidfile ${dir}/udhcpd.pid\n`);
    writeFileSync(join(dir, "leases"), "");
    dhcpd = spawn("ip", ["netns", "exec", netns, "busybox", "udhcpd", "-f", join(dir, "udhcpd.conf")], { stdio: "ignore" });
    vm = startStandalone(vmiYaml({ name: "netvm", userData: "#cloud-config\n", podNetwork: true }), ["--netns", netns, "--tap", "default=tap0"]);
    const address = await waitFor("a DHCP lease in the guest", () => /guest: eth0 has address (10\.250\.77\.\d+)/.exec(vm!.console())?.[1], BOOT_MS);
    t.regex(address, /^10\.250\.77\.(1\d|20)$/);
    t.notThrows(() => execFileSync("ip", ["netns", "exec", netns, "busybox", "ping", "-c", "1", "-W", "5", address], { stdio: "ignore" }), "the guest answers ping inside the namespace");
    t.is(execFileSync("ip", ["netns", "exec", netns, "ip", "route", "show", "default"], { encoding: "utf8" }).trim(), "", "no route out of the namespace");
  } finally {
    // The namespace and the DHCP server go even when the launcher's cleanup fails.
    dhcpd?.kill("SIGKILL");
    try {
      vm?.cleanup();
    } finally {
      execFileSync("ip", ["netns", "del", netns]);
    }
  }
});
