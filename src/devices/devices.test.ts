import { describe, expect, it } from "vitest";
import { VirtMap } from "../bus/bus.js";
import { MIP } from "../csr/bits.js";
import { Csr } from "../isa/csr-addr.js";
import { Interrupt } from "../isa/cause.js";
import type { Machine } from "../machine.js";
import {
  a0, a1, addi, beq, csrr, csrrs, csrrsi, csrw, jal, lbu, li, load, lw, newMachine, RAM_BASE, sb, sh, step, sw, t0, t1, t2, x0,
} from "../testing/asm.js";
import { Clint } from "./clint.js";
import type { Clock, Host } from "./host.js";
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
    expect([u.read(2, 1), u.read(6, 1), u.read(7, 1), u.read(4, 1)]).toEqual([0xc1, 0xb0, 0x5a, 0x1f]);
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
