import { describe, expect, it } from "vitest";
import { VirtMap } from "../bus/bus.js";
import { MIP } from "../csr/bits.js";
import { Csr } from "../isa/csr-addr.js";
import { Interrupt } from "../isa/cause.js";
import type { Machine } from "../machine.js";
import {
  a0, a1, addi, beq, csrr, csrrs, csrrsi, csrw, jal, lbu, li, load, lw, newMachine, RAM_BASE, sb, sh, step, sw, t0, t1, t2, x0,
} from "../testing/asm.js";
import { UART_IRQ } from "../monitor/fdt.js";
import { Clint } from "./clint.js";
import type { Clock, Host } from "./host.js";
import { Plic } from "./plic.js";
import { TestFinisher } from "./test-finisher.js";
import { Uart16550 } from "./uart16550.js";

const BASE = RAM_BASE;

class FakeClock implements Clock {
  readonly frequency = 10_000_000;
  t = 0n;
  now(): bigint { return this.t; }
  ticks(): number { return Number(this.t); }
  instructionsFor(ticks: number): number { return Math.max(0, Math.ceil(ticks)); }
}

class HostStub implements Host {
  bytes: number[] = [];
  halts: [number, string][] = [];
  resets = 0;
  output(bytes: Uint8Array): void { this.bytes.push(...bytes); }
  halt(status: number, reason: string): void { this.halts.push([status, reason]); }
  reset(): void { this.resets++; }
  get text(): string { return String.fromCharCode(...this.bytes); }
}

