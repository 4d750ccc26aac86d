import test from "ava";
import {
  connectOpenArgs, decodeError, decodeLifecycleMessage, decodeRegisterAnyReply, encodeCall, FrameDecoder, PROC, registerAnyArgs,
} from "./remote-protocol";
import { XdrReader, XdrWriter } from "./xdr";

const words = (...ns: number[]): Buffer => Buffer.concat(ns.map((n) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; }));

/** A framed message as libvirtd sends it: length, header, body. */
function frame(procedure: number, type: number, serial: number, status: number, body: Buffer): Buffer {
  const out = Buffer.concat([words(0, 0x20008086, 1, procedure, type, serial, status), body]);
  out.writeUInt32BE(out.length, 0);
  return out;
}

test("a CALL is framed with its total length and the remote program's header", (t) => {
  const body = Buffer.from([1, 2, 3, 4]);
  t.deepEqual(encodeCall(PROC.CONNECT_OPEN, 7, body), Buffer.concat([words(32, 0x20008086, 1, 1, 0, 7, 0), body]));
});

test("CONNECT_OPEN's arguments: the URI as a present optional string padded to 4 bytes, then flags 0", (t) => {
  t.deepEqual(connectOpenArgs("qemu:///session"), Buffer.concat([words(1, 15), Buffer.from("qemu:///session\0"), words(0)]));
});

test("REGISTER_ANY's arguments: the event ID and no domain (all domains)", (t) => {
  t.deepEqual(registerAnyArgs(0), words(0, 0));
  t.is(decodeRegisterAnyReply(words(3)), 3);
});

test("strings round-trip through the XDR writer and reader, with padding and optionals", (t) => {
  const buf = new XdrWriter().string("ab").optionalString(undefined).optionalString("xyz√").int(-5).bytes();
  t.is(buf.length % 4, 0);
  const r = new XdrReader(buf);
  t.is(r.string(), "ab");
  t.is(r.optionalString(), undefined);
  t.is(r.optionalString(), "xyz√");
  t.is(r.int(), -5);
});

test("the reader names what it was reading when a message is cut short", (t) => {
  t.throws(() => new XdrReader(words(10)).string("the domain's name"), { message: /ends inside the domain's name/ });
});

const lifecycleBody = (callbackId: number, name: string, event: number, detail: number): Buffer =>
  Buffer.concat([
    new XdrWriter().int(callbackId).string(name).bytes(),
    Buffer.from("0123456789abcdef0123456789abcdef", "hex"),
    new XdrWriter().int(-1).int(event).int(detail).bytes(),
  ]);

test("a lifecycle event message decodes to its callback, domain, event and detail", (t) => {
  t.deepEqual(decodeLifecycleMessage(lifecycleBody(1, "default_vm", 5, 5)), {
    callbackId: 1, domain: "default_vm", uuid: "01234567-89ab-cdef-0123-456789abcdef", event: 5, detail: 5,
  });
});

test("the frame decoder reassembles messages split across chunks and splits several in one chunk", (t) => {
  const a = frame(PROC.DOMAIN_EVENT_CALLBACK_LIFECYCLE, 2, 0, 0, lifecycleBody(1, "vm-a", 2, 0));
  const b = frame(PROC.CONNECT_OPEN, 1, 1, 0, Buffer.alloc(0));
  const stream = Buffer.concat([a, b]);
  const decoder = new FrameDecoder();
  const got = [...decoder.push(stream.subarray(0, 3)), ...decoder.push(stream.subarray(3, a.length + 5)), ...decoder.push(stream.subarray(a.length + 5))];
  t.deepEqual(got.map((m) => [m.header.procedure, m.header.type, m.header.serial]), [[318, 2, 0], [1, 1, 1]]);
  t.is(decodeLifecycleMessage(got[0]!.body).domain, "vm-a");
  t.is(got[1]!.body.length, 0);
});

test("a length shorter than a header means a broken stream", (t) => {
  t.throws(() => new FrameDecoder().push(words(8, 0)), { message: /bad message length 8/ });
});

test("an error reply gives libvirt's code and message", (t) => {
  const body = new XdrWriter().int(42).int(10).optionalString("Domain not found").int(2).bytes();
  t.deepEqual(decodeError(body), { code: 42, domain: 10, message: "Domain not found" });
});
