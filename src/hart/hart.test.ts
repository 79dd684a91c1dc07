import { describe, expect, it } from "vitest";
import { VirtMap } from "../bus/bus.js";
import { MIP, MSTATUS } from "../csr/bits.js";
import { Csr } from "../isa/csr-addr.js";
import { Exception, Interrupt } from "../isa/cause.js";
import type { Machine } from "../machine.js";
import {
  a0, a1, a2, a3, a4, a5, a6, a7, add, addi, and, andi, auipc, beq, bge, bgeu, blt, bltu, bne, bType, csrr, csrrs, csrrsi, csrrw,
  csrrwi, csrw, ebreak, ecall, fence, fenceI, iType, jal, jalr, lb, lbu, lh, lhu, li, load, lui, lw, mret, newMachine, nop,
  or, ori, ra, RAM_BASE, rType, sb, sfenceVma, sh, sll, slli, slt, slti, sltiu, sltu, sra, srai, sret, srl, srli,
  step, sType, sub, sw, t0, t1, t2, wfi, x0, xor, xori,
} from "../testing/asm.js";
import { Stop } from "./hart.js";

const M = 3, S = 1, U = 0;
const BASE = RAM_BASE;
const MTVEC = BASE + 0x800;
const STVEC = BASE + 0xc00;
const DATA = BASE + 0x400;
const MPP = (p: number): number => p << 11;
const IRQ = 0x80000000;

interface Boot {
  priv?: number;
  handler?: number[];
  shandler?: number[];
}

/** A fresh machine with `words` at RAM_BASE, mtvec/stvec pointing at optional handler code. */
function boot(words: number[], opts: Boot = {}): Machine {
  const m = newMachine();
  if (opts.handler) load(m, opts.handler, MTVEC);
  if (opts.shandler) load(m, opts.shandler, STVEC);
  load(m, words);
  m.hart.csr.mtvec = MTVEC;
  m.hart.csr.stvec = STVEC;
  m.hart.priv = opts.priv ?? M;
  return m;
}

/** What M-mode's trap CSRs say, plus where the hart went. */
const mtrap = (m: Machine) => ({
  pc: m.hart.pc, priv: m.hart.priv, mcause: m.hart.csr.mcause >>> 0, mepc: m.hart.csr.mepc, mtval: m.hart.csr.mtval,
});
const strap = (m: Machine) => ({
  pc: m.hart.pc, priv: m.hart.priv, scause: m.hart.csr.scause >>> 0, sepc: m.hart.csr.sepc, stval: m.hart.csr.stval,
});
const reg = (m: Machine, r: number): number => m.hart.x[r]! >>> 0;

