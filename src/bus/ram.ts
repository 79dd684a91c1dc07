/** Bits of `Ram.pageFlags`: a store to a flagged page must take the hart's slow path. */
export const PageFlag = {
  /** Instructions on this page were translated (block translator): stores may invalidate them. */
  Code: 1,
  /** The HTIF `tohost` word lives here: stores are watched. */
  Watch: 2,
  /** The LR/SC reservation lies here: a store to the reserved word ends it. */
  Reserved: 4,
} as const;

/** Guest RAM: one ArrayBuffer with typed views for aligned fast paths (little-endian hosts only). */
export class Ram {
  readonly bytes: Uint8Array;
  readonly i8: Int8Array;
  readonly u16: Uint16Array;
  readonly i16: Int16Array;
  readonly i32: Int32Array;
  private readonly view: DataView;
  /** One byte per 4 KiB page (PageFlag bits); all zero means a store may take the fast path. */
  readonly pageFlags: Uint8Array;
  /** Told about every write through `write` to a page flagged Code (self-modifying code). */
  onCodeWrite: ((off: number, width: number) => void) | undefined;

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
    this.pageFlags = new Uint8Array(size >>> 12);
  }

  /** Unsigned read at a RAM offset; any alignment. */
  read(off: number, width: number): number {
    if (width === 4) return this.view.getUint32(off, true);
    if (width === 2) return this.view.getUint16(off, true);
    return this.bytes[off]!;
  }

  write(off: number, width: number, value: number): void {
    if (this.pageFlags[off >>> 12]! & PageFlag.Code) this.onCodeWrite?.(off, width);
    if (width === 4) this.view.setUint32(off, value >>> 0, true);
    else if (width === 2) this.view.setUint16(off, value & 0xffff, true);
    else this.bytes[off] = value & 0xff;
  }
}
