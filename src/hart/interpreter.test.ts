import { describe, expect, it } from "vitest";
import { RAM_BASE, addi, csrrw, jal, lw, newMachine, sw } from "../testing/asm.js";
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
    const cache = new DecodeCache(m.ram, () => {});
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
    const cache = new DecodeCache(m.ram, () => {});
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
