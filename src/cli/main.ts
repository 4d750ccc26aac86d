import { parseArgs } from "node:util";
import { DEFAULT_POLICY } from "../admission/chain";
import { InputError } from "./read-documents";
import { CommandIo, OutputFormat, validateCommand } from "./validate-command";

const USAGE = `kubectl-virt: the kubevirt-ts CLI (also usable as \`kubectl virt\`)

Usage:
  kubectl-virt validate -f FILE [-f FILE ...] [-o yaml|json] [--feature-gates GATE,GATE]
      Run the admission chain (v1alpha1 conversion, defaults, validation) offline.
      --feature-gates: KubeVirt feature gates to assume enabled (for example HostDisk).
      FILE may hold several YAML documents; - reads standard input.
      Exit 0: all admitted (with -o, the admitted objects are printed). Exit 1: denied or unreadable.

Exit code 2: wrong usage.`;

class UsageError extends Error {}

/** Runs the CLI with the given arguments; returns the process exit code. Never throws. */
export function main(argv: readonly string[], io: CommandIo): number {
  try {
    const [command, ...rest] = argv;
    if (!command || command === "help" || command === "--help" || command === "-h") {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (command !== "validate") throw new UsageError(`unknown command "${command}"`);
    return runValidate(rest, io);
  } catch (e) {
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
