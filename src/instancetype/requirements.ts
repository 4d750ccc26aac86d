import type { Cause } from "../api/cause";
import { parseQuantity } from "../api/schema/quantity";
import { preferredTopology, spreadOptions } from "./topology";
import type { InstancetypeSpec, PreferenceSpec, VmiSpec } from "./types";

const CPU_PATH = "spec.template.spec.domain.cpu";

/** The vCPUs the VM gives itself, as the preference's topology counts them, and the fields that count. */
function vmVcpus(pref: PreferenceSpec, cpu: NonNullable<VmiSpec["domain"]["cpu"]>): { vcpus: number; fields: string[]; as: string } {
  const n = (f: "sockets" | "cores" | "threads"): number => cpu[f] ?? 0;
  const topology = preferredTopology(pref);
  if (topology === "any") return { vcpus: n("cores") * n("sockets") * n("threads"), fields: ["cores", "sockets", "threads"], as: "cores, sockets and threads" };
  if (topology !== "spread") return { vcpus: n(topology), fields: [topology], as: topology };
  const { across } = spreadOptions(pref);
  if (across === "CoresThreads") return { vcpus: n("cores") * n("threads"), fields: ["cores", "threads"], as: across };
  if (across === "SocketsCoresThreads") return { vcpus: n("sockets") * n("cores") * n("threads"), fields: ["sockets", "cores", "threads"], as: across };
  return { vcpus: n("sockets") * n("cores"), fields: ["sockets", "cores"], as: across };
}

function checkCpu(it: InstancetypeSpec | undefined, pref: PreferenceSpec, spec: VmiSpec | undefined, need: number): Cause[] {
  if (it) {
    if (it.cpu.guest >= need) return [];
    return [{ field: "spec.instancetype", message: `insufficient CPU resources of ${it.cpu.guest} vCPU provided by instance type, preference requires ${need} vCPU` }];
  }
  const cpu = spec?.domain?.cpu;
  if (!cpu) return [{ field: CPU_PATH, message: `no CPU resources provided by VirtualMachine, preference requires ${need} vCPU` }];
  const { vcpus, fields, as } = vmVcpus(pref, cpu);
  if (vcpus >= need) return [];
  const message = `insufficient CPU resources of ${vcpus} vCPU provided by VirtualMachine, preference requires ${need} vCPU provided as ${as}`;
  return fields.map((f) => ({ field: `${CPU_PATH}.${f}`, message }));
}

function checkMemory(it: InstancetypeSpec | undefined, spec: VmiSpec | undefined, need: string | number): Cause[] {
  const provided = spec?.domain?.memory?.guest ?? it?.memory.guest ?? "0";
  if ((parseQuantity(provided) ?? 0) >= (parseQuantity(need) ?? 0)) return [];
  const by = it ? "instance type" : "VirtualMachine";
  return [{ field: it ? "spec.instancetype" : "spec.template.spec.domain.memory", message: `insufficient Memory resources of ${provided} provided by ${by}, preference requires ${need}` }];
}

/**
 * The preference's minimum vCPUs and memory against what the instancetype (or else the VM's own
 * template) provides; the first shortfall, in KubeVirt's words and field paths.
 */
export function checkRequirements(it: InstancetypeSpec | undefined, pref: PreferenceSpec | undefined, spec: VmiSpec | undefined): Cause[] {
  const req = pref?.requirements;
  if (!pref || !req) return [];
  const cpu = req.cpu ? checkCpu(it, pref, spec, req.cpu.guest) : [];
  if (cpu.length > 0) return cpu;
  return req.memory ? checkMemory(it, spec, req.memory.guest) : [];
}