describe("RV32I instruction classes", () => {
  it("lui and auipc", () => {
    const m = boot([lui(a0, 0xfffff), nop(), auipc(a1, 0x12345), auipc(a2, 0x80000)]);
    step(m, 4);
    expect([reg(m, a0), reg(m, a1), reg(m, a2)]).toEqual([0xfffff000, (BASE + 8 + 0x12345000) >>> 0, (BASE + 12 + 0x80000000) >>> 0]);
    expect(m.hart.pc).toBe(BASE + 16);
  });

  it("jal links pc+4 and jumps forward and backward", () => {
    const m = boot([jal(ra, 12), nop(), jal(a1, 8), jal(a0, -8)]); // 0 -> 12 -> 4 -> 8 -> 16
    step(m, 4);
    expect([reg(m, ra), reg(m, a0), reg(m, a1)]).toEqual([BASE + 4, BASE + 16, BASE + 12]);
    expect(m.hart.pc).toBe(BASE + 16);
  });

  it("jalr adds the immediate, clears bit 0, and reads rs1 before writing rd", () => {
    const m = boot([...li(a0, BASE + 0x21), jalr(a0, a0, -0x10)]);
    step(m, 3);
    expect(m.hart.pc).toBe(BASE + 0x10);
    expect(reg(m, a0)).toBe(BASE + 12);
  });

  it.each([
    ["beq", beq, 5, 5, true], ["beq", beq, 5, 6, false],
    ["bne", bne, 5, 6, true], ["bne", bne, 5, 5, false],
    ["blt", blt, -1, 0, true], ["blt", blt, 0, -1, false], ["blt", blt, 3, 3, false],
    ["bge", bge, 0, -1, true], ["bge", bge, 3, 3, true], ["bge", bge, -1, 0, false],
    ["bltu", bltu, 0, -1, true], ["bltu", bltu, -1, 0, false], ["bltu", bltu, 3, 3, false],
    ["bgeu", bgeu, -1, 0, true], ["bgeu", bgeu, 3, 3, true], ["bgeu", bgeu, 0, -1, false],
  ] as const)("%s %s, %s taken=%s", (_name, op, a, b, taken) => {
    const m = boot([...li(a0, a), ...li(a1, b), op(a0, a1, -12)]);
    step(m, 5);
    expect(m.hart.pc).toBe(taken ? BASE + 4 : BASE + 20);
  });

  it("loads sign- or zero-extend", () => {
    const m = boot([...li(t0, DATA), lb(a0, 3, t0), lbu(a1, 3, t0), lh(a2, 2, t0), lhu(a3, 2, t0), lw(t1, 0, t0), lb(t2, 0, t0)]);
    m.ram.write(DATA - BASE, 4, 0x8765f071);
    step(m, 8);
    expect([reg(m, a0), reg(m, a1), reg(m, a2), reg(m, a3), reg(m, t1), reg(m, t2)])
      .toEqual([0xffffff87, 0x87, 0xffff8765, 0x8765, 0x8765f071, 0x71]);
  });

  it("stores write only their bytes, with negative offsets", () => {
    const m = boot([...li(t0, DATA + 16), ...li(a0, 0x11223344), sb(a0, -16, t0), sh(a0, -10, t0), sw(a0, -4, t0)]);
    step(m, 7);
    expect([m.ram.read(0x400, 4), m.ram.read(0x404, 4), m.ram.read(0x408, 4), m.ram.read(0x40c, 4)])
      .toEqual([0x00000044, 0x33440000, 0, 0x11223344]);
  });

  it.each([
    ["addi", addi, 0x7fffffff, 1, 0x80000000], ["addi", addi, 5, -6, 0xffffffff],
    ["slti", slti, -5, -4, 1], ["slti", slti, 4, -4, 0],
    ["sltiu", sltiu, 5, -1, 1], ["sltiu", sltiu, -2, -1, 1], ["sltiu", sltiu, -1, -1, 0], ["sltiu", sltiu, 0, 1, 1],
    ["xori", xori, 0x0f0f0f0f, -1, 0xf0f0f0f0], ["ori", ori, 0x1000, 0x0ff, 0x10ff], ["andi", andi, 0x12345678, -16, 0x12345670],
    ["slli", slli, 0x00000003, 31, 0x80000000], ["srli", srli, 0x80000000, 31, 1], ["srai", srai, 0x80000000, 31, 0xffffffff],
    ["srai", srai, 0x40000000, 30, 1], ["slli", slli, 1, 0, 1],
  ] as const)("OP-IMM %s(%s, %s) = %s", (_name, op, a, imm, expected) => {
    const m = boot([...li(a0, a), op(a1, a0, imm)]);
    step(m, 3);
    expect(reg(m, a1)).toBe(expected);
  });

  it.each([
    ["add", add, 0xffffffff, 2, 1], ["sub", sub, 1, 2, 0xffffffff], ["sub", sub, 0x80000000, 1, 0x7fffffff],
    ["sll", sll, 1, 33, 2], ["slt", slt, -1, 1, 1], ["slt", slt, 1, -1, 0], ["sltu", sltu, 1, -1, 1], ["sltu", sltu, -1, 1, 0],
    ["xor", xor, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0], ["srl", srl, 0x80000000, 63, 1], ["sra", sra, 0x80000000, 63, 0xffffffff],
    ["sra", sra, 0x7fffffff, 4, 0x07ffffff], ["or", or, 0xf0, 0x0f, 0xff], ["and", and, 0xf0f0, 0xff00, 0xf000],
  ] as const)("OP %s(%s, %s) = %s", (_name, op, a, b, expected) => {
    const m = boot([...li(a0, a), ...li(a1, b), op(a2, a0, a1)]);
    step(m, 5);
    expect(reg(m, a2)).toBe(expected);
  });

  it("fence and fence.i retire as no-ops", () => {
    const m = boot([fence(), fenceI(), fence(0b0010, 0b0001)]);
    step(m, 3);
    expect([m.hart.pc, m.hart.retired, m.hart.trapsTaken]).toEqual([BASE + 12, 3, 0]);
  });

  it("x0 stays zero whatever writes it", () => {
    const uartLsr = VirtMap.uart0 + 5;
    const m = boot([
      addi(x0, x0, 5), lui(x0, 1), auipc(x0, 1), jal(x0, 4), ...li(t0, DATA), lw(x0, 0, t0),
      ...li(t1, uartLsr), lbu(x0, 0, t1), csrrw(x0, Csr.mscratch, t0), csrrs(x0, Csr.mscratch, x0), add(a0, x0, x0),
    ]);
    m.ram.write(DATA - BASE, 4, 0x12345678);
    m.hart.x[a0] = 99;
    for (let i = 0; i < 13; i++) {
      step(m, 1);
      expect(m.hart.x[0]).toBe(0);
    }
    expect(reg(m, a0)).toBe(0);
    expect(m.hart.csr.mscratch).toBe(DATA);
  });

  it("a load into x0 still reads the device (UART RBR is consumed)", () => {
    const m = boot([...li(t0, VirtMap.uart0), lbu(x0, 0, t0), lbu(a0, 0, t0)]);
    m.uart.feed(new Uint8Array([0x31, 0x32]));
    step(m, 4);
    expect([reg(m, a0), m.hart.x[0]]).toEqual([0x32, 0]);
  });

  it("byte, half and word accesses at the very end of RAM", () => {
    const end = BASE + (1 << 20);
    const m = boot([...li(t0, end), ...li(a0, 0x11223344), sb(a0, -1, t0), sh(a0, -4, t0), lbu(a1, -1, t0), lh(a2, -2, t0), lw(a3, -4, t0)]);
    step(m, 9);
    expect([reg(m, a1), reg(m, a2), reg(m, a3), m.hart.trapsTaken]).toEqual([0x44, 0x4400, 0x44003344, 0]);
  });

  it("run(n) stops at the limit with Stop.Limit and counts retired instructions", () => {
    const m = boot([nop(), nop(), nop(), nop()]);
    expect(m.hart.run(3)).toBe(Stop.Limit);
    expect([m.hart.pc, m.hart.retired]).toEqual([BASE + 12, 3]);
  });
});

