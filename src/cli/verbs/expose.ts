/**
 * `expose vm|vmi|vmirs NAME --name SVC [--port P] ...`: a Service selecting the VM's pods, as virtctl
 * expose makes it (client side only): VMs and VMIs by `vm.kubevirt.io/name` (launcher pods carry it),
 * replica sets by their selector's matchLabels; ports from --port or the pod-network interface's ports.
 */
import { parseArgs } from "node:util";
import { ApiError, call } from "./api";
import { loadConnection } from "./kubeconfig";
import { VerbUsageError, type VerbIo } from "./vm-verbs";

const KINDS: Record<string, { plural: string; label: string }> = {
  vmi: { plural: "virtualmachineinstances", label: "VirtualMachineInstance" },
  vm: { plural: "virtualmachines", label: "VirtualMachine" },
  vmirs: { plural: "virtualmachineinstancereplicasets", label: "VirtualMachineInstanceReplicaSet" },
};
const ALIASES: Record<string, string> = {
  vmi: "vmi", vmis: "vmi", virtualmachineinstance: "vmi", virtualmachineinstances: "vmi",
  vm: "vm", vms: "vm", virtualmachine: "vm", virtualmachines: "vm",
  vmirs: "vmirs", vmirss: "vmirs", virtualmachineinstancereplicaset: "vmirs", virtualmachineinstancereplicasets: "vmirs",
};
const TYPES: Record<string, string> = { clusterip: "ClusterIP", nodeport: "NodePort", loadbalancer: "LoadBalancer" };

export interface ExposeFlags {
  name?: string;
  port?: string;
  "target-port"?: string;
  protocol?: string;
  type?: string;
  "port-name"?: string;
  "cluster-ip"?: string;
  "external-ip"?: string;
}

interface SpecWithPorts {
  domain?: { devices?: { interfaces?: Array<{ name: string; ports?: Array<{ name?: string; port: number; protocol?: string }> }> } };
  networks?: Array<{ name: string; pod?: object }>;
}

/** The pod network's declared ports (virtctl's "introspection"). */
function podNetworkPorts(spec: SpecWithPorts | undefined): object[] {
  const pod = spec?.networks?.find((n) => n.pod !== undefined)?.name;
  const iface = spec?.domain?.devices?.interfaces?.find((i) => i.name === pod);
  return (iface?.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), protocol: p.protocol ?? "TCP", port: p.port }));
}

/** The Service to create (pure), or a VerbUsageError saying which flag or object is wrong. */
export function serviceFor(kind: string, obj: { metadata: { name: string }; spec?: Record<string, unknown> }, flags: ExposeFlags, namespace: string): object {
  if (!flags.name) throw new VerbUsageError("expose needs --name: the name of the Service to create");
  const type = TYPES[(flags.type ?? "ClusterIP").toLowerCase()];
  if (!type) throw new VerbUsageError(`--type: unknown service type ${flags.type} (ClusterIP, NodePort or LoadBalancer)`);
  const protocol = (flags.protocol ?? "TCP").toUpperCase();
  if (protocol !== "TCP" && protocol !== "UDP") throw new VerbUsageError(`--protocol: unknown protocol ${flags.protocol} (TCP or UDP)`);
  let selector: Record<string, string>;
  let ports: object[];
  const spec = obj.spec ?? {};
  if (kind === "vmirs") {
    const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
    if (!sel?.matchLabels || Object.keys(sel.matchLabels).length === 0) throw new VerbUsageError("cannot expose VirtualMachineInstanceReplicaSet without any selector labels");
    if (sel.matchExpressions?.length) throw new VerbUsageError("cannot expose VirtualMachineInstanceReplicaSet with match expressions");
    selector = sel.matchLabels;
    ports = podNetworkPorts((spec.template as { spec?: SpecWithPorts } | undefined)?.spec);
  } else {
    selector = { "vm.kubevirt.io/name": obj.metadata.name };
    ports = podNetworkPorts(kind === "vm" ? (spec.template as { spec?: SpecWithPorts } | undefined)?.spec : (spec as SpecWithPorts));
  }
  if (flags.port !== undefined) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new VerbUsageError(`--port: ${flags.port} is not a port (1-65535)`);
    const target = flags["target-port"];
    const targetPort = target === undefined ? undefined : /^\d+$/.test(target) ? Number(target) : target;
    ports = [{ ...(flags["port-name"] ? { name: flags["port-name"] } : {}), protocol, port, ...(targetPort !== undefined ? { targetPort } : {}) }];
  }
  if (ports.length === 0) throw new VerbUsageError("couldn't find port via --port flag or introspection");
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: flags.name, namespace },
    spec: { ports, selector, type, ...(flags["cluster-ip"] ? { clusterIP: flags["cluster-ip"] } : {}), ...(flags["external-ip"] ? { externalIPs: [flags["external-ip"]] } : {}) },
  };
}

export async function runExpose(args: readonly string[], io: VerbIo): Promise<number> {
  let p;
  try {
    p = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        namespace: { type: "string", short: "n" }, kubeconfig: { type: "string" }, context: { type: "string" },
        name: { type: "string" }, port: { type: "string" }, "target-port": { type: "string" }, protocol: { type: "string" },
        type: { type: "string" }, "port-name": { type: "string" }, "cluster-ip": { type: "string" }, "external-ip": { type: "string" },
      },
    });
  } catch (e) {
    throw new VerbUsageError((e as Error).message);
  }
  const [rawKind, name] = p.positionals;
  const kind = ALIASES[(rawKind ?? "").toLowerCase()];
  if (!kind || !name || p.positionals.length !== 2) throw new VerbUsageError(`expose needs a kind (vm, vmi, vmirs) and a name: expose vm NAME --name SVC [--port P]${rawKind && !kind ? `; unsupported resource type: ${rawKind}` : ""}`);
  const conn = loadConnection(p.values);
  const { plural, label } = KINDS[kind];
  let obj;
  try {
    obj = JSON.parse((await call(conn, "GET", `/apis/kubevirt.io/v1/namespaces/${encodeURIComponent(conn.namespace)}/${plural}/${encodeURIComponent(name)}`)).body);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    io.err(`error fetching ${label}: ${err.message}`);
    return 1;
  }
  const service = serviceFor(kind, obj, p.values, conn.namespace);
  try {
    await call(conn, "POST", `/api/v1/namespaces/${encodeURIComponent(conn.namespace)}/services`, service);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    io.err(`service creation failed: ${err.message}`);
    return 1;
  }
  io.out(`Service ${p.values.name} successfully created for ${rawKind.toLowerCase()} ${name}`);
  return 0;
}
