/**
 * The event stream against a stand-in libvirtd on a unix socket that answers as the real one does
 * (the real one is exercised by the launcher's e2e tests): open, register, then event messages.
 */
import test from "ava";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DomainEvent } from "./events";
import { followDomainEvents } from "./event-stream";
import { FrameDecoder, PROC, type Message } from "./remote-protocol";
import { XdrReader, XdrWriter } from "./xdr";

function frame(procedure: number, type: number, serial: number, status: number, body: Buffer): Buffer {
  const header = new XdrWriter().uint(0).uint(0x20008086).uint(1).int(procedure).int(type).uint(serial).int(status).bytes();
  const out = Buffer.concat([header, body]);
  out.writeUInt32BE(out.length, 0);
  return out;
}

const lifecycle = (callbackId: number, name: string, event: number, detail: number): Buffer =>
  frame(PROC.DOMAIN_EVENT_CALLBACK_LIFECYCLE, 2, 0, 0, Buffer.concat([
    new XdrWriter().int(callbackId).string(name).bytes(), Buffer.alloc(16), new XdrWriter().int(1).int(event).int(detail).bytes(),
  ]));

/** A stand-in daemon: `answer` decides the reply to each call; the calls it saw are recorded. */
function fakeDaemon(answer: (m: Message, peer: Socket) => void): { path: string; server: Server; calls: Message[]; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "fake-libvirtd-"));
  const calls: Message[] = [];
  const server = createServer((peer) => {
    const decoder = new FrameDecoder();
    peer.on("data", (chunk: Buffer) => decoder.push(chunk).forEach((m) => { calls.push(m); answer(m, peer); }));
  });
  const path = join(dir, "libvirt-sock");
  server.listen(path);
  return { path, server, calls, done: () => { server.close(); rmSync(dir, { recursive: true, force: true }); } };
}

test("opens the connection, registers for lifecycle events of all domains and delivers this callback's events", async (t) => {
  let notify!: (e: DomainEvent) => void;
  const delivered = new Promise<DomainEvent>((resolve) => (notify = resolve));
  const daemon = fakeDaemon((m, peer) => {
    if (m.header.procedure === PROC.CONNECT_OPEN) peer.write(frame(1, 1, m.header.serial, 0, Buffer.alloc(0)));
    if (m.header.procedure === PROC.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY) {
      peer.write(frame(316, 1, m.header.serial, 0, new XdrWriter().int(7).bytes()));
      // another callback's event first (not ours), then ours, in one write
      peer.write(Buffer.concat([lifecycle(8, "other", 5, 1), lifecycle(7, "default_vm", 5, 5)]));
    }
  });
  t.teardown(daemon.done);
  const stream = await followDomainEvents(daemon.path, "qemu:///session?socket=/x", notify);
  t.deepEqual(await delivered, { kind: "crashed", domain: "default_vm", detail: "Stopped Failed" });
  const open = new XdrReader(daemon.calls[0]!.body);
  t.is(open.optionalString(), "qemu:///session", "the URI without the client-side socket parameter");
  t.deepEqual([daemon.calls[0]!.header.serial, daemon.calls[1]!.header.serial], [1, 2]);
  stream.stop();
  await stream.exited;
});

test("an error reply fails the start with libvirt's message", async (t) => {
  const daemon = fakeDaemon((m, peer) => {
    const error = new XdrWriter().int(38).int(7).optionalString("authentication failed").bytes();
    peer.write(frame(m.header.procedure, 1, m.header.serial, 1, error));
  });
  t.teardown(daemon.done);
  await t.throwsAsync(followDomainEvents(daemon.path, "qemu:///session", () => undefined), { message: /libvirt events: authentication failed/ });
});

test("a socket that does not exist fails the start naming it", async (t) => {
  const missing = join(tmpdir(), "no-such-dir-kvts", "libvirt-sock");
  await t.throwsAsync(followDomainEvents(missing, "qemu:///session", () => undefined), { message: /no-such-dir-kvts\/libvirt-sock/ });
});
