import { parseArgs } from "node:util";
import { DEFAULT_POLICY } from "../admission/chain";
import { InputError } from "./read-documents";
import { CommandIo, OutputFormat, validateCommand } from "./validate-command";
import { runCreateVm } from "./verbs/create-vm";
import { runExpose } from "./verbs/expose";
import { KubeconfigError } from "./verbs/kubeconfig";
import { runVmVerb, VerbUsageError, VM_VERBS, type VerbIo, type VmVerb } from "./verbs/vm-verbs";
import { runConsole } from "./verbs/console";
import { runPortForward } from "./verbs/port-forward";
import { runScp, runSsh } from "./verbs/ssh";
import { runVnc } from "./verbs/vnc";

/** The verbs that hold a stream open (console, VNC, port-forward) or run the ssh client. */
const STREAM_VERBS: Record<string, (args: readonly string[], io: VerbIo) => Promise<number>> = {
  console: runConsole,
  vnc: runVnc,
  "port-forward": runPortForward,
  ssh: runSsh,
  scp: runScp,
};

const USAGE = `kubectl-virt: the kubevirt-ts CLI (also usable as \`kubectl virt\`)

Usage:
  kubectl-virt validate -f FILE [-f FILE ...] [-o yaml|json] [--feature-gates GATE,GATE]
      Run the admission chain (v1alpha1 conversion, defaults, validation) offline.
      --feature-gates: KubeVirt feature gates to assume enabled (for example HostDisk).
      FILE may hold several YAML documents; - reads standard input.
      Exit 0: all admitted (with -o, the admitted objects are printed). Exit 1: denied or unreadable.
  kubectl-virt start|stop|restart VM [--grace-period N --force] [--dry-run]
  kubectl-virt pause|unpause vm|vmi NAME
  kubectl-virt guestosinfo|userlist|fslist VMI
  kubectl-virt console VMI                       (leave with Ctrl+], exit 0)
  kubectl-virt vnc VMI [--proxy-only] [--port N] [--address A]
  kubectl-virt port-forward vm|vmi/NAME[/NAMESPACE] [PROTOCOL/]LOCAL[:REMOTE]... [--address A] [--stdio]
  kubectl-virt ssh [USER@]vm|vmi/NAME[/NAMESPACE] [-i KEY] [-p PORT] [-c COMMAND] [-t SSH-OPTION]
  kubectl-virt scp [-r] SRC DST                  (one side [USER@]vmi/NAME[/NAMESPACE]:PATH)
  kubectl-virt migrate VM        (answered "not supported yet")
  kubectl-virt usbredir VMI      (answered "not supported yet": no USB redirection devices)
  kubectl-virt expose vm|vmi|vmirs NAME --name SVC [--port P] [--target-port T] [--type ClusterIP|NodePort|LoadBalancer]
  kubectl-virt create vm [--name N] [--instancetype [KIND/]NAME] [--preference [KIND/]NAME] [--volume-containerdisk src:IMAGE] ...
      Prints a VirtualMachine manifest as virtctl create vm does (nothing is sent).
      virtctl's verbs, through the subresources.kubevirt.io API. Common flags: -n NAMESPACE,
      --kubeconfig FILE, --context NAME. Exit 0: done; exit 1: refused (the server's message is printed).

Exit code 2: wrong usage.`;

class UsageError extends Error {}

/** Runs the CLI with the given arguments; returns the process exit code (a promise for verbs that call the cluster). Never throws. */
export function main(argv: readonly string[], io: CommandIo): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === "help" || command === "--help" || command === "-h") {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if ((VM_VERBS as readonly string[]).includes(command)) return runVmVerb(command as VmVerb, rest, io).catch((e: unknown) => failure(e, io));
    if (command === "expose") return runExpose(rest, io).catch((e: unknown) => failure(e, io));
    const streamVerb = STREAM_VERBS[command];
    if (streamVerb) return streamVerb(rest, io).catch((e: unknown) => failure(e, io));
    if (command === "create" && rest[0] === "vm") return runCreateVm(rest.slice(1), io);
    if (command === "usbredir") {
      io.err("error: usbredir is not supported yet: kubevirt-ts gives VMs no USB redirection devices (spec.domain.devices.clientPassthrough is not served)");
      return 1;
    }
    if (command !== "validate") throw new UsageError(`unknown command "${command}"`);
    return runValidate(rest, io);
  } catch (e) {
    return failure(e, io);
  }
}

function failure(e: unknown, io: CommandIo): number {
  if (e instanceof VerbUsageError) {
    io.err(`error: ${e.message}`);
    return 2;
  }
  if (e instanceof KubeconfigError) {
    io.err(`error: ${e.message}`);
    return 1;
  }
  if (e instanceof UsageError) {
    io.err(`error: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (e instanceof InputError) {
    io.err(`error: ${e.message}`);
    return 1;
  }
  io.err(`error: internal failure in kubectl-virt: ${(e as Error)?.message ?? String(e)}`);
  return 1;
}

function runValidate(args: readonly string[], io: CommandIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { filename: { type: "string", short: "f", multiple: true }, output: { type: "string", short: "o" }, "feature-gates": { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const files = parsed.values.filename ?? [];
  if (files.length === 0) throw new UsageError("validate needs -f FILE (or -f - for standard input)");
  const output = parsed.values.output;
  if (output !== undefined && output !== "yaml" && output !== "json") throw new UsageError(`-o must be yaml or json, not "${output}"`);
  const gates = (parsed.values["feature-gates"] ?? "").split(",").map(g => g.trim()).filter(Boolean);
  return validateCommand(files, output as OutputFormat, io, { ...DEFAULT_POLICY, featureGates: new Set(gates) });
}
