/**
 * Carries out a VMI's pod network set-up (./steps.ts) inside its launcher pod's network namespace,
 * entered with nsenter through a process of the pod. Idempotent: a namespace whose tap and NAT table
 * exist is left alone (a running guest keeps its tap); a half-done one is torn down and redone.
 * A step that fails is permanent for this pod: the error names it, and the VMI fails with it.
 */
import { spawn } from "node:child_process";
import type { VirtualMachineInstance } from "../../api";
import { QEMU_UID } from "../../launcher/host/qemu-user";
import { podNetworkPlan, type PodNetworkPlan } from "../../launcher/network/plan";
import type { Logger } from "../log";
import { podProcess } from "./pod-process";
import { bridgeGuestMac, decodeFacts, parsePodInterface, type PodInterfaceFacts } from "../../launcher/network/bridge-facts";
import { bridgeSteps } from "./bridge-steps";
import { masqueradeSteps, NFT, NFT_TABLE, teardownSteps, type Step } from "./steps";

export class NetworkSetupError extends Error {
  readonly code = "failed";
  constructor(readonly step: string, message: string) {
    super(`pod network set-up failed at step ${step}: ${message}`);
  }
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runIn(pid: number, step: Step): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("nsenter", ["-t", String(pid), "-n", "--", ...step.argv], { stdio: [step.stdin !== undefined ? "pipe" : "ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr: stderr.trim() }));
    if (step.stdin !== undefined) {
      // A command that exits without reading its input must not crash the agent with EPIPE: its exit code tells.
      child.stdin!.on("error", () => undefined);
      child.stdin!.end(step.stdin);
    }
  });
}

export interface PodNetworkPort {
  /** Builds the pod network of `vmi` in the namespace of pod `podUid`; resolves once it is in place. */
  setup(podUid: string, vmi: VirtualMachineInstance): Promise<void>;
  /** Bridge binding without macAddress: the guest's MAC (the pod interface's), once known; else undefined. */
  guestMac?(podUid: string, vmi: VirtualMachineInstance): Promise<string | undefined>;
  /** Drops what is kept about a VMI's pods, except `keepPodUid` (the VMI is gone, final or moved on). */
  forgetVmi?(vmiKey: string, keepPodUid?: string): void;
}

export class PodNetworks implements PodNetworkPort {
  /** Pod uid → the bridge guest's MAC, learned at set-up (or read back from the pod after a restart), and its VMI's key. */
  private readonly bridgeMacs = new Map<string, { vmiKey: string; mac: string }>();

  constructor(
    private readonly log: Logger,
    private readonly findProcess = podProcess,
    /** Who owns the tap: QEMU's user in the launcher image (KubeVirt's 107). */
    private readonly qemu = { uid: QEMU_UID, gid: QEMU_UID },
  ) {}

  async setup(podUid: string, vmi: VirtualMachineInstance): Promise<void> {
    let plan: PodNetworkPlan | undefined;
    try {
      plan = podNetworkPlan(vmi);
    } catch (err) {
      throw new NetworkSetupError("plan", (err as Error).message);
    }
    if (!plan) return;
    const pid = await this.findProcess(podUid);
    if (pid === undefined) throw new Error(`pod ${podUid}: no process of it found on this node (not started yet?)`); // transient: retried
    if (plan.binding === "bridge") return this.setupBridge(podUid, pid, plan, vmi);
    if (await this.done(pid, plan)) return;
    for (const step of teardownSteps(plan)) await runIn(pid, step);
    await runSteps(pid, masqueradeSteps(plan, this.qemu));
    this.log("pod network set up", { pod: podUid, binding: plan.binding, tap: plan.tap, guest: plan.guest?.address, ports: plan.ports.length || "all" });
  }

  async guestMac(podUid: string, vmi: VirtualMachineInstance): Promise<string | undefined> {
    const plan = planOrUndefined(vmi);
    if (plan?.binding !== "bridge" || plan.macFromSpec) return undefined;
    const known = this.bridgeMacs.get(podUid);
    if (known) return known.mac;
    const pid = await this.findProcess(podUid);
    const facts = pid === undefined ? undefined : await bridgeFacts(pid, plan);
    if (facts) this.rememberMac(podUid, vmi, bridgeGuestMac(plan, facts));
    return facts && bridgeGuestMac(plan, facts);
  }