describe("exceptions: cause, epc, tval", () => {
  const illegal: [string, number][] = [
    ["all-zero word", 0x00000000],
    ["all-ones word", 0xffffffff],
    ["branch funct3=2", bType(2, a0, a1, 8)],
    ["branch funct3=3", bType(3, a0, a1, 8)],
    ["load funct3=3 (ld)", iType(0x03, a0, 3, a1, 0)],
    ["load funct3=6 (lwu)", iType(0x03, a0, 6, a1, 0)],
    ["load funct3=7", iType(0x03, a0, 7, a1, 0)],
    ["store funct3=3 (sd)", sType(0x23, 3, a1, a0, 0)],
    ["store funct3=4", sType(0x23, 4, a1, a0, 0)],
    ["jalr funct3=1", iType(0x67, a0, 1, a1, 0)],
    ["slli with bit 25 (shamt[5])", rType(0x13, a0, 1, a1, 1, 0x01)],
    ["slli with funct7=0x20", rType(0x13, a0, 1, a1, 1, 0x20)],
    ["srli with bit 25", rType(0x13, a0, 5, a1, 1, 0x01)],
    ["srai with bit 25", rType(0x13, a0, 5, a1, 1, 0x21)],
    ["mul (no M extension)", rType(0x33, a0, 0, a1, a2, 0x01)],
    ["OP funct7=0x20 funct3=1", rType(0x33, a0, 1, a1, a2, 0x20)],
    ["OP funct7=0x20 funct3=7", rType(0x33, a0, 7, a1, a2, 0x20)],
    ["OP funct7=0x40", rType(0x33, a0, 0, a1, a2, 0x40)],
    ["MISC-MEM funct3=2", iType(0x0f, 0, 2, 0, 0)],
    ["SYSTEM funct3=4", iType(0x73, a0, 4, 0, Csr.mscratch)],
    ["ecall with rd!=0", 0x000000f3],
    ["uret", 0x00200073],
    ["AMO opcode (no A)", rType(0x2f, a0, 2, a1, a2, 0)],
    ["OP-32 opcode (RV64 only)", rType(0x3b, a0, 0, a1, a2, 0)],
    ["LOAD-FP opcode (no F)", iType(0x07, a0, 2, a1, 0)],
  ];
  it.each(illegal)("illegal instruction: %s -> cause 2, tval = the instruction bits", (_name, word) => {
    const m = boot([word]);
    m.hart.x[a0] = 77;
    expect(step(m, 1)).toBe(Stop.Event);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.IllegalInstruction, mepc: BASE, mtval: word >>> 0 });
    expect([m.hart.retired, reg(m, a0)]).toEqual([0, 77]);
  });

  it("jal to a misaligned target: epc = the jump, tval = target, rd not written", () => {
    const m = boot([nop(), jal(ra, 6)]);
    m.hart.x[ra] = 0x1234;
    step(m, 2);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.InstructionMisaligned, mepc: BASE + 4, mtval: BASE + 10 });
    expect(reg(m, ra)).toBe(0x1234);
  });

  it("jalr to a target with bit 1 set traps; bit 0 alone is cleared, not a trap", () => {
    const m = boot([...li(t0, BASE + 0x102), jalr(ra, t0, 0)]);
    step(m, 3);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.InstructionMisaligned, mepc: BASE + 8, mtval: BASE + 0x102 });
    expect(reg(m, ra)).toBe(0);
  });

  it("a taken branch to a misaligned target traps; a not-taken one does not", () => {
    const m = boot([beq(x0, a0, 6)]);
    m.hart.x[a0] = 1;
    step(m, 1);
    expect(m.hart.pc).toBe(BASE + 4);
    load(m, [beq(x0, x0, 6)]);
    m.hart.csr.mtvec = MTVEC;
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.InstructionMisaligned, mepc: BASE, mtval: BASE + 6 });
  });

  it("ebreak: cause 3, tval = pc, not retired", () => {
    const m = boot([nop(), ebreak()]);
    step(m, 2);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.Breakpoint, mepc: BASE + 4, mtval: BASE + 4 });
    expect(m.hart.retired).toBe(1);
  });

  it.each([
    [U, Exception.EcallFromU], [S, Exception.EcallFromS], [M, Exception.EcallFromM],
  ])("ecall from privilege %i: cause %i, tval 0, MPP = that privilege", (priv, cause) => {
    const m = boot([ecall()], { priv });
    m.hart.csr.mtval = 0x55;
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: cause, mepc: BASE, mtval: 0 });
    expect(m.hart.csr.mstatus & MSTATUS.MPP).toBe(MPP(priv));
    expect(m.hart.retired).toBe(0);
  });

  it.each([
    ["lh at odd address", lh(a0, 1, t0), 1, U], ["lhu at odd address", lhu(a0, 3, t0), 3, S],
    ["lw at +2", lw(a0, 2, t0), 2, U], ["lw at +1", lw(a0, 1, t0), 1, S],
  ])("load misaligned from S/U: %s -> cause 4, tval = address, rd unchanged", (_name, word, off, priv) => {
    const m = boot([...li(t0, DATA), word], { priv });
    m.hart.x[a0] = 42;
    step(m, 3);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.LoadMisaligned, mepc: BASE + 8, mtval: DATA + off });
    expect(reg(m, a0)).toBe(42);
  });

  it.each([
    ["sh at odd address", sh(a0, 1, t0), 1, U], ["sw at +2", sw(a0, 2, t0), 2, S], ["sw at +3", sw(a0, 3, t0), 3, U],
  ])("store misaligned from S/U: %s -> cause 6, tval = address, memory unchanged", (_name, word, off, priv) => {
    const m = boot([...li(t0, DATA), ...li(a0, -1), word], { priv });
    step(m, 5);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.StoreMisaligned, mepc: BASE + 16, mtval: DATA + off });
    expect([m.ram.read(0x400, 4), m.ram.read(0x404, 4)]).toEqual([0, 0]);
  });

  it("misaligned loads in M complete in hardware, with sign extension (3.6.3.4 allows it)", () => {
    const m = boot([...li(t0, DATA), lw(a0, 1, t0), lh(a1, 3, t0), lhu(a2, 3, t0)]);
    m.ram.write(0x400, 4, 0x44332211);
    m.ram.write(0x404, 4, 0x88776655);
    step(m, 5);
    expect([reg(m, a0), reg(m, a1), reg(m, a2)]).toEqual([0x55443322, 0x5544, 0x5544]);
    m.ram.write(0x404, 4, 0x887766f5);
    load(m, [...li(t0, DATA), lh(a1, 3, t0)]);
    step(m, 3);
    expect([reg(m, a1), m.hart.trapsTaken]).toEqual([0xfffff544, 0]);
  });

  it("misaligned stores in M complete in hardware", () => {
    const m = boot([...li(t0, DATA), ...li(a0, 0x11223344), sw(a0, 3, t0), sh(a0, 9, t0)]);
    step(m, 6);
    expect([m.ram.read(0x400, 4), m.ram.read(0x404, 4), m.ram.read(0x408, 4), m.ram.read(0x40c, 4)])
      .toEqual([0x44000000, 0x00112233, 0x00334400, 0]);
    expect(m.hart.trapsTaken).toBe(0);
  });

  it("in M with MPRV=1 and MPP=U, a misaligned access raises (effective privilege U)", () => {
    const m = boot([...li(t0, DATA), lw(a0, 2, t0)]);
    m.hart.csr.mstatus = MSTATUS.MPRV | MPP(U);
    step(m, 3);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.LoadMisaligned, mepc: BASE + 8, mtval: DATA + 2 });
  });

  it("misaligned: raise makes M raise misaligned loads and stores too", () => {
    const m = newMachine({ misaligned: "raise" });
    load(m, [...li(t0, DATA), sw(a0, 2, t0)]);
    m.hart.csr.mtvec = MTVEC;
    step(m, 3);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.StoreMisaligned, mepc: BASE + 8, mtval: DATA + 2 });
  });

  // mtval holds the address of the portion that faulted: the first byte past RAM (3.1.16).
  it("a misaligned M-mode access that runs off the end of RAM is an access fault, nothing written", () => {
    const end = BASE + (1 << 20);
    const m = boot([...li(t0, end - 2), ...li(a0, -1), sw(a0, 0, t0), lw(a1, 0, t0)]);
    step(m, 5);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.StoreAccessFault, mepc: BASE + 16, mtval: end });
    expect(m.ram.read((1 << 20) - 2, 2)).toBe(0);
    load(m, [...li(t0, end - 2), lw(a1, 0, t0)]);
    m.hart.csr.mtvec = MTVEC;
    m.hart.x[a1] = 5;
    step(m, 3);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.LoadAccessFault, mepc: BASE + 8, mtval: end });
    expect(reg(m, a1)).toBe(5);
  });

  it.each([
    ["unmapped low memory", 0x00001000],
    ["just below RAM", BASE - 4],
    ["just past the end of RAM", BASE + (1 << 20)],
  ])("load access fault (%s): cause 5, tval = address, rd unchanged", (_name, addr) => {
    const m = boot([...li(t0, addr), lw(a0, 0, t0)]);
    m.hart.x[a0] = 42;
    step(m, 3);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.LoadAccessFault, mepc: BASE + 8, mtval: addr >>> 0 });
    expect(reg(m, a0)).toBe(42);
  });

  it("store access fault: cause 7, tval = address", () => {
    const m = boot([...li(t0, 0x00001000), sb(a0, 3, t0)]);
    step(m, 3);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.StoreAccessFault, mepc: BASE + 8, mtval: 0x1003 });
  });

  it("fetch access fault after a jump to unmapped memory: epc = tval = the target", () => {
    const m = boot([...li(t0, 0x1000), jalr(ra, t0, 0)]);
    step(m, 4);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.InstructionAccessFault, mepc: 0x1000, mtval: 0x1000 });
    expect(reg(m, ra)).toBe(BASE + 12);
  });

  it("fetch access fault when running off the end of RAM", () => {
    const m = newMachine();
    const last = BASE + (1 << 20) - 4;
    load(m, [nop()], last);
    m.hart.csr.mtvec = MTVEC;
    step(m, 2);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.InstructionAccessFault, mepc: (last + 4) >>> 0, mtval: (last + 4) >>> 0 });
  });

  it("a trap is recorded in lastTrap and trapCounts without retiring", () => {
    const m = boot([ecall()], { priv: U });
    step(m, 1);
    expect(m.hart.lastTrap).toEqual({ cause: 8, interrupt: false, tval: 0, epc: BASE, from: U, to: M });
    expect([m.hart.trapsTaken, m.hart.retired]).toEqual([1, 0]);
  });
});

