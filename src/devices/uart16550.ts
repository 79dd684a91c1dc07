import type { Device } from "../bus/bus.js";
import type { Host } from "./host.js";

const LSR_DATA_READY = 0x01;
const LSR_THR_EMPTY = 0x20;
const LSR_TX_IDLE = 0x40;
const LCR_DLAB = 0x80;

/** NS16550A UART with byte-wide registers (QEMU virt: 0x10000000). Transmit goes to the host at once. */
export class Uart16550 implements Device {
  readonly name = "uart0";
  readonly size = 0x100;
  private ier = 0;
  private lcr = 0;
  private mcr = 0;
  private scr = 0;
  private dll = 0;
  private dlm = 0;
  private readonly input: number[] = [];
  private readonly one = new Uint8Array(1);

  constructor(readonly base: number, private readonly host: Host) {}

  /** Queue bytes typed by the user (read through RBR). */
  feed(bytes: Uint8Array): void {
    for (const b of bytes) this.input.push(b);
  }

  read(offset: number, _width: number): number {
    const dlab = (this.lcr & LCR_DLAB) !== 0;
    switch (offset) {
      case 0: return dlab ? this.dll : (this.input.shift() ?? 0);
      case 1: return dlab ? this.dlm : this.ier;
      case 2: return 0xc1; // IIR: FIFOs enabled, no interrupt pending
      case 3: return this.lcr;
      case 4: return this.mcr;
      case 5: return LSR_THR_EMPTY | LSR_TX_IDLE | (this.input.length > 0 ? LSR_DATA_READY : 0);
      case 6: return 0xb0; // MSR: DCD, DSR, CTS
      case 7: return this.scr;
      default: return 0;
    }
  }

  write(offset: number, _width: number, value: number): void {
    const dlab = (this.lcr & LCR_DLAB) !== 0;
    switch (offset) {
      case 0:
        if (dlab) this.dll = value & 0xff;
        else { this.one[0] = value & 0xff; this.host.output(this.one); }
        break;
      case 1: if (dlab) this.dlm = value & 0xff; else this.ier = value & 0x0f; break;
      case 3: this.lcr = value & 0xff; break;
      case 4: this.mcr = value & 0x1f; break;
      case 7: this.scr = value & 0xff; break;
      default: break; // FCR and read-only registers
    }
  }
}
