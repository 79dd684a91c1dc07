import type { Device } from "../bus/bus.js";
import { MIP } from "../csr/bits.js";
import type { Clock } from "./host.js";

/**
 * SiFive CLINT for one hart (QEMU virt layout): msip at +0, mtimecmp at +0x4000, mtime at +0xbff8.
 * Drives MSIP and MTIP; mtime is the clock plus an offset changed by guest writes.
 */
export class Clint implements Device {
  readonly name = "clint";
  readonly size = 0x10000;
  msip = 0;
  private cmp = (1n << 64n) - 1n;
  private mtimeOffset = 0n;
  // Doubles mirroring cmp and mtimeOffset for the per-slice checks (exact below 2^53 ticks).
  private cmpNumber = Number(this.cmp);
  private offsetNumber = 0;

  constructor(readonly base: number, private readonly clock: Clock) {}

  get mtimecmp(): bigint {
    return this.cmp;
  }
  set mtimecmp(v: bigint) {
    this.cmp = v & ((1n << 64n) - 1n);
    this.cmpNumber = Number(this.cmp);
  }

  mtime(): bigint {
    return (this.clock.now() + this.mtimeOffset) & ((1n << 64n) - 1n);
  }

  /** mtime as a double while that is exact (offset >= 0, below 2^53), else -1: the BigInt-free path. */
  private exactMtime(): number {
    const t = this.clock.ticks() + this.offsetNumber;
    return this.offsetNumber >= 0 && t < 2 ** 53 ? t : -1;
  }

  /** The low or high word of mtime (the time CSRs). */
  mtimeHalf(hi: boolean): number {
    const t = this.exactMtime();
    if (t >= 0) return hi ? Math.floor(t / 2 ** 32) : t % 2 ** 32;
    const b = this.mtime();
    return Number(hi ? b >> 32n : b & 0xffffffffn);
  }

  /** MSIP and MTIP as they stand now. */
  lines(): number {
    const t = this.exactMtime();
    const mtip = t >= 0 ? t >= this.cmpNumber : this.mtime() >= this.cmp;
    return (this.msip & 1 ? MIP.MSIP : 0) | (mtip ? MIP.MTIP : 0);
  }

  /** Instructions that can retire before MTIP rises (0 if it is already up). */
  instructionsUntilTimer(): number {
    return this.instructionsUntil(this.cmp, this.cmpNumber);
  }

  /** Instructions that can retire before mtime reaches `cmp` (0 if it has): Sstc's stimecmp too. */
  instructionsUntil(cmp: bigint, cmpNumber = Number(cmp)): number {
    const now = this.exactMtime();
    if (now < 0) {
      const t = this.mtime();
      return t >= cmp ? 0 : this.clock.instructionsFor(Number(cmp - t));
    }
    return now >= cmpNumber ? 0 : this.clock.instructionsFor(cmpNumber - now);
  }

  read(offset: number, width: number): number {
    if (offset < 4) return sliceOf(BigInt(this.msip), offset, width);
    if (offset >= 0x4000 && offset < 0x4008) return sliceOf(this.mtimecmp, offset - 0x4000, width);
    if (offset >= 0xbff8 && offset < 0xc000) return sliceOf(this.mtime(), offset - 0xbff8, width);
    return 0;
  }

  write(offset: number, width: number, value: number): void {
    if (offset < 4) this.msip = Number(mergeInto(BigInt(this.msip), offset, width, value)) & 1;
    else if (offset >= 0x4000 && offset < 0x4008) this.mtimecmp = mergeInto(this.mtimecmp, offset - 0x4000, width, value);
    else if (offset >= 0xbff8 && offset < 0xc000) {
      const next = mergeInto(this.mtime(), offset - 0xbff8, width, value);
      this.mtimeOffset = next - this.clock.now();
      this.offsetNumber = Number(this.mtimeOffset);
    }
  }
}

function sliceOf(v: bigint, byteOffset: number, width: number): number {
  return Number((v >> BigInt(8 * byteOffset)) & ((1n << BigInt(8 * width)) - 1n));
}

function mergeInto(old: bigint, byteOffset: number, width: number, value: number): bigint {
  const shift = BigInt(8 * byteOffset);
  const mask = ((1n << BigInt(8 * width)) - 1n) << shift;
  return ((old & ~mask) | ((BigInt(value >>> 0) << shift) & mask)) & ((1n << 64n) - 1n);
}
