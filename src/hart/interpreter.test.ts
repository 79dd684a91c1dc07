import { describe, expect, it } from "vitest";
import { RAM_BASE, add, addi, addrOf, bne, csrrs, csrrw, jal, li, load as loadWords, lui, lw, newMachine, sw } from "../testing/asm.js";
import { parseIsa } from "../isa/isa-string.js";
import { Csr } from "../isa/csr-addr.js";
import { DecodeCache, META_RVC, Op, X0_SINK, decode, decodedImm } from "./interpreter.js";

const op = (meta: number): number => meta & 0x7f;

describe("decode", () => {
  it("gives each operation its fields and immediate", () => {
    const m = decode(addi(5, 6, -7), addi(5, 6, -7), false, false);
    expect([op(m), (m >>> 8) & 63, (m >>> 16) & 31, decodedImm]).toEqual([Op.ADDI, 5, 6, -7]);
    const j = decode(jal(1, -2048), 0, false, false);
    expect([op(j), decodedImm]).toEqual([Op.JAL, -2048]);
    const s = decode(sw(7, -4, 2), 0, false, false);
    expect([op(s), (s >>> 16) & 31, s >>> 24, decodedImm]).toEqual([Op.SW, 2, 7, -4]);
  });

  it("sends writes to x0 to the sink register, never to x0", () => {
    expect((decode(lw(0, 0, 1), 0, false, false) >>> 8) & 63).toBe(X0_SINK);
  });

  it("makes M and A operations illegal without the extension, with the fetched bits as tval", () => {
    const mul = 0x02b50533; // mul a0, a0, a1
    expect(op(decode(mul, mul, false, false))).toBe(Op.ILLEGAL);
    expect(decodedImm).toBe(mul);
    expect(op(decode(mul, mul, true, false))).toBe(Op.MUL);
    const amoadd = 0x00b5252f; // amoadd.w a0, a1, (a0)
    expect(op(decode(amoadd, amoadd, true, false))).toBe(Op.ILLEGAL);
    expect(op(decode(amoadd, amoadd, true, true))).toBe(Op.AMO);
  });

  it("rejects reserved encodings the interpreter used to reject (funct7 of shifts, funct3 of loads/stores/branches)", () => {
    const bad = [0x40001013 /* slli with funct7 0x20 */, 0x00003003 /* ld */, 0x00003023 /* sd */, 0x00002063 /* branch f3=2 */,
      0x00001067 /* jalr f3=1 */, 0x00002033 | (2 << 25) /* OP funct7=2 */, 0x0000200f /* MISC-MEM f3=2 */];
    for (const insn of bad) expect(op(decode(insn, insn, true, true)), insn.toString(16)).toBe(Op.ILLEGAL);
  });
});

describe("decode cache", () => {
  it("decodes a slot once, and a store to the instruction's bytes makes it decode again", () => {
    const m = newMachine();
    const cache = new DecodeCache(m.ram, { dropStorePage() {} });
    m.ram.write(0x100, 4, addi(1, 0, 5));
    const page = cache.page(0);
    const meta = cache.fill(page, 0x100 & 0xffe, 0x100, false, false, false);
    expect(op(meta)).toBe(Op.ADDI);
    expect(page[0x100]).toBe(meta);
    m.ram.write(0x102, 2, 0); // through Ram.write: tells nobody here, so tell the cache as the hart does
    cache.written(0x102, 2);
    expect(page[0x100]).toBe(0);
  });

  it("a 16-bit instruction carries the RVC mark; a 32-bit one straddling the page end is not kept", () => {
    const m = newMachine();
    const cache = new DecodeCache(m.ram, { dropStorePage() {} });
    m.ram.write(0x200, 2, 0x4505); // c.li a0, 1
    const page = cache.page(0);
    const meta = cache.fill(page, 0x200, 0x200, true, false, false);
    expect([op(meta), meta & META_RVC]).toEqual([Op.ADDI, META_RVC]);
    m.ram.write(0xffe, 2, 0x0513); // low half of addi a0,...
    expect(cache.fill(page, 0xffe, 0xffe, true, false, false)).toBe(Op.STRADDLE);
    expect(page[0xffe]).toBe(0);
  });

  it("a page with decoded instructions is flagged as code (its stores take the slow path)", () => {
    const m = newMachine();
    load(m);
    m.run(3);
    expect(m.ram.pageFlags[0]! & 1).toBe(1);
  });
});

function load(m: ReturnType<typeof newMachine>): void {
  [addi(1, 0, 1), csrrw(0, 0x340, 1), addi(2, 0, 2)].forEach((w, i) => m.ram.write(4 * i, 4, w));
  m.hart.reset(RAM_BASE);
}

