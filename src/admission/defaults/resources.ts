import { parseQuantity, VirtualMachineInstanceSpec } from "../../api";

/**
 * As KubeVirt: a limit without a request makes the request equal the limit (memory and cpu), and
 * the guest's memory defaults to the memory request, else the limit.
 */
export function defaultResources(spec: VirtualMachineInstanceSpec): void {
  const resources = spec.domain.resources;
  const limits = resources?.limits ?? {};
  if (resources) {
    for (const name of ["memory", "cpu"]) {
      if (limits[name] !== undefined && resources.requests?.[name] === undefined) {
        resources.requests = { ...resources.requests, [name]: limits[name] };
      }
    }
  }
  const memory = resources?.requests?.memory ?? limits.memory;
  if (memory !== undefined && spec.domain.memory?.guest === undefined) {
    spec.domain.memory = { ...spec.domain.memory, guest: memory };
  }
}

/**
 * Sockets/cores/threads: when none is given, all vCPUs go to sockets (KubeVirt's choice, which
 * performs best) from the CPU limit, else the request, rounded up; else 1/1/1. A partial
 * topology gets 1 for what is missing.
 */
export function defaultCpuTopology(spec: VirtualMachineInstanceSpec): void {
  const cpu = (spec.domain.cpu ??= {});
  if (!cpu.cores && !cpu.sockets && !cpu.threads) {
    const resources = spec.domain.resources;
    const vcpus = parseQuantity(resources?.limits?.cpu ?? resources?.requests?.cpu);
    cpu.sockets = vcpus && vcpus > 0 ? Math.ceil(vcpus) : 1;
    cpu.cores = 1;
    cpu.threads = 1;
    return;
  }
  cpu.sockets ||= 1;
  cpu.cores ||= 1;
  cpu.threads ||= 1;
}
