import type { Device } from "../bus/bus.js";
import type { Host } from "./host.js";

const IER_RX_AVAILABLE = 0x01; // ERBFI
const IER_THR_EMPTY = 0x02; // ETBEI
const IIR_NO_INTERRUPT = 0x01;
const IIR_THR_EMPTY = 0x02;
const IIR_RX_AVAILABLE = 0x04;
const IIR_FIFOS_ENABLED = 0xc0;
const FCR_FIFO_ENABLE = 0x01;
const LSR_DATA_READY = 0x01;
const LSR_THR_EMPTY = 0x20;
const LSR_TX_IDLE = 0x40;
const LCR_DLAB = 0x80;
/** Consumed input is dropped from the queue's front in batches of at least this many bytes. */
const COMPACT_AT = 4096;

/**
 * NS16550A UART with byte-wide registers (QEMU virt: 0x10000000). Transmit goes to the host at once,
 * so THR and the transmitter are always empty. Interrupts: received data available and THR empty;
 * `irq()` is the level for the PLIC (source UART_IRQ). Loopback (MCR.LOOP) is not modelled.
 */
export class Uart16550 implements Device {
  readonly name = "uart0";
  readonly size = 0x100;
  private ier = 0;
  private lcr = 0;
  private mcr = 0;
  private scr = 0;
  private dll = 0;
  private dlm = 0;
  private fifos = false;
  /** The THR-empty interrupt condition: set when THR empties or ETBEI is enabled, cleared by an IIR read reporting it. */
  private thrEmptyArmed = false;
  /** Bytes from the host not yet read through RBR: input[inputHead..]. */
  private input: number[] = [];
  private inputHead = 0;
  private readonly one = new Uint8Array(1);

  constructor(readonly base: number, private readonly host: Host) {}

  /** Queue bytes typed by the user (read through RBR). A FIFO reset (FCR) does not discard them. */
  feed(bytes: Uint8Array): void {
    for (const b of bytes) this.input.push(b);
  }

  /** True while received bytes wait to be read (LSR.DR). */
  get hasInput(): boolean {
    return this.inputHead < this.input.length;
  }

  /** Take the next received byte, or -1 when none waits (host-side readers: SBI getchar, DBCN read). */
  takeByte(): number {
    if (!this.hasInput) return -1;
    const b = this.input[this.inputHead++]!;
    if (this.inputHead === this.input.length) {
      this.input = [];
      this.inputHead = 0;
    } else if (this.inputHead >= COMPACT_AT && this.inputHead * 2 >= this.input.length) {
      this.input = this.input.slice(this.inputHead);
      this.inputHead = 0;
    }
    return b;
  }

  /** The interrupt output: some cause enabled in IER is pending (the PLIC source level). */
  irq(): boolean {
    return ((this.ier & IER_RX_AVAILABLE) !== 0 && this.hasInput) ||
      ((this.ier & IER_THR_EMPTY) !== 0 && this.thrEmptyArmed);
  }

  read(offset: number, _width: number): number {
    const dlab = (this.lcr & LCR_DLAB) !== 0;
    switch (offset) {
      case 0: return dlab ? this.dll : this.receive();
      case 1: return dlab ? this.dlm : this.ier;
      case 2: return this.identify();
      case 3: return this.lcr;
      case 4: return this.mcr;
      case 5: return LSR_THR_EMPTY | LSR_TX_IDLE | (this.hasInput ? LSR_DATA_READY : 0);
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
        else {
          this.one[0] = value & 0xff;
          this.host.output(this.one);
          this.thrEmptyArmed = true; // the write cleared the condition; THR emptied again at once
        }
        break;
      case 1:
        if (dlab) this.dlm = value & 0xff;
        else {
          const enabling = (value & IER_THR_EMPTY) !== 0 && (this.ier & IER_THR_EMPTY) === 0;
          this.ier = value & 0x0f;
          if (enabling) this.thrEmptyArmed = true; // THR is empty when ETBEI goes up
        }
        break;
      case 2: this.fifos = (value & FCR_FIFO_ENABLE) !== 0; break; // FCR; the RX FIFO is the host queue, kept
      case 3: this.lcr = value & 0xff; break;
      case 4: this.mcr = value & 0x1f; break;
      case 7: this.scr = value & 0xff; break;
      default: break; // read-only registers
    }
  }

  /** IIR: the highest-priority pending cause (RX data before THR empty); reporting THR empty clears it. */
  private identify(): number {
    let id = IIR_NO_INTERRUPT;
    if (this.ier & IER_RX_AVAILABLE && this.hasInput) id = IIR_RX_AVAILABLE;
    else if (this.ier & IER_THR_EMPTY && this.thrEmptyArmed) {
      id = IIR_THR_EMPTY;
      this.thrEmptyArmed = false;
    }
    return id | (this.fifos ? IIR_FIFOS_ENABLED : 0);
  }

  /** RBR: the next input byte (0 when none). */
  private receive(): number {
    const b = this.takeByte();
    return b < 0 ? 0 : b;
  }
}
