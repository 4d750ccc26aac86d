import { lifecycleEvent, type DomainEvent } from "./events";
import { RemoteConnection } from "./remote-connection";
import {
  connectOpenArgs, decodeLifecycleMessage, decodeRegisterAnyReply, PROC, registerAnyArgs, VIR_DOMAIN_EVENT_ID_LIFECYCLE, type Message,
} from "./remote-protocol";

export interface EventStream {
  stop(): void;
  /** Resolves when the connection to libvirtd ends (unexpectedly, unless stop() was called). */
  exited: Promise<void>;
}

/**
 * A second connection to the launcher's own libvirtd, only for lifecycle events: @unraid/libvirt
 * has no event API (domain calls stay on it), and a `virsh event` child cost 19 MiB per VM. It
 * speaks libvirt's RPC protocol on the daemon's unix socket: open, register for lifecycle events of
 * every domain, then read the event messages as they come. Resolves once registered, so no event of
 * a domain started afterwards is missed.
 */
export async function followDomainEvents(socketPath: string, uri: string, onEvent: (e: DomainEvent) => void, timeoutMs?: number): Promise<EventStream> {
  let callbackId: number | undefined;
  const onMessage = (m: Message): void => {
    if (m.header.procedure !== PROC.DOMAIN_EVENT_CALLBACK_LIFECYCLE) return;
    const msg = decodeLifecycleMessage(m.body);
    if (msg.callbackId !== callbackId) return;
    const event = lifecycleEvent(msg.domain, msg.event, msg.detail);
    if (event) onEvent(event);
  };
  const onReply = (m: Message): void => {
    if (m.header.procedure === PROC.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY) callbackId = decodeRegisterAnyReply(m.body);
  };
  const connection = new RemoteConnection(socketPath, { onMessage, onReply }, timeoutMs);
  try {
    // The URI without client-side parameters (socket=…), as libvirt's own client sends it.
    await connection.call(PROC.CONNECT_OPEN, connectOpenArgs(uri.split("?")[0]!), `libvirt events: opening ${uri}`);
    await connection.call(PROC.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, registerAnyArgs(VIR_DOMAIN_EVENT_ID_LIFECYCLE), "libvirt events: registering for lifecycle events");
  } catch (err) {
    connection.close();
    throw err;
  }
  return { stop: () => connection.close(), exited: connection.closed };
}