describe("trap entry and xRET", () => {
  it("trap from M stacks MIE into MPIE, sets MPP=M, clears MIE", () => {
    const m = boot([ecall()]);
    m.hart.csr.mstatus = MSTATUS.MIE;
    step(m, 1);
    expect(m.hart.csr.mstatus).toBe(MSTATUS.MPIE | MPP(M));
  });

  it("trap from U with MIE=0 leaves MPIE=0, MPP=U", () => {
    const m = boot([ecall()], { priv: U });
    m.hart.csr.mstatus = MSTATUS.MPIE | MPP(S);
    step(m, 1);
    expect(m.hart.csr.mstatus).toBe(MPP(U));
  });

  it("mret to S: pc = mepc, MIE <- MPIE, MPIE <- 1, MPP <- U", () => {
    const target = BASE + 0x100;
    const m = boot([...li(t0, target), csrw(Csr.mepc, t0), ...li(t1, MPP(S) | MSTATUS.MPIE), csrw(Csr.mstatus, t1), mret()]);
    step(m, 7);
    expect([m.hart.pc, m.hart.priv]).toEqual([target, S]);
    expect(m.hart.csr.mstatus).toBe(MSTATUS.MIE | MSTATUS.MPIE);
    expect(m.hart.retired).toBe(7);
  });

  it("mret to U, then ecall from U comes back to M with MPP=U", () => {
    const m = boot([...li(t0, BASE + 0x20), csrw(Csr.mepc, t0), mret(), nop(), nop(), nop(), nop(), ecall()]);
    step(m, 4);
    expect([m.hart.pc, m.hart.priv]).toEqual([BASE + 0x20, U]);
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.EcallFromU, mepc: BASE + 0x20, mtval: 0 });
    expect(m.hart.csr.mstatus & MSTATUS.MPP).toBe(MPP(U));
  });

  it("mret clears MPRV when it leaves M and keeps it when MPP=M", () => {
    const m = boot([mret()]);
    m.hart.csr.mepc = BASE + 0x40;
    m.hart.csr.mstatus = MSTATUS.MPRV | MPP(S);
    step(m, 1);
    expect([m.hart.priv, m.hart.csr.mstatus & MSTATUS.MPRV]).toEqual([S, 0]);
    load(m, [mret()]);
    m.hart.csr.mepc = BASE + 0x40;
    m.hart.csr.mstatus = MSTATUS.MPRV | MPP(M);
    step(m, 1);
    expect([m.hart.priv, m.hart.csr.mstatus]).toEqual([M, MSTATUS.MPRV | MSTATUS.MPIE]);
  });

  it("mret ignores mepc bit 1 (IALIGN=32)", () => {
    const m = boot([mret()]);
    m.hart.csr.mepc = BASE + 0x42;
    m.hart.csr.mstatus = MPP(M);
    step(m, 1);
    expect(m.hart.pc).toBe(BASE + 0x40);
  });

  it.each([[S], [U]])("mret in privilege %i is illegal", (priv) => {
    const m = boot([mret()], { priv });
    m.hart.csr.mepc = BASE + 0x40;
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.IllegalInstruction, mepc: BASE, mtval: 0x30200073 });
  });

  it("sret in S: pc = sepc, priv = SPP, SIE <- SPIE, SPIE <- 1, SPP <- U, MPRV cleared", () => {
    const m = boot([sret()], { priv: S });
    m.hart.csr.sepc = BASE + 0x80;
    m.hart.csr.mstatus = MSTATUS.SPIE | MSTATUS.MPRV | MPP(M);
    step(m, 1);
    expect([m.hart.pc, m.hart.priv]).toEqual([BASE + 0x80, U]);
    expect(m.hart.csr.mstatus).toBe(MSTATUS.SIE | MSTATUS.SPIE | MPP(M));
  });

  it("sret in M is legal and returns to SPP", () => {
    const m = boot([sret()]);
    m.hart.csr.sepc = BASE + 0x80;
    m.hart.csr.mstatus = MSTATUS.SPP;
    step(m, 1);
    expect([m.hart.pc, m.hart.priv, m.hart.csr.mstatus]).toEqual([BASE + 0x80, S, MSTATUS.SPIE]);
  });

  it("sret in U is illegal", () => {
    const m = boot([sret()], { priv: U });
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.IllegalInstruction, mepc: BASE, mtval: 0x10200073 });
  });
});

