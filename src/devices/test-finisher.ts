import type { Device } from "../bus/bus.js";
import type { Host } from "./host.js";

/** SiFive test finisher (QEMU virt "sifive,test1" at 0x100000): 0x5555 pass, (code<<16)|0x3333 fail, 0x7777 reset. */
export class TestFinisher implements Device {
  readonly name = "test-finisher";
  readonly size = 0x1000;

  constructor(readonly base: number, private readonly host: Host) {}

  read(): number {
    return 0;
  }

  write(offset: number, _width: number, value: number): void {
    if (offset !== 0) return;
    const low = value & 0xffff;
    if (low === 0x5555) this.host.halt(0, "test finisher: pass");
    else if (low === 0x3333) this.host.halt(value >>> 16, `test finisher: fail, code ${value >>> 16}`);
    else if (low === 0x7777) this.host.reset();
  }
}
