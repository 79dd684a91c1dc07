import { describe, expect, it } from "vitest";
import { Csr } from "../../isa/csr-addr.js";
import { Exception } from "../../isa/cause.js";
import type { Machine } from "../../machine.js";
import * as A from "../../testing/asm.js";

// The block translator's own rules, each checked against the interpreter on the same program and,
// where the point is translated code, with the translator's statistics showing that it ran.

const BASE = A.RAM_BASE;
const at = (i: number): number => (BASE + 4 * i) >>> 0;


/** Build a machine per engine with `prepare`, run it `insns` instructions, return both. */
function both(prepare: (m: Machine) => void, insns: number, isa = "rv32imac", ramSize = 1 << 20): { interp: Machine; jit: Machine } {
  const make = (engine: "interp" | "jit"): Machine => {
    const m = A.newMachine({ engine, ramSize, isa: { ...A.newMachine().hart.config.isa, ...isaOf(isa) } });
    prepare(m);
    m.run(insns);
    return m;
  };
  return { interp: make("interp"), jit: A.withHotThreshold(1, () => make("jit")) };
}

function isaOf(name: string): { m: boolean; a: boolean; c: boolean } {
  return { m: name.includes("m"), a: name.includes("a"), c: name.includes("c") };
}

const state = (m: Machine) => ({
  x: Array.from(m.hart.x), pc: m.hart.pc, priv: m.hart.priv, retired: m.hart.retired,
  mepc: m.hart.csr.mepc, mcause: m.hart.csr.mcause, mtval: m.hart.csr.mtval, scause: m.hart.csr.scause, stval: m.hart.csr.stval,
});