describe("CLINT (SiFive layout: msip +0, mtimecmp +0x4000, mtime +0xbff8)", () => {
  const clint = (): [Clint, FakeClock] => {
    const clock = new FakeClock();
    return [new Clint(VirtMap.clint, clock), clock];
  };

  it("msip holds only bit 0 and drives MSIP", () => {
    const [c] = clint();
    expect([c.read(0, 4), c.lines() & MIP.MSIP]).toEqual([0, 0]);
    c.write(0, 4, 0xffffffff);
    expect([c.read(0, 4), c.lines()]).toEqual([1, MIP.MSIP]);
    c.write(1, 1, 0); // a byte above bit 0 does not clear it
    expect(c.read(0, 4)).toBe(1);
    c.write(0, 1, 0xfe);
    expect([c.read(0, 4), c.lines()]).toEqual([0, 0]);
  });

  it("mtimeHalf (the time CSRs) agrees with mtime for any offset: small, below 2^53, above it, negative", () => {
    const [c, clock] = clint();
    clock.t = 123456789n;
    const check = (): void => {
      const t = c.mtime();
      expect([c.mtimeHalf(false), c.mtimeHalf(true)]).toEqual([Number(t & 0xffffffffn), Number(t >> 32n)]);
    };
    check();
    for (const [lo, hi] of [[0xfffffff0, 0x001fffff], [0x10, 0x00200000], [5, 0xffffffff], [0, 0]]) {
      c.write(0xbff8, 4, lo!);
      c.write(0xbffc, 4, hi!);
      check();
      clock.t += 0x40n; // across 2^53, and across 2^64 (mtime wraps)
      check();
    }
  });

  it("mtimecmp: byte, half and word access to both halves; resets to all ones", () => {
    const [c] = clint();
    expect([c.read(0x4000, 4), c.read(0x4004, 4)]).toEqual([0xffffffff, 0xffffffff]);
    c.write(0x4000, 4, 0x11223344);
    c.write(0x4004, 4, 0x55667788);
    expect(c.mtimecmp).toBe(0x5566778811223344n);
    expect([c.read(0x4000, 1), c.read(0x4001, 1), c.read(0x4002, 2), c.read(0x4006, 2), c.read(0x4007, 1)])
      .toEqual([0x44, 0x33, 0x1122, 0x5566, 0x55]);
    c.write(0x4003, 1, 0xaa);
    c.write(0x4004, 2, 0xbbcc);
    expect(c.mtimecmp).toBe(0x5566bbccaa223344n);
  });

  it("mtime follows the clock; a write moves it and it keeps counting from there", () => {
    const [c, clock] = clint();
    clock.t = 0x1_0000_0005n;
    expect([c.read(0xbff8, 4), c.read(0xbffc, 4), c.read(0xbff8, 1), c.read(0xbffc, 2)]).toEqual([5, 1, 5, 1]);
    c.write(0xbff8, 4, 100);
    expect(c.mtime()).toBe(0x1_0000_0064n);
    clock.t += 10n;
    expect(c.read(0xbff8, 4)).toBe(110);
    c.write(0xbffc, 4, 0);
    expect(c.mtime()).toBe(110n);
    c.write(0xbff9, 1, 0x01);
    expect(c.mtime()).toBe(0x16en);
  });

  it("MTIP rises when mtime >= mtimecmp and falls when mtimecmp moves ahead", () => {
    const [c, clock] = clint();
    c.write(0x4000, 4, 10);
    c.write(0x4004, 4, 0);
    clock.t = 9n;
    expect([c.lines(), c.instructionsUntilTimer()]).toEqual([0, 1]);
    clock.t = 10n;
    expect([c.lines(), c.instructionsUntilTimer()]).toEqual([MIP.MTIP, 0]);
    c.write(0x4000, 4, 20);
    expect([c.lines(), c.instructionsUntilTimer()]).toEqual([0, 10]);
  });

  it("unmapped offsets read 0 and ignore writes", () => {
    const [c] = clint();
    c.write(0x8, 4, 1);
    c.write(0x5000, 4, 1);
    expect([c.read(0x8, 4), c.read(0x5000, 4), c.msip, c.mtimecmp]).toEqual([0, 0, 0, (1n << 64n) - 1n]);
  });

  it("through the bus: a program reads mtime and raises MSI by writing msip", () => {
    const m = newMachine();
    load(m, [csrr(a0, Csr.mcause), ...li(t0, VirtMap.testFinisher), ...li(t1, 0x5555), sw(t1, 0, t0)], BASE + 0x800);
    load(m, [
      ...li(t0, VirtMap.clint + 0xbff8), lw(a0, 0, t0), lw(a1, 4, t0), // mtime = instructions retired so far
      ...li(t1, MIP.MSIP), csrw(Csr.mie, t1), csrrsi(x0, Csr.mstatus, 8),
      ...li(t0, VirtMap.clint), addi(t1, x0, 1), sw(t1, 0, t0), jal(x0, 0), // index 12: loop
    ]);
    m.hart.csr.mtvec = BASE + 0x800;
    step(m, 4);
    expect([m.hart.x[a0], m.hart.x[a1]]).toEqual([2, 0]);
    const r = m.run(1000);
    expect([r.status, r.exitCode, m.hart.x[a0]! >>> 0]).toEqual(["exit", 0, (0x80000000 | Interrupt.MachineSoftware) >>> 0]);
    expect(m.hart.csr.mepc).toBe(BASE + 4 * 12);
  });
});

