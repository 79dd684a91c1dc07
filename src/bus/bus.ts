import { PageFlag, type Ram } from "./ram.js";

/** A memory-mapped device. Offsets are relative to `base`; values are unsigned, width 1, 2 or 4. */
export interface Device {
  readonly name: string;
  readonly base: number;
  readonly size: number;
  read(offset: number, width: number): number;
  write(offset: number, width: number, value: number): void;
}

/** A store hook on a small RAM window (HTIF `tohost`): the bytes are written first, then `onStore` runs. */
export interface RamWatch {
  readonly base: number;
  readonly size: number;
  onStore(addr: number, width: number): void;
}

/** QEMU `virt` physical memory map (hw/riscv/virt.c), the layout guests and Linux expect. */
export const VirtMap = {
  testFinisher: 0x00100000,
  clint: 0x02000000,
  plic: 0x0c000000,
  uart0: 0x10000000,
  ram: 0x80000000,
} as const;

/**
 * The system bus: RAM plus devices. An access that hits nothing sets `fault` and returns 0;
 * the hart turns that into an access-fault exception (never a host exception).
 */
export class Bus {
  fault = false;
  private readonly devices: Device[] = [];
  private watched: RamWatch | undefined;
  /** Told when a page gains a PageFlag (the hart drops fast-path store translations to it). */
  onPageFlagged: ((page: number) => void) | undefined;

  /** Stores to [watch.base, watch.base + watch.size) inside RAM also notify the watcher. */
  get watch(): RamWatch | undefined {
    return this.watched;
  }

  set watch(w: RamWatch | undefined) {
    const ram = this.ram;
    const flag = (on: boolean, r: RamWatch): void => {
      for (let p = r.base; p < r.base + r.size; p += 1) {
        if (!this.isRam(p, 1)) continue;
        const page = (p - ram.base) >>> 12;
        if (on) {
          ram.pageFlags[page]! |= PageFlag.Watch;
          this.onPageFlagged?.(page);
        } else ram.pageFlags[page]! &= ~PageFlag.Watch;
      }
    };
    if (this.watched) flag(false, this.watched);
    this.watched = w;
    if (w) flag(true, w);
  }

  constructor(readonly ram: Ram) {}

  attach(device: Device): void {
    const end = device.base + device.size;
    for (const d of [...this.devices, { name: "RAM", base: this.ram.base, size: this.ram.size }]) {
      if (device.base < d.base + d.size && d.base < end) {
        throw new Error(`device ${device.name} at 0x${device.base.toString(16)} overlaps ${d.name}`);
      }
    }
    this.devices.push(device);
  }

  deviceAt(addr: number): Device | undefined {
    for (const d of this.devices) if (addr - d.base >>> 0 < d.size) return d;
    return undefined;
  }

  /** Physical load of `width` bytes (1, 2, 4); the result is unsigned. Sets `fault` on a miss. */
  load(addr: number, width: number): number {
    addr >>>= 0;
    const ram = this.ram;
    const off = (addr - ram.base) >>> 0;
    if (off + width <= ram.size) return ram.read(off, width);
    const d = this.deviceAt(addr);
    if (d && (addr - d.base >>> 0) + width <= d.size) return d.read(addr - d.base >>> 0, width) >>> 0;
    this.fault = true;
    return 0;
  }

  /** Physical store; returns false (and sets `fault`) on a miss. */
  store(addr: number, width: number, value: number): boolean {
    addr >>>= 0;
    const ram = this.ram;
    const off = (addr - ram.base) >>> 0;
    if (off + width <= ram.size) {
      ram.write(off, width, value);
      const w = this.watched;
      if (w && addr - w.base >>> 0 < w.size) w.onStore(addr, width);
      return true;
    }
    const d = this.deviceAt(addr);
    if (d && (addr - d.base >>> 0) + width <= d.size) {
      d.write(addr - d.base >>> 0, width, value >>> 0);
      return true;
    }
    this.fault = true;
    return false;
  }

  /** True when some RAM or device answers at `addr`. */
  isMapped(addr: number): boolean {
    return this.isRam(addr, 1) || this.deviceAt(addr >>> 0) !== undefined;
  }

  /** True when [addr, addr+len) is entirely RAM (used by loaders and host-side buffer access). */
  isRam(addr: number, len: number): boolean {
    const off = (addr >>> 0) - this.ram.base;
    return off >= 0 && len >= 0 && off + len <= this.ram.size;
  }
}
