/** Guest RAM: one ArrayBuffer with typed views for aligned fast paths (little-endian hosts only). */
export class Ram {
  readonly bytes: Uint8Array;
  readonly i8: Int8Array;
  readonly u16: Uint16Array;
  readonly i16: Int16Array;
  readonly i32: Int32Array;
  private readonly view: DataView;

  constructor(readonly base: number, readonly size: number) {
    if (size <= 0 || size % 4096 !== 0) throw new Error(`RAM size must be a positive multiple of 4 KiB, got ${size}`);
    if (!new Uint8Array(new Uint16Array([1]).buffer)[0]) throw new Error("trapvisor needs a little-endian host");
    const buf = new ArrayBuffer(size);
    this.bytes = new Uint8Array(buf);
    this.i8 = new Int8Array(buf);
    this.u16 = new Uint16Array(buf);
    this.i16 = new Int16Array(buf);
    this.i32 = new Int32Array(buf);
    this.view = new DataView(buf);
  }

  /** Unsigned read at a RAM offset; any alignment. */
  read(off: number, width: number): number {
    if (width === 4) return this.view.getUint32(off, true);
    if (width === 2) return this.view.getUint16(off, true);
    return this.bytes[off]!;
  }

  write(off: number, width: number, value: number): void {
    if (width === 4) this.view.setUint32(off, value >>> 0, true);
    else if (width === 2) this.view.setUint16(off, value & 0xffff, true);
    else this.bytes[off] = value & 0xff;
  }
}
