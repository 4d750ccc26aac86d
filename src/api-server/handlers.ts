/** Which function answers each subresource (the table server.ts dispatches on). */
import { guestAgentQuery } from "./guest-agent";
import type { Handler } from "./server";
import { notSupported } from "./status";
import { vmLifecycle } from "./vm-lifecycle";

const accepted = { code: 202 };

export function subresourceHandlers(): Record<string, Handler> {
  return {
    "virtualmachines/start": async (r, body) => (await vmLifecycle("start", r.namespace, r.name, body), accepted),
    "virtualmachines/stop": async (r, body) => (await vmLifecycle("stop", r.namespace, r.name, body), accepted),
    "virtualmachines/restart": async (r, body) => (await vmLifecycle("restart", r.namespace, r.name, body), accepted),
    "virtualmachines/migrate": async () => {
      throw notSupported("live migration (virtctl migrate)", "kubevirt-ts runs each VM on one node; stop and start the VM to move it");
    },
    "virtualmachineinstances/guestosinfo": (r) => guestAgentQuery(r.namespace, r.name),
    "virtualmachineinstances/userlist": (r) => guestAgentQuery(r.namespace, r.name),
    "virtualmachineinstances/filesystemlist": (r) => guestAgentQuery(r.namespace, r.name),
  };
}
