/** Which function answers each subresource (the table server.ts dispatches on). */
import { guestAgentQuery } from "./guest-agent";
import type { HandlerLink } from "./handler-link";
import type { Handler, StreamOpener } from "./server";
import { notSupported } from "./status";
import { vmLifecycle } from "./vm-lifecycle";
import { openVmiStream, pauseVmi } from "./vmi-control";

const accepted = { code: 202 };

const done = { code: 200 };

export function subresourceHandlers(link: HandlerLink): Record<string, Handler> {
  return {
    "virtualmachines/start": async (r, body) => (await vmLifecycle("start", r.namespace, r.name, body), accepted),
    "virtualmachines/stop": async (r, body) => (await vmLifecycle("stop", r.namespace, r.name, body), accepted),
    "virtualmachines/restart": async (r, body) => (await vmLifecycle("restart", r.namespace, r.name, body), accepted),
    "virtualmachines/migrate": async () => {
      throw notSupported("live migration (virtctl migrate)", "kubevirt-ts runs each VM on one node; stop and start the VM to move it");
    },
    "virtualmachineinstances/pause": async (r, body) => (await pauseVmi(link, "pause", r.namespace, r.name, body), done),
    "virtualmachineinstances/unpause": async (r, body) => (await pauseVmi(link, "unpause", r.namespace, r.name, body), done),
    "virtualmachineinstances/guestosinfo": (r) => guestAgentQuery(r.namespace, r.name),
    "virtualmachineinstances/userlist": (r) => guestAgentQuery(r.namespace, r.name),
    "virtualmachineinstances/filesystemlist": (r) => guestAgentQuery(r.namespace, r.name),
  };
}

/** The WebSocket subresources: each opens its bytes through the VMI's virt-handler. */
export function streamOpeners(link: HandlerLink): Record<string, StreamOpener> {
  return {
    "virtualmachineinstances/console": (r) => openVmiStream(link, "console", r.namespace, r.name, r.rest),
    "virtualmachineinstances/vnc": (r) => openVmiStream(link, "vnc", r.namespace, r.name, r.rest),
    "virtualmachineinstances/portforward": (r) => openVmiStream(link, "portforward", r.namespace, r.name, r.rest),
    // A VM's port-forward reaches its VMI, which carries the VM's name (virtctl port-forward vm/NAME).
    "virtualmachines/portforward": (r) => openVmiStream(link, "portforward", r.namespace, r.name, r.rest),
  };
}