describe("UART 16550", () => {
  it("THR bytes go to the host; LSR says THR empty and transmitter idle", () => {
    const host = new HostStub();
    const u = new Uart16550(VirtMap.uart0, host);
    u.write(0, 1, 0x68);
    u.write(0, 1, 0x169); // only the low byte
    expect(host.text).toBe("hi");
    expect(u.read(5, 1)).toBe(0x60);
  });

  it("input: LSR.DR while bytes wait, RBR hands them out in order", () => {
    const u = new Uart16550(VirtMap.uart0, new HostStub());
    u.feed(new Uint8Array([0x41, 0x42]));
    expect([u.read(5, 1) & 1, u.read(0, 1), u.read(0, 1), u.read(5, 1) & 1, u.read(0, 1)]).toEqual([1, 0x41, 0x42, 0, 0]);
  });

  it("DLAB redirects offsets 0/1 to the divisor latch; nothing is printed", () => {
    const host = new HostStub();
    const u = new Uart16550(VirtMap.uart0, host);
    u.write(1, 1, 0xff);
    u.write(3, 1, 0x83);
    u.write(0, 1, 0x01);
    u.write(1, 1, 0x02);
    expect([u.read(0, 1), u.read(1, 1), u.read(3, 1)]).toEqual([0x01, 0x02, 0x83]);
    u.write(3, 1, 0x03);
    expect([u.read(1, 1), host.bytes.length]).toEqual([0x0f, 0]);
  });

  it("IIR, MSR, scratch and MCR", () => {
    const u = new Uart16550(VirtMap.uart0, new HostStub());
    u.write(7, 1, 0x5a);
    u.write(4, 1, 0xff);
    expect([u.read(2, 1), u.read(6, 1), u.read(7, 1), u.read(4, 1)]).toEqual([0x01, 0xb0, 0x5a, 0x1f]);
    u.write(2, 1, 0x01); // FCR: FIFOs on
    expect(u.read(2, 1)).toBe(0xc1);
  });

  describe("interrupts, as Linux's 8250 driver drives them", () => {
    const IIR = 2, IER = 1, FCR = 2, LCR = 3, LSR = 5, SCR = 7;
    const uart = (): [Uart16550, HostStub] => {
      const host = new HostStub();
      return [new Uart16550(VirtMap.uart0, host), host];
    };

    it("probe: scratch, IER read-back, LCR/DLAB divisor; no interrupt while IER is 0", () => {
      const [u, host] = uart();
      u.write(SCR, 1, 0xa5);
      const scr = u.read(SCR, 1);
      u.write(IER, 1, 0);
      const ier0 = u.read(IER, 1) & 0x0f;
      u.write(IER, 1, 0x0f);
      const ierF = u.read(IER, 1) & 0x0f;
      u.write(IER, 1, 0);
      u.write(LCR, 1, 0x80);
      u.write(0, 1, 0x02); // divisor 2 (115200 at 3.6864 MHz)
      u.write(IER, 1, 0x00);
      u.write(LCR, 1, 0x03); // 8N1, DLAB off
      expect([scr, ier0, ierF, u.read(LCR, 1), u.read(IER, 1), host.bytes.length]).toEqual([0xa5, 0, 0x0f, 0x03, 0, 0]);
      expect([u.read(IIR, 1), u.read(LSR, 1), u.irq()]).toEqual([0x01, 0x60, false]);
    });

    it("FCR enables FIFOs (IIR bits 7:6); clearing them keeps input the host already queued", () => {
      const [u] = uart();
      u.feed(new Uint8Array([0x61]));
      u.write(FCR, 1, 0x07); // enable, clear RX and TX
      expect(u.read(IIR, 1)).toBe(0xc1);
      u.write(FCR, 1, 0x00);
      expect(u.read(IIR, 1)).toBe(0x01);
      u.write(FCR, 1, 0x81); // enable, RX trigger 8
      expect([u.read(IIR, 1), u.read(LSR, 1) & 1, u.read(0, 1)]).toEqual([0xc1, 1, 0x61]);
    });

    it("startup THRE checks: ETBEI going up raises THR empty; reading IIR clears it; re-enabling re-raises", () => {
      const [u] = uart();
      u.write(FCR, 1, 0x07);
      u.write(IER, 1, 0x02);
      expect(u.irq()).toBe(true);
      const iir1 = u.read(IIR, 1);
      expect([iir1, u.irq(), u.read(IIR, 1)]).toEqual([0xc2, false, 0xc1]);
      u.write(IER, 1, 0);
      u.write(IER, 1, 0x02);
      expect([u.read(LSR, 1) & 0x60, u.read(IIR, 1)]).toEqual([0x60, 0xc2]); // not UART_BUG_THRE / UART_BUG_TXEN
      u.write(IER, 1, 0x02); // already enabled: no new edge
      expect([u.irq(), u.read(IIR, 1)]).toEqual([false, 0xc1]);
    });

    it("THR empty after a write while ETBEI is set; disabling ETBEI drops the line", () => {
      const [u, host] = uart();
      u.write(FCR, 1, 0x01);
      u.write(IER, 1, 0x07);
      expect(u.read(IIR, 1)).toBe(0xc2);
      u.write(0, 1, 0x78);
      expect([host.text, u.irq(), u.read(LSR, 1)]).toEqual(["x", true, 0x60]); // LSR reads do not clear it
      expect([u.irq(), u.read(IIR, 1), u.irq()]).toEqual([true, 0xc2, false]);
      u.write(0, 1, 0x79);
      u.write(IER, 1, 0x05); // stop_tx
      expect([u.irq(), u.read(IIR, 1)]).toEqual([false, 0xc1]);
    });

    it("RX data available after feed() while ERBFI is set, until RBR is drained", () => {
      const [u] = uart();
      u.write(FCR, 1, 0x01);
      u.write(IER, 1, 0x05);
      expect([u.irq(), u.read(IIR, 1), u.hasInput]).toEqual([false, 0xc1, false]);
      u.feed(new TextEncoder().encode("ok"));
      expect([u.irq(), u.hasInput, u.read(IIR, 1), u.read(IIR, 1)]).toEqual([true, true, 0xc4, 0xc4]); // IIR reads do not clear it
      const got: number[] = [];
      while (u.read(LSR, 1) & 1) got.push(u.read(0, 1));
      expect([String.fromCharCode(...got), u.irq(), u.read(IIR, 1), u.hasInput, u.read(0, 1)]).toEqual(["ok", false, 0xc1, false, 0]);
      u.write(IER, 1, 0);
      u.feed(new Uint8Array([1]));
      expect([u.irq(), u.read(IIR, 1), u.read(LSR, 1)]).toEqual([false, 0x01 | 0xc0, 0x61]);
    });

    it("RX data outranks THR empty; THR empty is reported once RX is drained", () => {
      const [u] = uart();
      u.write(FCR, 1, 0x01);
      u.write(IER, 1, 0x07);
      u.feed(new Uint8Array([0x41]));
      expect([u.read(IIR, 1), u.read(IIR, 1)]).toEqual([0xc4, 0xc4]); // THR empty stays pending behind it
      expect(u.read(0, 1)).toBe(0x41);
      expect([u.irq(), u.read(IIR, 1), u.irq(), u.read(IIR, 1)]).toEqual([true, 0xc2, false, 0xc1]);
    });

    it("a long paste drains in order, through RBR and takeByte()", () => {
      const [u] = uart();
      const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7) & 0xff);
      u.feed(bytes.subarray(0, 12_000));
      const got: number[] = [];
      for (let i = 0; i < 9_000; i++) got.push(u.read(0, 1));
      u.feed(bytes.subarray(12_000));
      while (u.hasInput) got.push(got.length % 2 ? u.read(0, 1) : u.takeByte());
      expect(got).toEqual([...bytes]);
      expect([u.takeByte(), u.read(0, 1)]).toEqual([-1, 0]);
    });

    it("with the PLIC: irq() drives source UART_IRQ; claim, drain RBR, complete leaves SEIP down", () => {
      const [u] = uart();
      const p = new Plic(VirtMap.plic);
      const CLAIM_S = 0x201004;
      p.write(4 * UART_IRQ, 4, 1);
      p.write(0x2080, 4, 1 << UART_IRQ);
      u.write(IER, 1, 0x05);
      const sync = () => p.setSource(UART_IRQ, u.irq());
      u.feed(new Uint8Array([0x71, 0x72]));
      sync();
      expect(p.lines()).toBe(MIP.SEIP);
      const id = p.read(CLAIM_S, 4);
      expect([id, u.read(IIR, 1) & 0x0f, u.read(0, 1), u.read(0, 1), u.read(LSR, 1) & 1]).toEqual([UART_IRQ, 0x04, 0x71, 0x72, 0]);
      sync();
      p.write(CLAIM_S, 4, id);
      expect([p.lines(), p.read(0x1000, 4)]).toEqual([0, 0]);
      u.feed(new Uint8Array([0x73]));
      sync();
      expect(p.lines()).toBe(MIP.SEIP);
    });
  });

  it("a program prints through the machine's output", () => {
    const out: number[] = [];
    const m = newMachine({ output: (b) => out.push(...b) });
    load(m, [...li(t0, VirtMap.uart0), addi(t1, x0, 0x4f), sb(t1, 0, t0), addi(t1, x0, 0x4b), sb(t1, 0, t0), lbu(a0, 5, t0)]);
    step(m, 7);
    expect([String.fromCharCode(...out), m.hart.x[a0]]).toEqual(["OK", 0x60]);
  });
});