describe("TSR, TW, TVM (3.1.6.5)", () => {
  const illegalAt = (m: Machine, word: number) =>
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.IllegalInstruction, mepc: BASE, mtval: word >>> 0 });

  it("TSR=1: sret in S is illegal, in M still legal", () => {
    const m = boot([sret()], { priv: S });
    m.hart.csr.mstatus = MSTATUS.TSR;
    step(m, 1);
    illegalAt(m, sret());
    const m2 = boot([sret()]);
    m2.hart.csr.mstatus = MSTATUS.TSR | MSTATUS.SPP;
    m2.hart.csr.sepc = BASE + 0x10;
    step(m2, 1);
    expect([m2.hart.pc, m2.hart.priv]).toEqual([BASE + 0x10, S]);
  });

  it("TW=1: wfi in S is illegal, in M it retires", () => {
    const m = boot([wfi()], { priv: S });
    m.hart.csr.mstatus = MSTATUS.TW;
    step(m, 1);
    illegalAt(m, wfi());
    const m2 = boot([wfi()]);
    m2.hart.csr.mstatus = MSTATUS.TW;
    step(m2, 1);
    expect([m2.hart.pc, m2.hart.retired]).toEqual([BASE + 4, 1]);
  });

  it("TW=0: wfi in S retires; in U it is illegal (this hart's choice, allowed by 3.3.3)", () => {
    const m = boot([wfi()], { priv: S });
    step(m, 1);
    expect([m.hart.pc, m.hart.retired, m.hart.priv]).toEqual([BASE + 4, 1, S]);
    const m2 = boot([wfi()], { priv: U });
    step(m2, 1);
    illegalAt(m2, wfi());
  });

  it("TVM=1: sfence.vma and satp access in S are illegal, in M legal", () => {
    for (const word of [sfenceVma(a0, a1), csrr(a0, Csr.satp), csrw(Csr.satp, x0)]) {
      const m = boot([word], { priv: S });
      m.hart.csr.mstatus = MSTATUS.TVM;
      step(m, 1);
      illegalAt(m, word);
      const m2 = boot([word]);
      m2.hart.csr.mstatus = MSTATUS.TVM;
      step(m2, 1);
      expect([m2.hart.pc, m2.hart.retired]).toEqual([BASE + 4, 1]);
    }
  });

  it("TVM=0: sfence.vma in S retires; in U it is illegal", () => {
    const m = boot([sfenceVma(0, 0)], { priv: S });
    step(m, 1);
    expect([m.hart.pc, m.hart.retired]).toEqual([BASE + 4, 1]);
    const m2 = boot([sfenceVma(a0, 0)], { priv: U });
    step(m2, 1);
    illegalAt(m2, sfenceVma(a0, 0));
  });
});

