/**
 * port-forward's arguments (pure), as virtctl v1.6 parses them: the target TYPE/NAME[/NAMESPACE] (or
 * the legacy TYPE/NAME.NAMESPACE), and ports [PROTOCOL/]LOCAL[:REMOTE].
 */
export interface Target {
  kind: "vm" | "vmi";
  name: string;
  namespace: string;
}

export interface ForwardedPort {
  local: number;
  remote: number;
  protocol: string;
}

const KINDS: Record<string, "vm" | "vmi"> = {
  vm: "vm", vms: "vm", virtualmachine: "vm", virtualmachines: "vm",
  vmi: "vmi", vmis: "vmi", virtualmachineinstance: "vmi", virtualmachineinstances: "vmi",
};

export function parseTarget(raw: string, defaultNamespace: string): Target | { problem: string } {
  const parts = raw.split("/");
  if (parts.length === 1) return { problem: "target must contain type and name separated by '/'" };
  if (parts.length > 3) return { problem: "target is not valid with more than two '/'" };
  const kind = KINDS[parts[0]!.toLowerCase()];
  if (!kind) return { problem: `unsupported resource type '${parts[0]}'` };
  let name = parts[1]!;
  let namespace = parts.length === 3 ? parts[2]! : defaultNamespace;
  if (parts.length === 3 && !namespace) return { problem: "namespace cannot be empty" };
  if (!name) return { problem: "name cannot be empty" };
  const dot = name.lastIndexOf(".");
  if (parts.length === 2 && dot > -1) {
    namespace = name.slice(dot + 1);
    name = name.slice(0, dot);
  }
  return { kind, name, namespace };
}

export function parsePort(arg: string): ForwardedPort | { problem: string } {
  let protocol = "tcp";
  let rest = arg;
  const slash = arg.split("/");
  if (slash.length > 1) [protocol, rest] = [slash[0]!, slash[1]!];
  const ports = rest.split(":").filter((p) => p !== "");
  if (ports.length < 1) return { problem: "invalid port, missing local and/or remote port" };
  const local = Number(ports[0]);
  const remote = ports.length > 1 ? Number(ports[1]) : local;
  for (const p of [local, remote]) if (!Number.isInteger(p) || p < 0 || p > 65535) return { problem: `invalid port "${arg}": ports are numbers from 0 to 65535 (0: any free local port)` };
  if (remote === 0) return { problem: `invalid port "${arg}": the remote port cannot be 0` };
  return { local, remote, protocol };
}
