/**
 * The launcher's side of the pod network (pod mode): the node agent has built the bridge and tap
 * in this pod's network namespace before the sync (src/handler/network/); the launcher checks the tap
 * is there, makes sure QEMU can open /dev/net/tun, and runs the guest's DHCP server (busybox udhcpd)
 * on the bridge: masquerade hands out the private 10.0.2.2, bridge the pod's own address (./bridge-facts.ts). Everything lives and dies with the pod: no cleanup is owed to the node.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { access, chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { VirtualMachineInstance } from "../../api";
import type { Logger } from "../log";
import { bridgeGuestMac, decodeFacts, type PodInterfaceFacts } from "./bridge-facts";
import { bridgeLeaseSettings, leaseSettings, parseResolvConf, udhcpdConfig, type LeaseSettings } from "./dhcp-config";
import { podNetworkPlan } from "./plan";

const exec = promisify(execFile);

export interface AttachedNetwork {
  /** Network name → tap, and → MAC, for the converter. */
  taps: Record<string, string>;
  macs: Record<string, string>;
  stop(): void;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** QEMU opens an existing tap through /dev/net/tun; a container may lack the node (no tun device plugin). */
async function ensureTunDevice(): Promise<void> {
  if (await exists("/dev/net/tun")) return;
  await mkdir("/dev/net", { recursive: true });
  await exec("mknod", ["/dev/net/tun", "c", "10", "200"]).catch((err: unknown) => {
    throw new Error(`pod network: /dev/net/tun is missing and cannot be created (${(err as Error).message})`, { cause: err });
  });
  await chmod("/dev/net/tun", 0o666);
}

function hostnameOf(vmi: VirtualMachineInstance): string {
  return vmi.spec.hostname ?? String((vmi.metadata as { name?: string } | undefined)?.name ?? "");
}

/**
 * busybox udhcpd in the foreground, restarted when it ends before the launcher stops it: the guest
 * asks for its lease again (udhcpc retries in the background), so a server that died must come back.
 */
class DhcpServer {
  private child?: ChildProcess;
  private stopped = false;

  constructor(private readonly file: string, private readonly log: Logger) {}

  async start(): Promise<void> {
    const child = spawn("busybox", ["udhcpd", "-f", this.file], { stdio: ["ignore", "ignore", "pipe"] });
    child.stderr?.on("data", (d: Buffer) => this.log("dhcp server", { output: d.toString().trim() }));
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      child.once("error", (err) => reject(new Error(`pod network: the DHCP server (busybox udhcpd) did not start: ${err.message}`, { cause: err })));
    });
    this.child = child;
    child.once("exit", (code, signal) => {
      this.log("dhcp server exited", { code, signal, restart: !this.stopped });
      if (!this.stopped) setTimeout(() => void this.start().catch((err: unknown) => this.log("dhcp server restart failed", { error: (err as Error).message })), 1000).unref();
    });
  }

  stop(): void {
    this.stopped = true;
    this.child?.kill("SIGTERM");
  }
}

async function startDhcp(conf: string, stateDir: string, log: Logger): Promise<DhcpServer> {
  await mkdir(stateDir, { recursive: true });
  const file = join(stateDir, "udhcpd.conf");
  await writeFile(file, conf);
  await writeFile(join(stateDir, "udhcpd.leases"), "");
  const server = new DhcpServer(file, log);
  await server.start();
  return server;
}

/** Bridge: what the node agent read from the pod's interface before handing its address to the guest. */
async function bridgeFactsOf(bridge: string): Promise<PodInterfaceFacts> {
  const alias = await readFile(`/sys/class/net/${bridge}/ifalias`, "utf8").catch(() => "");
  const facts = decodeFacts(alias);
  if (!facts) throw new Error(`pod network: bridge ${bridge} carries no facts about the pod's interface (the node agent sets them before the sync)`);
  return facts;
}

export async function attachPodNetwork(vmi: VirtualMachineInstance, opts: { workdir: string; log: Logger; qemuUid?: number; resolvConf?: string }): Promise<AttachedNetwork | undefined> {
  const plan = podNetworkPlan(vmi);
  if (!plan) return undefined;
  if (!(await exists(`/sys/class/net/${plan.tap}`))) {
    throw new Error(`pod network: tap ${plan.tap} is missing in the pod's network namespace (the node agent creates it before the sync)`);
  }
  const owner = (await readFile(`/sys/class/net/${plan.tap}/owner`, "utf8").catch(() => "")).trim();
  if (opts.qemuUid !== undefined && owner !== String(opts.qemuUid)) {
    throw new Error(`pod network: tap ${plan.tap} belongs to uid ${owner || "none"}, but QEMU runs as uid ${opts.qemuUid} and could not open it`);
  }
  await ensureTunDevice();
  const dns = parseResolvConf(await readFile(opts.resolvConf ?? "/etc/resolv.conf", "utf8").catch(() => ""));
  const stateDir = join(opts.workdir, "dhcp");
  let settings: LeaseSettings;
  let mac = plan.mac;
  if (plan.binding === "bridge") {
    const facts = await bridgeFactsOf(plan.bridge);
    mac = bridgeGuestMac(plan, facts);
    settings = bridgeLeaseSettings(plan, facts, hostnameOf(vmi), dns, stateDir);
  } else {
    settings = leaseSettings(plan, hostnameOf(vmi), dns, stateDir);
  }
  const dhcp = await startDhcp(udhcpdConfig(settings, mac), stateDir, opts.log);
  opts.log("pod network attached", { binding: plan.binding, tap: plan.tap, mac, guest: settings.address });
  return { taps: { [plan.network]: plan.tap }, macs: { [plan.network]: mac }, stop: () => dhcp.stop() };
}