describe("delegation to S (3.1.8)", () => {
  it("ecall from U delegated: stvec, scause, sepc, SPP=U, SPIE<-SIE; M CSRs untouched", () => {
    const m = boot([ecall()], { priv: U });
    m.hart.csr.medeleg = 1 << Exception.EcallFromU;
    m.hart.csr.mstatus = MSTATUS.SIE | MPP(M);
    step(m, 1);
    expect(strap(m)).toEqual({ pc: STVEC, priv: S, scause: Exception.EcallFromU, sepc: BASE, stval: 0 });
    expect(m.hart.csr.mstatus).toBe(MSTATUS.SPIE | MPP(M));
    expect([m.hart.csr.mcause, m.hart.csr.mepc]).toEqual([0, 0]);
  });

  it("ecall from S delegated stays in S with SPP=S", () => {
    const m = boot([ecall()], { priv: S });
    m.hart.csr.medeleg = 1 << Exception.EcallFromS;
    step(m, 1);
    expect(strap(m)).toEqual({ pc: STVEC, priv: S, scause: Exception.EcallFromS, sepc: BASE, stval: 0 });
    expect(m.hart.csr.mstatus & MSTATUS.SPP).toBe(MSTATUS.SPP);
  });

  it("a delegated exception raised in M is taken in M", () => {
    const m = boot([ebreak()]);
    m.hart.csr.medeleg = 1 << Exception.Breakpoint;
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: Exception.Breakpoint, mepc: BASE, mtval: BASE });
    expect(m.hart.csr.scause).toBe(0);
  });

  it("an undelegated exception from U goes to M even when others are delegated", () => {
    const m = boot([ecall()], { priv: U });
    m.hart.csr.medeleg = ~(1 << Exception.EcallFromU) & 0xb3ff;
    step(m, 1);
    expect(mtrap(m).mcause).toBe(Exception.EcallFromU);
    expect(m.hart.priv).toBe(M);
  });

  it("delegated illegal instruction from U: stval = instruction bits", () => {
    const m = boot([csrr(a0, Csr.mstatus)], { priv: U });
    m.hart.csr.medeleg = 1 << Exception.IllegalInstruction;
    step(m, 1);
    expect(strap(m)).toEqual({ pc: STVEC, priv: S, scause: Exception.IllegalInstruction, sepc: BASE, stval: csrr(a0, Csr.mstatus) });
  });

  it("delegated STI from U goes to S, vectored stvec to BASE + 4*5", () => {
    const m = boot([nop()], { priv: U });
    const c = m.hart.csr;
    c.mideleg = MIP.STIP; c.mie = MIP.STIP; c.mipSoftware = MIP.STIP; c.stvec = STVEC | 1;
    step(m, 1);
    expect(strap(m)).toEqual({ pc: STVEC + 20, priv: S, scause: (IRQ | Interrupt.SupervisorTimer) >>> 0, sepc: BASE, stval: 0 });
    expect(m.hart.retired).toBe(0);
  });

  it("a delegated interrupt is not taken in M, even with MIE=1", () => {
    const m = boot([nop()]);
    const c = m.hart.csr;
    c.mideleg = MIP.SSIP; c.mie = MIP.SSIP; c.mipSoftware = MIP.SSIP; c.mstatus = MSTATUS.MIE | MSTATUS.SIE;
    step(m, 1);
    expect([m.hart.pc, m.hart.retired, m.hart.trapsTaken]).toEqual([BASE + 4, 1, 0]);
  });
});