describe("SiFive test finisher", () => {
  it("0x5555 passes, (code << 16) | 0x3333 fails with code, 0x7777 resets, others ignored", () => {
    const host = new HostStub();
    const f = new TestFinisher(VirtMap.testFinisher, host);
    f.write(0, 4, 0x1234);
    f.write(4, 4, 0x5555);
    expect([host.halts.length, host.resets]).toEqual([0, 0]);
    f.write(0, 4, 0x5555);
    f.write(0, 4, (42 << 16) | 0x3333);
    f.write(0, 4, 0x7777);
    expect(host.halts.map(([s]) => s)).toEqual([0, 42]);
    expect(host.resets).toBe(1);
  });

  const finish = (value: number): Machine => {
    const m = newMachine();
    load(m, [...li(t0, VirtMap.testFinisher), ...li(t1, value), sw(t1, 0, t0), jal(x0, 0)]);
    return m;
  };

  it("machine.run ends with exit status 0 on pass and the code on fail", () => {
    const pass = finish(0x5555).run(1000);
    expect([pass.status, pass.exitCode, pass.retired]).toEqual(["exit", 0, 5]);
    const fail = finish((7 << 16) | 0x3333).run(1000);
    expect([fail.status, fail.exitCode]).toEqual(["exit", 7]);
  });

  it("0x7777 resets the hart at the entry point (RAM survives)", () => {
    const DATA = BASE + 0x400;
    // counter += 1 in RAM; first pass resets, second pass passes.
    const program = [
      ...li(t0, DATA), lw(t1, 0, t0), addi(t1, t1, 1), sw(t1, 0, t0), // 0..4
      addi(t2, x0, 2), ...li(a0, VirtMap.testFinisher), // 5..7
      beq(t1, t2, 20), // 8 -> 13
      ...li(a1, 0x7777), sw(a1, 0, a0), jal(x0, 0), // 9..12
      ...li(a1, 0x5555), sw(a1, 0, a0), // 13..15
    ];
    const m = newMachine();
    load(m, program);
    const r = m.run(1000);
    expect([r.status, r.exitCode, m.ram.read(0x400, 4)]).toEqual(["exit", 0, 2]);
  });
});

