import type { Bus, RamWatch } from "../bus/bus.js";
import type { Host } from "./host.js";

const SYS_WRITE = 64;
const SYS_EXIT = 93;
const ENOSYS = 38;
const EFAULT = 14;
/** Instructions a low-word-only tohost write waits for its high word. */
const LOW_ONLY_GRACE = 4096;

/**
 * Berkeley HTIF as Spike and `qemu -M spike` speak it, through the ELF's `tohost`/`fromhost` words.
 * tohost = dev<<56 | cmd<<48 | payload. Device 0: odd payload = exit with payload>>1, even payload =
 * address of a syscall-proxy block (u64 which, arg0, arg1, ...). Device 1 command 1: print a character.
 * RV32 guests write tohost as two words in either order: a command runs once both halves are
 * written, or — for a guest that writes only the low word — once LOW_ONLY_GRACE instructions have
 * retired without the high word arriving.
 */
export class Htif implements RamWatch {
  readonly size = 8;
  private loWritten = false;
  private hiWritten = false;
  private loWrittenAt = 0;
  /** Commands processed, for tests and statistics. */
  commands = 0;

  constructor(
    readonly base: number,
    private readonly fromhost: number | undefined,
    private readonly bus: Bus,
    private readonly host: Host,
    private readonly retired: () => number,
  ) {}

  onStore(addr: number, width: number): void {
    const off = (addr - this.base) >>> 0;
    if (off < 4 && !this.loWritten) {
      this.loWritten = true;
      this.loWrittenAt = this.retired();
    }
    if (off + width > 4) this.hiWritten = true;
    if (this.loWritten && this.hiWritten) this.process();
  }

  /** Called between instruction slices: runs a command whose high word never came. */
  poll(): void {
    if (this.loWritten && this.retired() - this.loWrittenAt >= LOW_ONLY_GRACE) this.process();
  }

  private word(addr: number): number {
    return this.bus.ram.read(addr - this.bus.ram.base, 4);
  }

  private process(): void {
    this.loWritten = this.hiWritten = false;
    const lo = this.word(this.base);
    const hi = this.word(this.base + 4);
    if (lo === 0 && hi === 0) return;
    this.commands++;
    this.writeWords(this.base, 0, 0);
    const dev = hi >>> 24;
    const cmd = (hi >>> 16) & 0xff;
    if (dev === 0 && cmd === 0) {
      if (lo & 1) {
        const status = (lo >>> 1) | ((hi & 0xffff) << 31);
        this.host.halt(status >>> 0, status === 0 ? "HTIF exit: pass" : `HTIF exit: status ${status >>> 0}`);
        return;
      }
      this.syscall(lo);
      this.respond(0, 0, 1);
    } else if (dev === 1 && cmd === 1) {
      this.host.output(new Uint8Array([lo & 0xff]));
      this.respond(1, 1, 0);
    }
    // Other devices (block devices, console input) are not attached: the command is dropped.
  }

  private syscall(block: number): void {
    if (!this.bus.isRam(block, 64)) return;
    const which = this.word(block);
    const arg = (i: number): number => this.word(block + 8 + 8 * i);
    let ret: number;
    if (which === SYS_WRITE) {
      const [buf, len] = [arg(1), arg(2)];
      if (!this.bus.isRam(buf, len)) ret = -EFAULT;
      else {
        const off = buf - this.bus.ram.base;
        this.host.output(this.bus.ram.bytes.slice(off, off + len));
        ret = len;
      }
    } else if (which === SYS_EXIT) {
      const status = arg(0);
      this.host.halt(status, status === 0 ? "HTIF exit syscall: pass" : `HTIF exit syscall: status ${status}`);
      ret = 0;
    } else ret = -ENOSYS;
    this.writeWords(block, ret, ret < 0 ? -1 : 0);
  }

  private respond(dev: number, cmd: number, payload: number): void {
    if (this.fromhost !== undefined && this.bus.isRam(this.fromhost, 8)) {
      this.writeWords(this.fromhost, payload, (dev << 24) | (cmd << 16));
    }
  }

  private writeWords(addr: number, lo: number, hi: number): void {
    const ram = this.bus.ram;
    ram.write(addr - ram.base, 4, lo >>> 0);
    ram.write(addr + 4 - ram.base, 4, hi >>> 0);
  }
}
