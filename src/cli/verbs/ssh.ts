/**
 * `ssh [USER@]TYPE/NAME[/NAMESPACE]` and `scp [-r] SRC DST`: the machine's ssh/scp client, reaching
 * the guest through this CLI's port-forward (ssh-args.ts). The client's exit code is ours.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { loadConnection } from "./kubeconfig";
import { scpArgs, sshArgs, parseUserTarget, type SshOptions } from "./ssh-args";
import { VerbUsageError, type VerbIo } from "./vm-verbs";

const OPTIONS = {
  namespace: { type: "string", short: "n" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  username: { type: "string", short: "l" },
  "identity-file": { type: "string", short: "i" },
  port: { type: "string", short: "p" },
  "local-ssh-opts": { type: "string", short: "t", multiple: true },
  command: { type: "string", short: "c" },
  recursive: { type: "boolean", short: "r" },
} as const;

function parse(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new VerbUsageError((e as Error).message);
  }
}

function options(v: ReturnType<typeof parse>["values"]): SshOptions {
  const port = Number(v.port ?? "22");
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new VerbUsageError(`--port ${v.port}: must be a port number (1-65535)`);
  return {
    self: [process.execPath, process.argv[1]!],
    ...(v.kubeconfig && { kubeconfig: v.kubeconfig }),
    port,
    ...(v["identity-file"] && { identityFile: v["identity-file"] }),
    localOptions: (v["local-ssh-opts"] ?? []).flatMap((o) => o.split(/\s+/).filter(Boolean)),
  };
}

function run(client: string, args: string[], io: VerbIo): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(client, args, { stdio: "inherit" });
    child.once("error", (err) => {
      io.err(`cannot run ${client}: ${err.message} (is the OpenSSH client installed?)`);
      resolve(1);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runSsh(args: readonly string[], io: VerbIo): Promise<number> {
  const p = parse(args);
  const [raw, ...extra] = p.positionals;
  if (!raw || extra.length > 0) throw new VerbUsageError("ssh needs one target: ssh [USER@]vmi/NAME[/NAMESPACE] [-c COMMAND]");
  const conn = loadConnection(p.values);
  const ut = parseUserTarget(raw, conn.namespace);
  if ("problem" in ut) throw new VerbUsageError(ut.problem);
  return run("ssh", sshArgs(p.values.username ?? ut.user, ut.target, options(p.values), p.values.command), io);
}

export async function runScp(args: readonly string[], io: VerbIo): Promise<number> {
  const p = parse(args);
  const [src, dst, ...extra] = p.positionals;
  if (!src || !dst || extra.length > 0) throw new VerbUsageError("scp needs a source and a destination: scp [-r] SRC DST, one of them [USER@]vmi/NAME[/NAMESPACE]:PATH");
  const conn = loadConnection(p.values);
  // The guest's port is in the ProxyCommand: scp's own -P would only name the proxied host's.
  const built = scpArgs(src, dst, conn.namespace, { ...options(p.values), recursive: p.values.recursive === true });
  if ("problem" in built) throw new VerbUsageError(built.problem);
  return run("scp", built, io);
}