describe("block translator", () => {
  it("translates hot code and runs nearly all of a loop translated", () => {
    const words = [A.addi(A.t0, A.x0, 1000), A.addi(A.a0, A.a0, 3), A.addi(A.t0, A.t0, -1), A.bne(A.t0, A.x0, -8), A.ebreak()];
    const { interp, jit } = both((m) => { A.load(m, words); m.hart.csr.mtvec = at(64); }, 3002);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.x[A.a0]).toBe(3000);
    const s = jit.hart.jit!.stats;
    expect(s.translations).toBeGreaterThan(0);
    expect(s.retiredTranslated).toBeGreaterThan(2900);
  });

  it("leaves out of a translation a block the interpreter went through fewer than 3 times (V8 would deoptimize on it)", () => {
    // t0 counts down from 30; the block at word 4 runs once (t0 == 25), long before the loop is hot.
    const words = [A.addi(A.t0, A.x0, 30), A.addi(A.t1, A.x0, 25), A.addi(A.t0, A.t0, -1), A.bne(A.t0, A.t1, 8),
      A.addi(A.a1, A.a1, 1), A.addi(A.a0, A.a0, 1), A.bne(A.t0, A.x0, -16), A.ebreak()];
    const jit = A.withHotThreshold(24, () => A.newMachine({ engine: "jit" }));
    const interp = A.newMachine({ engine: "interp" });
    const sources: string[] = [];
    jit.hart.jit!.onTranslate = (_pc, _ctx, source) => sources.push(source);
    for (const m of [jit, interp]) { A.load(m, words); m.run(2 + 30 * 4 + 1); }
    expect(state(jit)).toEqual(state(interp));
    expect(sources.length).toBe(1);
    const hasBlock = (i: number): boolean => sources[0]!.includes(`pc = 0x${at(i).toString(16)}; st = 5;`); // its budget check
    expect([hasBlock(2), hasBlock(4), hasBlock(5)]).toEqual([true, false, true]);
  });

  it("priming a new translation's ways out leaves the hart as it was", () => {
    const words = [A.addi(A.t0, A.x0, 50), A.lw(A.a1, 0, A.sp), A.addi(A.t0, A.t0, -1), A.bne(A.t0, A.x0, -8), A.jalr(A.x0, A.ra, 0)];
    const m = A.withHotThreshold(1, () => A.newMachine({ engine: "jit" }));
    A.load(m, words);
    m.hart.x[A.sp] = BASE + 0x800;
    m.run(40);
    const jit = m.hart.jit!;
    const region = [...jit["pages"].values()][0]!.regions[0]!;
    const h = m.hart;
    h.pc = 0x80001234; h.retired = 777; h.slowStatus = 1; h.slowStop = 3; jit.landing = false;
    jit["prime"](region.fn);
    expect([h.pc, h.retired, h.slowStatus, h.slowStop, jit.landing]).toEqual([0x80001234, 777, 1, 3, false]);
  });

  it("stops after exactly the instruction limit, whatever the block boundaries", () => {
    const words = [A.addi(A.t0, A.x0, 100), A.addi(A.a0, A.a0, 1), A.xor(A.a1, A.a1, A.a0), A.addi(A.t0, A.t0, -1), A.bne(A.t0, A.x0, -12), A.ebreak()];
    for (let n = 1; n <= 40; n++) {
      const { interp, jit } = both((m) => A.load(m, words), n);
      expect(state(jit), `limit ${n}`).toEqual(state(interp));
      expect(jit.hart.retired).toBe(n);
    }
  });

  it("a fault in the middle of a block is precise: earlier writes done, later ones not, xepc/xtval/instret exact", () => {
    // Loop 3 times through a block whose third instruction loads from `a2`; the third pass faults.
    const words = [
      A.addi(A.t0, A.x0, 3), ...A.li(A.a2, BASE + 0x800),
      A.addi(A.a0, A.a0, 1), // 3: loop
      A.addi(A.a1, A.a1, 2),
      A.lw(A.a3, 0, A.a2),
      A.addi(A.a4, A.a4, 5),
      A.addi(A.t0, A.t0, -1),
      A.addi(A.t1, A.x0, 1), // after two passes, a2 moves out of RAM
      A.bne(A.t0, A.t1, 8), A.lui(A.a2, 0x1000),
      A.bne(A.t0, A.x0, -32), A.ebreak(),
    ];
    const { interp, jit } = both((m) => { A.load(m, [A.jal(A.x0, 0)], at(64)); A.load(m, words); m.hart.csr.mtvec = at(64); }, 200);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.csr.mcause).toBe(Exception.LoadAccessFault);
    expect(jit.hart.csr.mepc).toBe(at(5));
    expect(jit.hart.csr.mtval).toBe(0x01000000);
    expect(jit.hart.x[A.a1]).toBe(6); // written three times, before the fault
    expect(jit.hart.x[A.a4]).toBe(10); // the third write comes after the fault
  });

  it("a store to a translated instruction takes effect on the next execution of it (self-modifying code)", () => {
    const patch = A.addi(A.a0, A.a0, 100);
    const words = [
      ...A.li(A.t1, patch), ...A.li(A.t2, at(7)), A.addi(A.t0, A.x0, 10), A.addi(A.t3, A.x0, 5),
      A.addi(A.a0, A.a0, 1), // 6: loop
      A.addi(A.a0, A.a0, 1), // 7: patched after five passes
      A.addi(A.t0, A.t0, -1),
      A.bne(A.t0, A.t3, 8),
      A.sw(A.t1, 0, A.t2),
      A.bne(A.t0, A.x0, -20),
      A.ebreak(),
    ];
    const { interp, jit } = both((m) => { A.load(m, words); m.hart.csr.mtvec = at(64); }, 200);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.x[A.a0]).toBe(5 * 2 + 5 * 101);
    expect(jit.hart.jit!.stats.invalidations).toBeGreaterThan(0);
  });

  it("a store that overwrites the very next instruction of the block is seen", () => {
    const words = [...A.li(A.t1, A.addi(A.a0, A.x0, 42)), ...A.li(A.t2, at(6)), A.fence(), A.sw(A.t1, 0, A.t2), A.addi(A.a0, A.x0, 1), A.ebreak()];
    const { interp, jit } = both((m) => { A.load(m, words); m.hart.csr.mtvec = at(64); }, 7);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.x[A.a0]).toBe(42);
  });

  it("writes into the same page that miss translated words leave the translation alone", () => {
    const words = [A.addi(A.t0, A.x0, 200), ...A.li(A.t2, at(512)), A.sw(A.t0, 0, A.t2), A.addi(A.t0, A.t0, -1), A.bne(A.t0, A.x0, -8), A.ebreak()];
    const { interp, jit } = both((m) => { A.load(m, words); m.hart.csr.mtvec = at(64); }, 700);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.jit!.stats.invalidations).toBe(0);
    expect(jit.hart.jit!.stats.retiredTranslated).toBeGreaterThan(500);
  });

  it("the fast TLB keeps U and S apart: MPRV loads as U succeed, the same as S without SUM fault", () => {
    // M-mode with MPRV: MPP = U loads a U page, then MPP = S loads it again (no SUM: page fault), in a loop.
    const root = BASE + 0x10000, page = BASE + 0x20000, va = 0x40000000;
    const words = [
      ...A.li(A.t2, va), A.addi(A.t0, A.x0, 20),
      ...A.li(A.t3, (1 << 17) | (0 << 11)), A.csrw(Csr.mstatus, A.t3), // 4: MPRV, MPP = U
      A.lw(A.a0, 0, A.t2),
      ...A.li(A.t3, (1 << 17) | (1 << 11)), A.csrw(Csr.mstatus, A.t3), // MPRV, MPP = S
      A.lw(A.a1, 0, A.t2), // faults: the handler skips it
      A.addi(A.t0, A.t0, -1), A.bne(A.t0, A.x0, -36), A.jal(A.x0, 0),
    ];
    const handler = [A.csrr(A.t5, Csr.mepc), A.addi(A.t5, A.t5, 4), A.csrw(Csr.mepc, A.t5), A.addi(A.a2, A.a2, 1), A.mret()];
    const { interp, jit } = both((m) => {
      A.load(m, handler, at(64));
      A.load(m, words);
      m.hart.csr.mtvec = at(64);
      const w = (addr: number, v: number): void => m.ram.write(addr - m.ram.base, 4, v >>> 0);
      w(root + 4 * (va >>> 22), ((page + 0x1000) >>> 12) << 10 | 1); // pointer to a leaf table
      w(page + 0x1000, (page >>> 12) << 10 | 0xd3); // V R U A D
      w(page, 0x1234);
      m.hart.csr.satp = (0x80000000 | (root >>> 12)) >>> 0;
      m.hart.memoryConfigChanged();
    }, 400);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.x[A.a0]).toBe(0x1234);
    expect(jit.hart.x[A.a1]).toBe(0);
    expect(jit.hart.x[A.a2]).toBe(20);
  });

  it("after a satp switch the same virtual pc runs the code of its new mapping", () => {
    // Two address spaces map VA 0x40000000 (S-mode code) to different physical pages; an M-mode loop
    // switches between them and enters S there (MRET); the S code ECALLs back with its result in a0.
    const va = 0x40000000;
    const rootA = BASE + 0x10000, rootB = BASE + 0x11000, codeA = BASE + 0x20000, codeB = BASE + 0x21000;
    const words = [
      A.addi(A.s1, A.x0, 6), // rounds
      ...A.li(A.t0, va), A.csrw(Csr.mepc, A.t0),
      ...A.li(A.s2, (0x80000000 | (rootA >>> 12)) >>> 0), ...A.li(A.s3, (0x80000000 | (rootB >>> 12)) >>> 0),
      A.andi(A.t1, A.s1, 1), A.beq(A.t1, A.x0, 12), // 8: loop
      A.csrw(Csr.satp, A.s2), A.jal(A.x0, 8),
      A.csrw(Csr.satp, A.s3),
      A.sfenceVma(),
      ...A.li(A.t0, 1 << 11), A.csrw(Csr.mstatus, A.t0), // MPP = S
      ...A.li(A.t0, va), A.csrw(Csr.mepc, A.t0),
      A.mret(),
    ];
    const back = words.length; // the M-mode trap handler continues here
    words.push(A.add(A.s4, A.s4, A.a0), A.addi(A.s1, A.s1, -1), A.bne(A.s1, A.x0, (8 - (back + 2)) * 4), A.jal(A.x0, 0));
    const { interp, jit } = both((m) => {
      A.load(m, words);
      m.hart.csr.mtvec = at(back);
      const w = (addr: number, v: number): void => m.ram.write(addr - m.ram.base, 4, v >>> 0);
      for (const [root, code, value] of [[rootA, codeA, 10], [rootB, codeB, 1000]] as const) {
        w(root + 4 * (va >>> 22), ((root + 0x2000) >>> 12) << 10 | 1);
        w(root + 0x2000, (code >>> 12) << 10 | 0xcb); // V R X A D
        [A.addi(A.a0, A.x0, value), A.addi(A.a0, A.a0, 1), A.ecall()].forEach((insn, i) => w(code + 4 * i, insn));
      }
    }, 2000);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.x[A.s4]).toBe(3 * 11 + 3 * 1001);
  });

  it("a timer interrupt reaches a translated loop at the same instruction as in the interpreter", () => {
    const words = [...A.li(A.t0, 0x2004000), A.addi(A.t1, A.x0, 500), A.sw(A.t1, 0, A.t0), A.sw(A.x0, 4, A.t0),
      ...A.li(A.t1, 0x80), A.csrw(Csr.mie, A.t1), A.csrrsi(A.x0, Csr.mstatus, 8),
      A.addi(A.a0, A.a0, 1), A.jal(A.x0, -4)];
    const handler = [A.csrr(A.a1, Csr.mepc), A.csrr(A.a2, Csr.mcause), A.jal(A.x0, 0)];
    const { interp, jit } = both((m) => { A.load(m, handler, at(64)); A.load(m, words); m.hart.csr.mtvec = at(64); }, 2000);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.x[A.a2]! >>> 0).toBe(0x80000007);
  });

  it("SFENCE.VMA of one address drops what a superpage leaf covered, in every 4 KiB page of it", () => {
    // M-mode with MPRV (MPP = S) loads through a 4 MiB superpage at 0x40000000, re-points the leaf
    // at other memory, fences one address of it, and loads another 4 KiB page of it again.
    const root = BASE + 0x10000, va = 0x40000000, oldPa = BASE + 0x400000, newPa = BASE + 0x800000;
    const words = [
      ...A.li(A.t3, (1 << 17) | (1 << 11)), A.csrw(Csr.mstatus, A.t3),
      ...A.li(A.t2, va + 0x1000), A.lw(A.a0, 0, A.t2), A.lw(A.a0, 4, A.t2),
      A.csrw(Csr.mstatus, A.x0), // MPRV off: the page table is written physically
      ...A.li(A.t4, root + 4 * (va >>> 22)), ...A.li(A.t5, ((newPa >>> 12) << 10) | 0xc7), A.sw(A.t5, 0, A.t4),
      ...A.li(A.t6, va), A.sfenceVma(A.t6, A.x0),
      A.csrw(Csr.mstatus, A.t3),
      A.lw(A.a1, 0, A.t2), A.jal(A.x0, 0),
    ];
    const { interp, jit } = both((m) => {
      A.load(m, words);
      const w = (addr: number, v: number): void => m.ram.write(addr - m.ram.base, 4, v >>> 0);
      w(root + 4 * (va >>> 22), ((oldPa >>> 12) << 10) | 0xc7); // V R W A D superpage
      w(oldPa + 0x1000, 0x01d);
      w(newPa + 0x1000, 0x2e0);
      m.hart.csr.satp = (0x80000000 | (root >>> 12)) >>> 0;
      m.hart.memoryConfigChanged();
    }, 40, "rv32imac", 16 << 20);
    expect(state(jit)).toEqual(state(interp));
    expect(jit.hart.x[A.a0]).toBe(0);
    expect(jit.hart.x[A.a1]).toBe(0x2e0);
  });
});
