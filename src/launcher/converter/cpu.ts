import type { Configurator } from "./configurator";
import { ConversionError } from "./context";

/**
 * vCPU topology and CPU model. Under TCG (type qemu) the host-* modes are not available, so they
 * fall back to QEMU's default model; a named model is passed on either way.
 */
export const configureCpu: Configurator = (vmi, domain) => {
  const cpu = vmi.spec.domain.cpu ?? {};
  const topology = { sockets: cpu.sockets ?? 1, cores: cpu.cores ?? 1, threads: cpu.threads ?? 1 };
  for (const [key, n] of Object.entries(topology)) {
    if (!Number.isInteger(n) || n < 1) throw new ConversionError(`spec.domain.cpu.${key}`, `must be a positive integer, got ${n}`);
  }
  domain.topology = topology;
  domain.vcpus = topology.sockets * topology.cores * topology.threads;
  const model = cpu.model ?? "host-model";
  if (model === "host-model" || model === "host-passthrough") {
    domain.cpu = domain.type === "kvm" ? { mode: model } : undefined;
  } else {
    domain.cpu = { mode: "custom", model };
  }
};
