import type { Configurator } from "./configurator";

/** VNC on a unix socket (never a TCP port) plus a VGA adapter, unless autoattachGraphicsDevice is false. */
export const configureGraphics: Configurator = (vmi, domain, ctx) => {
  if (vmi.spec.domain.devices.autoattachGraphicsDevice === false) return;
  domain.devices.vnc = { socket: ctx.sockets.vnc };
};