describe("interrupts", () => {
  it("vectored mtvec: MSI goes to BASE + 4*3 with mcause bit 31 and tval 0", () => {
    const m = boot([nop()]);
    const c = m.hart.csr;
    c.mtvec = MTVEC | 1; c.mie = MIP.MSIP; c.mipLines = MIP.MSIP; c.mstatus = MSTATUS.MIE; c.mtval = 9;
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC + 12, priv: M, mcause: (IRQ | Interrupt.MachineSoftware) >>> 0, mepc: BASE, mtval: 0 });
    expect(m.hart.csr.mstatus).toBe(MSTATUS.MPIE | MPP(M));
  });

  it("vectored mtvec still sends exceptions to BASE", () => {
    const m = boot([ecall()]);
    m.hart.csr.mtvec = MTVEC | 1;
    step(m, 1);
    expect(m.hart.pc).toBe(MTVEC);
  });

  it("enabling MIE with csrrsi makes a pending interrupt trap before the next instruction", () => {
    const m = boot([csrrsi(x0, Csr.mstatus, MSTATUS.MIE), nop()]);
    m.hart.csr.mie = MIP.MTIP; m.hart.csr.mipLines = MIP.MTIP;
    step(m, 2);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: (IRQ | Interrupt.MachineTimer) >>> 0, mepc: BASE + 4, mtval: 0 });
    expect(m.hart.retired).toBe(1);
  });

  it("M-level interrupts are taken in S and U regardless of MIE", () => {
    const m = boot([nop()], { priv: U });
    m.hart.csr.mie = MIP.MEIP; m.hart.csr.mipLines = MIP.MEIP;
    step(m, 1);
    expect(mtrap(m)).toEqual({ pc: MTVEC, priv: M, mcause: (IRQ | Interrupt.MachineExternal) >>> 0, mepc: BASE, mtval: 0 });
    expect(m.hart.csr.mstatus & MSTATUS.MPP).toBe(MPP(U));
  });

  it("MTI through the CLINT: taken exactly when mtime reaches mtimecmp (machine.run)", () => {
    const mtimecmp = VirtMap.clint + 0x4000;
    const loop = 11;
    const program = [
      ...li(t0, mtimecmp), ...li(t1, 50), sw(t1, 0, t0), sw(x0, 4, t0), // mtimecmp = 50
      ...li(t2, MIP.MTIP), csrw(Csr.mie, t2), csrrsi(x0, Csr.mstatus, MSTATUS.MIE), nop(),
      jal(x0, 0), // loop: index 11
    ];
    expect(program.length).toBe(loop + 1);
    const handler = [csrr(a0, Csr.minstret), csrr(a1, Csr.mcause), csrr(a2, Csr.mepc), ...li(t0, VirtMap.testFinisher), ...li(t1, 0x5555), sw(t1, 0, t0)];
    const m = boot(program, { handler });
    const r = m.run(10_000);
    expect([r.status, r.exitCode]).toEqual(["exit", 0]);
    expect([reg(m, a0), reg(m, a1), reg(m, a2)]).toEqual([50, (IRQ | Interrupt.MachineTimer) >>> 0, BASE + 4 * loop]);
  });
});

