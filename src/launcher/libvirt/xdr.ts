/** XDR (RFC 4506), as much as libvirt's RPC messages here need: ints, strings, optionals, fixed opaques. */

/** Appends XDR items: 4-byte big-endian words, strings padded to 4 bytes. */
export class XdrWriter {
  private readonly parts: Buffer[] = [];

  int(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    this.parts.push(b);
    return this;
  }

  uint(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value);
    this.parts.push(b);
    return this;
  }

  string(value: string): this {
    const bytes = Buffer.from(value, "utf8");
    this.uint(bytes.length);
    this.parts.push(bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4));
    return this;
  }

  /** An XDR optional (`type *`): a boolean word, then the value when present. */
  optionalString(value: string | undefined): this {
    return value === undefined ? this.uint(0) : this.uint(1).string(value);
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Reads XDR items in order; throws naming what it was reading when the body is too short. */
export class XdrReader {
  private offset = 0;

  constructor(private readonly buf: Buffer) {}

  private need(n: number, what: string): void {
    if (this.offset + n > this.buf.length) throw new Error(`libvirt RPC: message ends inside ${what} (offset ${this.offset}, ${this.buf.length} bytes)`);
  }

  int(what = "an int"): number {
    this.need(4, what);
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  uint(what = "an unsigned int"): number {
    this.need(4, what);
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  string(what = "a string"): string {
    const length = this.uint(`the length of ${what}`);
    this.need(length, what);
    const v = this.buf.toString("utf8", this.offset, this.offset + length);
    this.offset += length + ((4 - (length % 4)) % 4);
    return v;
  }

  optionalString(what = "a string"): string | undefined {
    return this.uint(`whether ${what} is present`) === 0 ? undefined : this.string(what);
  }

  opaque(length: number, what: string): Buffer {
    this.need(length, what);
    const v = this.buf.subarray(this.offset, this.offset + length);
    this.offset += length + ((4 - (length % 4)) % 4);
    return v;
  }
}
