/**
 * ssh and scp through port-forward (pure): the arguments for the machine's own ssh/scp client, as
 * virtctl's wrapped mode builds them. The client reaches the guest through a ProxyCommand that runs
 * this CLI's `port-forward --stdio`, and knows the guest as the host name KIND.NAME.NAMESPACE.
 */
import { parseTarget, type Target } from "./ports";

export interface SshOptions {
  /** How to run this CLI again (node and its entry point), for the ProxyCommand. */
  self: string[];
  kubeconfig?: string;
  port: number;
  identityFile?: string;
  localOptions: string[];
}

/** [USER@]TYPE/NAME[/NAMESPACE] → the user (if any) and the target. */
export function parseUserTarget(raw: string, namespace: string): { user?: string; target: Target } | { problem: string } {
  const at = raw.lastIndexOf("@");
  const user = at > -1 ? raw.slice(0, at) : undefined;
  const target = parseTarget(at > -1 ? raw.slice(at + 1) : raw, namespace);
  if ("problem" in target) return target;
  return { ...(user && { user }), target };
}

const quote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export const hostOf = (t: Target): string => `${t.kind}.${t.name}.${t.namespace}`;

function proxyCommand(t: Target, o: SshOptions): string {
  const kc = o.kubeconfig ? ["--kubeconfig", o.kubeconfig] : [];
  return `ProxyCommand=${[...o.self, "port-forward", "--stdio", ...kc, `${t.kind}/${t.name}/${t.namespace}`, String(o.port)].map(quote).join(" ")}`;
}

const common = (t: Target, o: SshOptions): string[] => ["-o", proxyCommand(t, o), ...o.localOptions, ...(o.identityFile ? ["-i", o.identityFile] : [])];

export function sshArgs(user: string | undefined, t: Target, o: SshOptions, command?: string): string[] {
  return [...common(t, o), `${user ? `${user}@` : ""}${hostOf(t)}`, ...(command ? [command] : [])];
}

/** SRC and DST, one of them [USER@]TYPE/NAME[/NAMESPACE]:PATH, as scp's own arguments. */
export function scpArgs(src: string, dst: string, namespace: string, o: SshOptions & { recursive: boolean }): string[] | { problem: string } {
  const remote = (arg: string): { user?: string; target: Target; path: string } | undefined => {
    const m = /^([^:]*\/[^:]*):(.*)$/.exec(arg);
    if (!m) return undefined;
    const ut = parseUserTarget(m[1]!, namespace);
    return "problem" in ut ? undefined : { ...ut, path: m[2]! };
  };
  const [rs, rd] = [remote(src), remote(dst)];
  if ((rs === undefined) === (rd === undefined)) return { problem: "scp needs exactly one remote side: [USER@]vmi/NAME[/NAMESPACE]:PATH" };
  const r = (rs ?? rd)!;
  const remoteArg = `${r.user ? `${r.user}@` : ""}${hostOf(r.target)}:${r.path}`;
  return [...common(r.target, o), ...(o.recursive ? ["-r"] : []), rs ? remoteArg : src, rd ? remoteArg : dst];
}
