import type { Configurator } from "./configurator";

/** The virtio-serial channel qemu-guest-agent talks on, always present as in KubeVirt. */
export const configureGuestAgentChannel: Configurator = (_vmi, domain, ctx) => {
  domain.devices.guestAgentChannel = { socket: ctx.sockets.guestAgent };
};
