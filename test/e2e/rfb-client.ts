/**
 * A minimal RFB (VNC) client for tests: the version and security handshake (None), ClientInit,
 * ServerInit, then one full FramebufferUpdateRequest and the update's header and first rectangle.
 */
import { connect, type Socket } from "node:net";

/** Reads exact byte counts from a socket. */
class Reader {
  private buffered = Buffer.alloc(0);
  private waiting?: { n: number; resolve: (b: Buffer) => void; reject: (e: Error) => void };

  constructor(socket: Socket) {
    socket.on("data", (d: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, d]);
      this.drain();
    });
    socket.on("close", () => this.waiting?.reject(new Error(`the VNC server closed the connection (${this.buffered.length} bytes unread)`)));
  }

  read(n: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.waiting = { n, resolve, reject };
      this.drain();
    });
  }

  private drain(): void {
    const w = this.waiting;
    if (!w || this.buffered.length < w.n) return;
    this.waiting = undefined;
    const out = this.buffered.subarray(0, w.n);
    this.buffered = this.buffered.subarray(w.n);
    w.resolve(out);
  }
}

export interface RfbSession {
  version: string;
  width: number;
  height: number;
  name: string;
  /** The first FramebufferUpdate: its rectangle count and the first rectangle's header. */
  update: { rectangles: number; first: { x: number; y: number; w: number; h: number; encoding: number } };
}

export async function rfbSession(port: number, host = "127.0.0.1"): Promise<RfbSession> {
  const socket = connect({ port, host });
  const r = new Reader(socket);
  try {
    const version = (await r.read(12)).toString("latin1");
    if (!/^RFB \d{3}\.\d{3}\n$/.test(version)) throw new Error(`not an RFB server: ${JSON.stringify(version)}`);
    socket.write("RFB 003.008\n");
    const count = (await r.read(1))[0]!;
    if (count === 0) throw new Error(`the server refused: ${(await r.read((await r.read(4)).readUInt32BE(0))).toString()}`);
    const types = [...(await r.read(count))];
    if (!types.includes(1)) throw new Error(`no "None" security type offered: ${types.join(",")}`);
    socket.write(Buffer.from([1]));
    const result = (await r.read(4)).readUInt32BE(0);
    if (result !== 0) throw new Error(`security handshake failed (${result})`);
    socket.write(Buffer.from([1])); // ClientInit: shared
    const init = await r.read(24);
    const width = init.readUInt16BE(0);
    const height = init.readUInt16BE(2);
    const name = (await r.read(init.readUInt32BE(20))).toString("utf8");
    const request = Buffer.alloc(10);
    request.writeUInt8(3, 0); // FramebufferUpdateRequest, not incremental, the whole screen
    request.writeUInt16BE(width, 6);
    request.writeUInt16BE(height, 8);
    socket.write(request);
    // Servers may send other messages first (e.g. a colour map or bell); the test asks for an update only.
    const header = await r.read(4);
    if (header[0] !== 0) throw new Error(`expected a FramebufferUpdate (type 0), got message type ${header[0]}`);
    const rect = await r.read(12);
    return {
      version: version.trim(),
      width,
      height,
      name,
      update: { rectangles: header.readUInt16BE(2), first: { x: rect.readUInt16BE(0), y: rect.readUInt16BE(2), w: rect.readUInt16BE(4), h: rect.readUInt16BE(6), encoding: rect.readInt32BE(8) } },
    };
  } finally {
    // A clean end (FIN), as a VNC client that leaves: a reset makes virtctl's proxy exit with an error.
    socket.end();
  }
}