  forgetVmi(vmiKey: string, keepPodUid?: string): void {
    for (const [uid, known] of this.bridgeMacs) if (known.vmiKey === vmiKey && uid !== keepPodUid) this.bridgeMacs.delete(uid);
  }

  private rememberMac(podUid: string, vmi: VirtualMachineInstance, mac: string): void {
    this.bridgeMacs.set(podUid, { vmiKey: `${vmi.metadata?.namespace}/${vmi.metadata?.name}`, mac });
  }

  /**
   * Bridge: the facts come from the pod's interface the first time, from the bridge's alias after.
   * Once the pod's interface is a bridge port its address is gone: a half-done set-up past that
   * point cannot be redone, and fails the VMI naming the step.
   */
  private async setupBridge(podUid: string, pid: number, plan: PodNetworkPlan, vmi: VirtualMachineInstance): Promise<void> {
    const done = await bridgeFacts(pid, plan);
    if (done && (await this.bridgeDone(pid, plan))) {
      this.rememberMac(podUid, vmi, bridgeGuestMac(plan, done));
      return;
    }
    if ((await runIn(pid, { name: "check-pod-nic", argv: ["ip", "link", "show", plan.podNic] })).code === 0) {
      throw new NetworkSetupError("resume", `${plan.podNic} is already a bridge port but the set-up is incomplete; the pod's address cannot be recovered: recreate the VMI`);
    }
    const addresses = await runIn(pid, { name: "read-pod-interface", argv: ["ip", "-j", "address", "show", "dev", plan.podInterface] });
    const routes = await runIn(pid, { name: "read-pod-routes", argv: ["ip", "-j", "-4", "route", "show", "dev", plan.podInterface] });
    let facts: PodInterfaceFacts;
    try {
      facts = parsePodInterface(addresses.stdout || "[]", routes.stdout || "[]", plan.podInterface);
    } catch (err) {
      throw new NetworkSetupError("read-pod-interface", (err as Error).message);
    }
    for (const step of teardownSteps(plan)) await runIn(pid, step);
    await runSteps(pid, bridgeSteps(plan, facts, this.qemu));
    this.rememberMac(podUid, vmi, bridgeGuestMac(plan, facts));
    this.log("pod network set up", { pod: podUid, binding: plan.binding, tap: plan.tap, guest: `${facts.address}/${facts.prefix}`, gateway: facts.gateway, mac: bridgeGuestMac(plan, facts) });
  }

  private async bridgeDone(pid: number, plan: PodNetworkPlan): Promise<boolean> {
    for (const argv of [["ip", "link", "show", plan.tap], ["ip", "link", "show", plan.podNic], [NFT, "list", "table", "bridge", NFT_TABLE]]) {
      if ((await runIn(pid, { name: "check", argv })).code !== 0) return false;
    }
    return true;
  }

  private async done(pid: number, plan: PodNetworkPlan): Promise<boolean> {
    const tap = await runIn(pid, { name: "check-tap", argv: ["ip", "link", "show", plan.tap] });
    if (tap.code !== 0) return false;
    return (await runIn(pid, { name: "check-nat", argv: [NFT, "list", "table", "ip", NFT_TABLE] })).code === 0;
  }
}

function planOrUndefined(vmi: VirtualMachineInstance): PodNetworkPlan | undefined {
  try {
    return podNetworkPlan(vmi);
  } catch {
    return undefined;
  }
}

async function runSteps(pid: number, steps: Step[]): Promise<void> {
  for (const step of steps) {
    const r = await runIn(pid, step);
    if (r.code !== 0) throw new NetworkSetupError(step.name, `${step.argv.join(" ")}: ${r.stderr || `exit code ${r.code}`}`);
  }
}

/** The facts in the bridge's alias, when the bridge is there and the alias is ours. */
async function bridgeFacts(pid: number, plan: PodNetworkPlan): Promise<PodInterfaceFacts | undefined> {
  const r = await runIn(pid, { name: "read-bridge", argv: ["ip", "-j", "link", "show", "dev", plan.bridge] });
  if (r.code !== 0) return undefined;
  const alias = (JSON.parse(r.stdout || "[]") as Array<{ ifalias?: string }>)[0]?.ifalias;
  return alias ? decodeFacts(alias) : undefined;
}
