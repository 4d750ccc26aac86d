import type { Configurator } from "./configurator";
import { ConversionError } from "./context";

/** Machine type: q35 (KubeVirt's default on x86_64); only q35 variants are accepted. */
export const configureMachine: Configurator = (vmi, domain, ctx) => {
  const type = vmi.spec.domain.machine?.type ?? "q35";
  if (!/^(pc-)?q35(-[\w.]+)?$/.test(type)) throw new ConversionError("spec.domain.machine.type", `unsupported machine type ${type}, use q35`);
  domain.machine = type;
  domain.type = ctx.virtType;
};
