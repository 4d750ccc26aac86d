import type { Configurator } from "./configurator";

/** A virtio RNG fed from the host's /dev/urandom when spec.domain.devices.rng is set. */
export const configureRng: Configurator = (vmi, domain) => {
  domain.devices.rng = vmi.spec.domain.devices.rng !== undefined;
};