// The interpreter samples translation, PMP and privilege when a call starts and goes on after CSR
// instructions and traps while nothing it sampled changed: a write that changes it must take effect
// at the very next instruction (each engine runs these).
describe("CSR writes that change what an engine sampled", () => {
  const DATA = RAM_BASE + 0x8000;
  const HANDLER = 40; // word index: a jump to itself
  // Through the machine's loop: hart.run alone stops after every trap and CSR write (stopAfterTrap),
  // so the interpreter would never go on in its loop.
  const runFor = (m: ReturnType<typeof newMachine>, n: number): void => void m.run(n);

  it("setting mstatus.MPRV translates the next M-mode load (the data page maps elsewhere)", () => {
    const root = RAM_BASE + 0x10000, leaf = RAM_BASE + 0x11000;
    const words = [
      ...li(5, (0x80000000 | (root >>> 12)) >>> 0), csrrw(0, Csr.satp, 5),
      ...li(6, (1 << 11) | (1 << 17)), csrrs(0, Csr.mstatus, 6), // MPP = S, MPRV
      ...li(7, DATA), lw(10, 0, 7),
      jal(0, 0),
    ];
    const m = loadWords(newMachine(), words);
    m.ram.write(root - RAM_BASE + 4 * (RAM_BASE >>> 22), 4, ((leaf >>> 12) << 10) | 1);
    m.ram.write(leaf - RAM_BASE + 4 * ((DATA >>> 12) & 0x3ff), 4, (((DATA + 0x1000) >>> 12) << 10) | 0xcf);
    m.ram.write(DATA - RAM_BASE, 4, 0x11111111); // what an untranslated load would read
    m.ram.write(DATA + 0x1000 - RAM_BASE, 4, 0x22222222);
    runFor(m, 40);
    expect(m.hart.x[10]! >>> 0).toBe(0x22222222);
  });

  it("locking a PMP entry without R makes the next M-mode load from it fault", () => {
    const words = [
      ...li(5, DATA >>> 2), csrrw(0, Csr.pmpaddr0, 5),
      ...li(5, RAM_BASE + 4 * HANDLER), csrrw(0, Csr.mtvec, 5),
      ...li(6, 0x90), csrrw(0, Csr.pmpcfg0, 6), // entry 0: locked, NA4, no permissions
      ...li(7, DATA), lw(10, 0, 7),
    ];
    const lwAt = words.length - 1;
    while (words.length < HANDLER) words.push(jal(0, 0));
    words.push(jal(0, 0));
    const m = loadWords(newMachine(), words);
    m.ram.write(DATA - RAM_BASE, 4, 0x33333333);
    runFor(m, 60);
    const csr = m.hart.csr;
    expect([csr.mcause, csr.mtval >>> 0, csr.mepc >>> 0]).toEqual([5, DATA >>> 0, addrOf(lwAt)]);
    expect(m.hart.x[10]).toBe(0);
  });
});

// Instructions the decode cache does not keep run one at a time, fetched and decoded anew at every
// execution: a 32-bit instruction straddling two pages, and code on a page PMP cuts finer than 4 KiB.
// Each program runs a loop three times; every pass stores the next version of the loop's first
// instruction (a0 += 1, then 2, then 3), so a stale decode of it shows in a0.
describe("instructions the decode cache does not keep", () => {
  const body = [addi(10, 10, 1), sw(12, 0, 13), add(12, 12, 14), addi(11, 11, -1)];
  const setup = (target: number): number[] => [addi(11, 0, 3), ...li(13, target), ...li(12, addi(10, 10, 2)), lui(14, 0x100)];

  it("a straddling branch back into its page: the loop sees every store to it", () => {
    const m = newMachine({ isa: parseIsa("rv32imac") });
    const half = (off: number, v: number): void => m.ram.write(off, 2, v & 0xffff);
    const word = (off: number, v: number): void => { half(off, v); half(off + 2, v >>> 16); };
    const at = 0xffc - 4 * body.length;
    body.forEach((w, i) => word(at + 4 * i, w));
    half(0xffc, 0x0001); // c.nop
    word(0xffe, bne(11, 0, at - 0xffe)); // straddles 0xfff/0x1000
    word(0x1002, jal(0, 0));
    const main = setup(RAM_BASE + at);
    main.push(jal(0, at - 4 * main.length));
    main.forEach((w, i) => word(4 * i, w));
    m.hart.reset(RAM_BASE);
    m.run(100);
    expect(m.hart.x[10]).toBe(1 + 2 + 3);
    expect(m.hart.pc).toBe(RAM_BASE + 0x1002);
  });

  it("code on a page PMP cuts (S-mode): the loop sees every store to it", () => {
    const code = RAM_BASE + 0x3000;
    const words = setup(code + 4 * 8);
    while (words.length < 8) words.push(addi(0, 0, 0));
    words.push(...body, bne(11, 0, -4 * body.length), jal(0, 0));
    const m = loadWords(newMachine(), words, code);
    const csr = m.hart.csr;
    // Entry 0: 8 bytes of the code page without X; entry 1: everything, RWX.
    csr.pmpcfg[0] = 0x18 | 3; csr.pmpaddr[0] = ((code + 0x800) >>> 2) | 0;
    csr.pmpcfg[1] = 0x18 | 7; csr.pmpaddr[1] = 0x1fffffff;
    m.hart.memoryConfigChanged();
    m.hart.priv = 1;
    m.run(100);
    expect(m.hart.x[10]).toBe(1 + 2 + 3);
    expect(m.hart.pc).toBe(code + 4 * (8 + body.length + 1));
  });
});
