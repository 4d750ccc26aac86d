/**
 * virtctl's VM and VMI state verbs: start, stop, restart, pause, unpause, migrate, guestosinfo,
 * userlist, fslist. Same names, flags, messages and exit codes as virtctl v1.6.0: success prints
 * "VM NAME was scheduled to VERB" and exits 0; a refusal prints the server's message and exits 1.
 */
import { parseArgs } from "node:util";
import { ApiError, call, subresourcePath } from "./api";
import { loadConnection } from "./kubeconfig";

export class VerbUsageError extends Error {}

export interface VerbIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const COMMON = {
  namespace: { type: "string", short: "n" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  "dry-run": { type: "boolean" },
} as const;

export const VM_VERBS = ["start", "stop", "restart", "pause", "unpause", "migrate", "guestosinfo", "userlist", "fslist"] as const;
export type VmVerb = (typeof VM_VERBS)[number];

function parse(args: readonly string[], extra: Record<string, { type: "string" | "boolean"; short?: string }> = {}) {
  try {
    return parseArgs({ args: [...args], options: { ...COMMON, ...extra }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new VerbUsageError((e as Error).message);
  }
}

const dryRunBody = (on: unknown): object => (on ? { dryRun: ["All"] } : {});

/** What to send for a verb: resource, name, subresource, method, body, and the success line. */
export function requestFor(verb: VmVerb, args: readonly string[]): { flags: Record<string, unknown>; resource: "virtualmachines" | "virtualmachineinstances"; name: string; sub: string; method: "PUT" | "GET"; body?: object; done?: string; errorFmt: string } {
  if (verb === "pause" || verb === "unpause") {
    const p = parse(args);
    const [kind, name] = p.positionals;
    if ((kind !== "vm" && kind !== "vmi") || !name) throw new VerbUsageError(`${verb} needs a kind and a name: ${verb} vm|vmi NAME`);
    // A VM's VMI carries the VM's name: both kinds pause the instance.
    return { flags: p.values, resource: "virtualmachineinstances", name, sub: verb, method: "PUT", body: dryRunBody(p.values["dry-run"]), done: `VMI ${name} was scheduled to ${verb}`, errorFmt: `Error ${verb === "pause" ? "pausing" : "unpausing"} VirtualMachineInstance %s` };
  }
  if (verb === "guestosinfo" || verb === "userlist" || verb === "fslist") {
    const p = parse(args);
    const name = one(verb, p.positionals);
    return { flags: p.values, resource: "virtualmachineinstances", name, sub: verb === "fslist" ? "filesystemlist" : verb, method: "GET", errorFmt: "%s" };
  }
  const p = parse(args, { "grace-period": { type: "string" }, force: { type: "boolean" }, paused: { type: "boolean" } });
  const name = one(verb, p.positionals);
  const v = p.values as Record<string, unknown>;
  const body: Record<string, unknown> = { ...dryRunBody(v["dry-run"]) };
  let errorFmt = { start: "Error starting VirtualMachine %s", stop: "error stopping VirtualMachine %s", restart: "error restarting VirtualMachine %s", migrate: "Error migrating VirtualMachine %s" }[verb];
  if (verb === "stop" || verb === "restart") {
    const graceSet = v["grace-period"] !== undefined;
    if (graceSet !== (v.force === true)) throw new VerbUsageError("Must both use --force=true and set --grace-period.");
    if (graceSet) {
      const grace = Number(v["grace-period"]);
      if (!Number.isInteger(grace)) throw new VerbUsageError(`--grace-period: "${String(v["grace-period"])}" is not a whole number of seconds`);
      body[verb === "stop" ? "gracePeriod" : "gracePeriodSeconds"] = grace;
      errorFmt = verb === "stop" ? "error force stopping VirtualMachine: %s" : "error force restarting VirtualMachine: %s";
    }
  }
  if (verb === "start" && v.paused) body.paused = true;
  return { flags: v, resource: "virtualmachines", name, sub: verb, method: "PUT", body, done: `VM ${name} was scheduled to ${verb}`, errorFmt };
}

function one(verb: string, positionals: string[]): string {
  if (positionals.length !== 1) throw new VerbUsageError(`${verb} needs exactly one name: ${verb} NAME`);
  return positionals[0];
}

export async function runVmVerb(verb: VmVerb, args: readonly string[], io: VerbIo): Promise<number> {
  const r = requestFor(verb, args);
  const flags = r.flags as { kubeconfig?: string; namespace?: string; context?: string };
  const conn = loadConnection(flags);
  try {
    const res = await call(conn, r.method, subresourcePath(conn, r.resource, r.name, r.sub), r.body);
    if (r.done) io.out(r.done);
    else io.out(res.body);
    return 0;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    io.err(r.errorFmt.replace("%s", err.message));
    return 1;
  }
}
