/**
 * The launcher's side of the pod network (pod mode): the node agent has built the bridge and tap
 * in this pod's network namespace before the sync (src/handler/network/); the launcher checks the tap
 * is there, makes sure QEMU can open /dev/net/tun, and runs the guest's DHCP server (busybox udhcpd)
 * on the bridge. Everything lives and dies with the pod: no cleanup is owed to the node.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { access, chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { VirtualMachineInstance } from "../../api";
import type { Logger } from "../log";
import { leaseSettings, parseResolvConf, udhcpdConfig } from "./dhcp-config";
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

async function startDhcp(conf: string, stateDir: string, log: Logger): Promise<ChildProcess> {
  await mkdir(stateDir, { recursive: true });
  const file = join(stateDir, "udhcpd.conf");
  await writeFile(file, conf);
  await writeFile(join(stateDir, "udhcpd.leases"), "");
  const child = spawn("busybox", ["udhcpd", "-f", file], { stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.on("data", (d: Buffer) => log("dhcp server", { output: d.toString().trim() }));
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (err) => reject(new Error(`pod network: the DHCP server (busybox udhcpd) did not start: ${err.message}`, { cause: err })));
  });
  child.once("exit", (code, signal) => log("dhcp server exited", { code, signal }));
  return child;
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
  let dhcp: ChildProcess | undefined;
  if (plan.binding === "masquerade") {
    const dns = parseResolvConf(await readFile(opts.resolvConf ?? "/etc/resolv.conf", "utf8").catch(() => ""));
    const stateDir = join(opts.workdir, "dhcp");
    dhcp = await startDhcp(udhcpdConfig(leaseSettings(plan, hostnameOf(vmi), dns, stateDir), plan.mac), stateDir, opts.log);
    opts.log("pod network attached", { binding: plan.binding, tap: plan.tap, mac: plan.mac, guest: plan.guest?.address });
  }
  return { taps: { [plan.network]: plan.tap }, macs: { [plan.network]: plan.mac }, stop: () => dhcp?.kill("SIGTERM") };
}
