import { parseQuantity } from "../../api";
import type { Configurator } from "./configurator";
import { ConversionError } from "./context";

/** Guest memory: domain.memory.guest, else resources.requests.memory (as KubeVirt). */
export const configureMemory: Configurator = (vmi, domain) => {
  const spec = vmi.spec.domain;
  const [field, value] =
    spec.memory?.guest !== undefined
      ? ["spec.domain.memory.guest", spec.memory.guest]
      : ["spec.domain.resources.requests.memory", spec.resources?.requests?.memory];
  if (value === undefined) throw new ConversionError("spec.domain.memory.guest", "no guest memory: set it or resources.requests.memory");
  const bytes = parseQuantity(value);
  if (bytes === undefined || bytes <= 0) throw new ConversionError(field, `not a positive quantity: ${String(value)}`);
  domain.memoryBytes = Math.floor(bytes);
};
