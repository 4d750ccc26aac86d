import type { Configurator } from "./configurator";

/** A virtio balloon with 10 s statistics unless autoattachMemBalloon is false. */
export const configureMemballoon: Configurator = (vmi, domain) => {
  domain.devices.memballoon = vmi.spec.domain.devices.autoattachMemBalloon !== false;
};