describe("HTIF (tohost/fromhost)", () => {
  const TOHOST = BASE + 0x1000;
  const FROMHOST = BASE + 0x1040;
  const BLOCK = BASE + 0x2000;
  const BUF = BASE + 0x3000;

  function htifMachine(words: number[], out: number[] = []): Machine {
    const m = newMachine({ output: (b) => out.push(...b) });
    const data = new Uint8Array(Uint32Array.from(words).buffer);
    m.loadElf({
      entry: BASE,
      segments: [{ paddr: BASE, vaddr: BASE, data, memsz: 0x4000, flags: 5 }],
      symbols: new Map([["tohost", TOHOST], ["fromhost", FROMHOST]]),
    });
    return m;
  }
  const word = (m: Machine, addr: number): number => m.ram.read(addr - BASE, 4);

  it.each([
    ["low then high", [0, 4]],
    ["high then low", [4, 0]],
  ])("exit written %s: status = payload >> 1, once both halves are written", (_n, order) => {
    const [first, second] = order as [number, number];
    const regFor = (off: number) => (off === 0 ? t1 : x0);
    const m = htifMachine([...li(t0, TOHOST), ...li(t1, (21 << 1) | 1), sw(regFor(first), first, t0), sw(regFor(second), second, t0), jal(x0, 0)]);
    step(m, 5);
    expect([m.exited, m.htif?.commands]).toEqual([false, 0]);
    step(m, 1);
    expect([m.exited, m.htif?.commands, word(m, TOHOST), word(m, TOHOST + 4)]).toEqual([true, 1, 0, 0]);
    const r = m.run(100);
    expect([r.status, r.exitCode]).toEqual(["exit", 21]);
  });

  it("exit 0 is a pass; a low-word-only write is picked up by polling", () => {
    const m = htifMachine([...li(t0, TOHOST), addi(t1, x0, 1), sw(t1, 0, t0), jal(x0, 0)]);
    const r = m.run(1_000_000);
    expect([r.status, r.exitCode, r.reason]).toEqual(["exit", 0, "HTIF exit: pass"]);
  });

  it("a low word followed, a few slices later, by its high word is one command (no premature run)", () => {
    const out: number[] = [];
    const m = htifMachine([
      ...li(t0, TOHOST), ...li(t1, 0x01010000), addi(t2, x0, 0x41), sw(t2, 0, t0),
      csrrs(a0, Csr.mscratch, x0), csrrs(a0, Csr.mscratch, x0), sw(t1, 4, t0), jal(x0, 0),
    ], out);
    const r = m.run(20_000);
    expect(out).toEqual([0x41]);
    expect([r.status, m.htif?.commands]).toEqual(["limit", 1]);
  });

  it("device 1 command 1 prints a character and answers in fromhost", () => {
    const out: number[] = [];
    const m = htifMachine([
      ...li(t0, TOHOST), ...li(t1, 0x01010000), addi(t2, x0, 0x5a), sw(t2, 0, t0), sw(t1, 4, t0),
      lw(a0, 0x40, t0), lw(a1, 0x44, t0),
    ], out);
    step(m, 9);
    expect(out).toEqual([0x5a]);
    expect([m.hart.x[a0], m.hart.x[a1], word(m, TOHOST), m.exited]).toEqual([0, 0x01010000, 0, false]);
  });

  it("syscall proxy: write(1, buf, len) prints and returns len; exit(n) halts with n", () => {
    const out: number[] = [];
    const m = htifMachine([
      ...li(t0, TOHOST), ...li(t1, BLOCK), sw(x0, 4, t0), sw(t1, 0, t0), // write
      ...li(t1, BLOCK + 0x40), sw(t1, 0, t0), sw(x0, 4, t0), // exit
      jal(x0, 0),
    ], out);
    const text = "hello\n";
    const w = (addr: number, v: number) => m.ram.write(addr - BASE, 4, v);
    [64, 0, 1, 0, BUF, 0, text.length, 0].forEach((v, i) => w(BLOCK + 4 * i, v));
    [93, 0, 3, 0].forEach((v, i) => w(BLOCK + 0x40 + 4 * i, v));
    for (let i = 0; i < text.length; i++) m.ram.bytes[BUF - BASE + i] = text.charCodeAt(i);
    step(m, 6);
    expect(String.fromCharCode(...out)).toBe(text);
    expect([word(m, BLOCK), word(m, BLOCK + 4), word(m, FROMHOST), word(m, FROMHOST + 4)]).toEqual([6, 0, 1, 0]);
    const r = m.run(100);
    expect([r.status, r.exitCode]).toEqual(["exit", 3]);
  });

  it("syscall proxy: an unknown call returns -ENOSYS, a bad buffer -EFAULT", () => {
    const m = htifMachine([...li(t0, TOHOST), ...li(t1, BLOCK), sw(t1, 0, t0), sw(x0, 4, t0), ...li(t1, BLOCK + 0x40), sw(t1, 0, t0), sw(x0, 4, t0)]);
    const w = (addr: number, v: number) => m.ram.write(addr - BASE, 4, v);
    w(BLOCK, 1234);
    [64, 0, 1, 0, 0x1000, 0, 4, 0].forEach((v, i) => w(BLOCK + 0x40 + 4 * i, v));
    step(m, 10);
    expect([word(m, BLOCK) | 0, word(m, BLOCK + 4) | 0, word(m, BLOCK + 0x40) | 0, m.exited]).toEqual([-38, -1, -14, false]);
  });

  it("halfword stores to tohost count toward the halves they touch", () => {
    const m = htifMachine([...li(t0, TOHOST), addi(t1, x0, 5), sh(t1, 0, t0), sh(x0, 2, t0), sh(x0, 4, t0), sh(x0, 6, t0), jal(x0, 0)]);
    step(m, 5);
    expect(m.exited).toBe(false);
    step(m, 1);
    expect(m.exited).toBe(true);
    expect(m.run(10).exitCode).toBe(2);
  });
});
