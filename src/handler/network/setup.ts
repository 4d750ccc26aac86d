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
import { masqueradeSteps, NFT, NFT_TABLE, teardownSteps, type Step } from "./steps";

export class NetworkSetupError extends Error {
  readonly code = "failed";
  constructor(readonly step: string, message: string) {
    super(`pod network set-up failed at step ${step}: ${message}`);
  }
}

interface RunResult {
  code: number | null;
  stderr: string;
}

function runIn(pid: number, step: Step): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("nsenter", ["-t", String(pid), "-n", "--", ...step.argv], { stdio: [step.stdin !== undefined ? "pipe" : "ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr: stderr.trim() }));
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
}

export class PodNetworks implements PodNetworkPort {
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
    if (plan.binding !== "masquerade") throw new NetworkSetupError("plan", `the ${plan.binding} binding is not supported yet; use masquerade`);
    const pid = await this.findProcess(podUid);
    if (pid === undefined) throw new Error(`pod ${podUid}: no process of it found on this node (not started yet?)`); // transient: retried
    if (await this.done(pid, plan)) return;
    for (const step of teardownSteps(plan)) await runIn(pid, step);
    for (const step of masqueradeSteps(plan, this.qemu)) {
      const r = await runIn(pid, step);
      if (r.code !== 0) throw new NetworkSetupError(step.name, `${step.argv.join(" ")}: ${r.stderr || `exit code ${r.code}`}`);
    }
    this.log("pod network set up", { pod: podUid, binding: plan.binding, tap: plan.tap, guest: plan.guest?.address, ports: plan.ports.length || "all" });
  }

  private async done(pid: number, plan: PodNetworkPlan): Promise<boolean> {
    const tap = await runIn(pid, { name: "check-tap", argv: ["ip", "link", "show", plan.tap] });
    if (tap.code !== 0) return false;
    return (await runIn(pid, { name: "check-nat", argv: [NFT, "list", "table", "ip", NFT_TABLE] })).code === 0;
  }
}