describe("counters", () => {
  it("minstret counts retired instructions; the reading instruction is not yet counted", () => {
    const m = boot([nop(), nop(), nop(), csrr(a0, Csr.minstret), csrr(a1, Csr.minstret), csrr(a2, Csr.minstreth)]);
    step(m, 6);
    expect([reg(m, a0), reg(m, a1), reg(m, a2)]).toEqual([3, 4, 0]);
  });

  it("ecall and faulting instructions do not retire", () => {
    const m = boot([nop(), ecall()], { handler: [csrr(a0, Csr.minstret)] });
    step(m, 3);
    expect(reg(m, a0)).toBe(1);
  });

  it("a write to minstret replaces that instruction's increment", () => {
    const m = boot([...li(t0, 100), csrw(Csr.minstret, t0), csrr(a0, Csr.minstret), nop(), csrr(a1, Csr.minstret)]);
    step(m, 6);
    expect([reg(m, a0), reg(m, a1)]).toEqual([100, 102]);
  });

  it("minstret carries into minstreth", () => {
    const m = boot([addi(t0, x0, -1), csrw(Csr.minstret, t0), csrr(a0, Csr.minstret), csrr(a1, Csr.minstreth), csrr(a2, Csr.minstret)]);
    step(m, 5);
    expect([reg(m, a0), reg(m, a1), reg(m, a2)]).toEqual([0xffffffff, 1, 1]);
  });

  it("mcycle reads exactly across 2^53 and wraps at 2^64", () => {
    // cycle = 2^53 - 3, then four reads (each a cycle later); then 2^64 - 4, and five more.
    const m = boot([
      ...li(t0, 0x001fffff), csrw(Csr.mcycleh, t0), addi(t1, x0, -3), csrw(Csr.mcycle, t1),
      csrr(a0, Csr.mcycle), csrr(a1, Csr.mcycleh), csrr(a2, Csr.mcycle), csrr(a3, Csr.mcycleh),
      addi(t0, x0, -1), csrw(Csr.mcycleh, t0), addi(t1, x0, -4), csrw(Csr.mcycle, t1),
      csrr(a4, Csr.cycle), csrr(a5, Csr.cycleh), csrr(a6, Csr.cycle), csrr(a7, Csr.cycleh), csrr(t2, Csr.cycle),
    ]);
    step(m, 18);
    expect([a0, a1, a2, a3, a4, a5, a6, a7, t2].map((r) => reg(m, r))).toEqual([
      0xfffffffd, 0x001fffff, 0xffffffff, 0x00200000, 0xfffffffc, 0xffffffff, 0xfffffffe, 0xffffffff, 0,
    ]);
  });

  it("a write to mcycle replaces that instruction's increment", () => {
    const m = boot([addi(t0, x0, 1000), csrw(Csr.mcycle, t0), csrr(a0, Csr.mcycle), csrr(a1, Csr.cycle)]);
    step(m, 4);
    expect([reg(m, a0), reg(m, a1)]).toEqual([1000, 1001]);
  });

  it("mcountinhibit.IR freezes minstret; clearing it resumes counting", () => {
    const m = boot([
      nop(), csrrwi(x0, Csr.mcountinhibit, 4), csrr(a0, Csr.minstret), nop(), nop(), csrr(a1, Csr.minstret),
      csrrwi(x0, Csr.mcountinhibit, 0), csrr(a2, Csr.minstret), nop(), nop(), csrr(a3, Csr.minstret),
    ]);
    step(m, 11);
    expect(reg(m, a1)).toBe(reg(m, a0));
    expect(reg(m, a3) - reg(m, a2)).toBe(3);
    expect(m.hart.csr.mcountinhibit).toBe(0);
  });

  it("mcountinhibit.CY freezes mcycle but not minstret", () => {
    const m = boot([
      csrrwi(x0, Csr.mcountinhibit, 1), csrr(a0, Csr.mcycle), nop(), csrr(a1, Csr.mcycle), csrr(a2, Csr.minstret),
    ]);
    step(m, 5);
    expect(reg(m, a1)).toBe(reg(m, a0));
    expect(reg(m, a2)).toBe(4);
  });

  it("a minstret write while inhibited holds that value", () => {
    const m = boot([csrrwi(x0, Csr.mcountinhibit, 4), addi(t0, x0, 77), csrw(Csr.minstret, t0), nop(), csrr(a0, Csr.minstret)]);
    step(m, 5);
    expect(reg(m, a0)).toBe(77);
  });
});

describe("CSR instructions in the hart", () => {
  it("csrrw swaps; rd gets the old value and the write retires", () => {
    const m = boot([...li(t0, 0x1234), csrrw(a0, Csr.mscratch, t0), csrrw(a1, Csr.mscratch, x0)]);
    m.hart.csr.mscratch = 0xabcd;
    step(m, 4);
    expect([reg(m, a0), reg(m, a1), m.hart.csr.mscratch]).toEqual([0xabcd, 0x1234, 0]);
    expect([m.hart.pc, m.hart.retired]).toEqual([BASE + 16, 4]);
  });

  it("csrrw with rd = rs1 reads the old value and writes the register's old value", () => {
    const m = boot([...li(a0, 5), csrrw(a0, Csr.mscratch, a0)]);
    m.hart.csr.mscratch = 9;
    step(m, 3);
    expect([reg(m, a0), m.hart.csr.mscratch]).toEqual([9, 5]);
  });
});
