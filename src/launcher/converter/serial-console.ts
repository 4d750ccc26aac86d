import type { Configurator } from "./configurator";

/** Serial console on a unix socket (virtctl console connects there) that also appends to a log file. */
export const configureSerialConsole: Configurator = (vmi, domain, ctx) => {
  if (vmi.spec.domain.devices.autoattachSerialConsole === false) return;
  domain.devices.serialConsole = { socket: ctx.sockets.serial, logFile: ctx.consoleLogFile };
};
