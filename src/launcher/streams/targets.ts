/**
 * What a `stream` request on the command socket connects to (the node agent asks; virt-api and
 * virtctl are behind it): QEMU's serial console socket, its VNC socket, or a TCP port of the guest,
 * dialled inside the pod's network namespace where the launcher runs. Nothing here listens: the
 * sockets are QEMU's, in the launcher's private workdir.
 */
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import type { VirtualMachineInstance } from "../../api";
import type { StreamTarget } from "../command/protocol";
import { podNetworkPlan } from "../network/plan";

/** QEMU's sockets in the workdir (the domain XML binds them; the streams connect to them). */
export const vmSockets = (workdir: string): { serial: string; vnc: string; guestAgent: string } => ({
  serial: join(workdir, "serial0"),
  vnc: join(workdir, "vnc"),
  guestAgent: join(workdir, "guest-agent"),
});

/** Where a guest port is reached from the pod: the masquerade guest address (KubeVirt's 10.0.2.2). */
export function guestAddress(vmi: VirtualMachineInstance): string {
  const plan = podNetworkPlan(vmi);
  if (!plan) throw new Error("the VMI has no pod network interface: no guest port can be reached");
  if (!plan.guest) throw new Error(`interface ${plan.network} uses the ${plan.binding} binding: port-forward needs masquerade`);
  return plan.guest.address;
}

export const hasGraphics = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.devices.autoattachGraphicsDevice !== false;
export const hasSerialConsole = (vmi: VirtualMachineInstance): boolean => vmi.spec.domain.devices.autoattachSerialConsole !== false;

function dial(options: { path: string } | { host: string; port: number }, what: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(options);
    s.once("connect", () => {
      s.removeAllListeners("error");
      resolve(s);
    });
    s.once("error", (err) => reject(new Error(`cannot connect to ${what}: ${err.message}`, { cause: err })));
  });
}

/**
 * The launcher's streams. QEMU's serial socket takes one client at a time; a second console takes
 * over: the first is closed (its user sees the disconnect) before the new one connects, as
 * KubeVirt's virt-handler does.
 */
export class StreamTargets {
  private console?: Socket;

  constructor(private readonly workdir: string) {}

  async open(target: StreamTarget, vmi: VirtualMachineInstance | undefined): Promise<Socket> {
    if (!vmi) throw new Error("no domain is running");
    const sockets = vmSockets(this.workdir);
    switch (target.target) {
      case "console":
        if (!hasSerialConsole(vmi)) throw new Error("No serial consoles are present.");
        return this.takeOverConsole(sockets.serial);
      case "vnc":
        if (!hasGraphics(vmi)) throw new Error("No graphics devices are present.");
        return dial({ path: sockets.vnc }, "the VNC display");
      case "tcp":
        return dial({ host: guestAddress(vmi), port: target.port }, `guest port ${target.port}`);
    }
  }

  private async takeOverConsole(path: string): Promise<Socket> {
    const previous = this.console;
    if (previous && !previous.destroyed) {
      const closed = new Promise((resolve) => previous.once("close", resolve));
      previous.destroy();
      await closed;
    }
    const socket = await dial({ path }, "the serial console");
    this.console = socket;
    return socket;
  }
}
