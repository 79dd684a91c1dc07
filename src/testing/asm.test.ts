import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Csr } from "../isa/csr-addr.js";
import * as A from "./asm.js";
import {
  a0, a1, addi, add, and, andi, auipc, beq, bge, bgeu, blt, bltu, bne, csrrc, csrrci, csrrs, csrrsi, csrrw,
  csrrwi, ebreak, ecall, fence, fenceI, jal, jalr, lb, lbu, lh, lhu, li, load, lui, lw, mret, newMachine,
  or, ori, s11, sb, sfenceVma, sh, sll, slli, slt, slti, sltiu, sltu, sp, sra, srai, sret, srl, srli,
  step, sub, sw, t6, wfi, x0, x1, x2, xor, xori, zero,
} from "./asm.js";

describe("encoder: known encodings", () => {
  it("matches hand-checked words", () => {
    expect(addi(a0, a0, 1)).toBe(0x00150513);
    expect(csrrw(x1, Csr.mstatus, x2)).toBe(0x300110f3);
    expect(ecall()).toBe(0x00000073);
    expect(ebreak()).toBe(0x00100073);
    expect(mret()).toBe(0x30200073);
    expect(sret()).toBe(0x10200073);
    expect(wfi()).toBe(0x10500073);
    expect(sfenceVma(0, 0)).toBe(0x12000073);
    expect(fence()).toBe(0x0ff0000f);
    expect(fenceI()).toBe(0x0000100f);
    expect(addi(x0, x0, 0)).toBe(0x00000013);
    expect(addi(sp, sp, -16)).toBe(0xff010113);
    expect(jal(x0, 0)).toBe(0x0000006f);
    expect(jalr(x0, x1, 0)).toBe(0x00008067);
  });

  it("exports x0..x31 and the ABI names", () => {
    const regs = A as unknown as Record<string, number>;
    for (let i = 0; i < 32; i++) expect(regs[`x${i}`]).toBe(i);
    expect([A.ra, A.sp, A.gp, A.tp, A.t0, A.t2, A.s0, A.fp, A.s1, A.a0, A.a7, A.s2, A.s11, A.t3, A.t6])
      .toEqual([1, 2, 3, 4, 5, 7, 8, 8, 9, 10, 17, 18, 27, 28, 31]);
  });

  it("rejects immediates that do not fit", () => {
    expect(() => addi(a0, a0, 2048)).toThrow(RangeError);
    expect(() => addi(a0, a0, -2049)).toThrow(RangeError);
    expect(() => beq(a0, a1, 3)).toThrow(RangeError);
    expect(() => jal(x0, 1 << 20)).toThrow(RangeError);
    expect(() => slli(a0, a0, 32)).toThrow(RangeError);
    expect(() => addi(32, a0, 0)).toThrow(RangeError);
    expect(() => csrrwi(a0, Csr.mstatus, 32)).toThrow(RangeError);
  });

  it("li builds any 32-bit constant in two words", () => {
    const m = newMachine();
    const values = [0, 1, -1, 0x7ff, 0x800, -2048, -2049, 0x12345678, 0x80000000, 0xfffff800, 0x7fffffff];
    load(m, values.flatMap((v, i) => li(i + 1, v)));
    step(m, 2 * values.length);
    expect(Array.from(m.hart.x.slice(1, values.length + 1))).toEqual(values.map((v) => v | 0));
  });

  it("load writes the words and resets the hart at the address", () => {
    const m = newMachine();
    m.hart.priv = 0;
    load(m, [0x11111111, 0x22222222], 0x80000100);
    expect(m.ram.read(0x100, 4)).toBe(0x11111111);
    expect(m.ram.read(0x104, 4)).toBe(0x22222222);
    expect(m.hart.pc).toBe(0x80000100);
    expect(m.hart.priv).toBe(3);
  });
});

// Cross-check against the GNU assembler when it is installed (it is in the dev container).
const AS = "riscv64-unknown-elf-as";
const OBJCOPY = "riscv64-unknown-elf-objcopy";
const hasToolchain = [AS, OBJCOPY].every((tool) => spawnSync(tool, ["--version"]).status === 0);

describe.skipIf(!hasToolchain)("encoder: agrees with GNU as", () => {
  it("encodes every instruction form like the assembler", () => {
    const cases: [string, number][] = [
      ["lui a0, 0xfffff", lui(a0, 0xfffff)],
      ["auipc t6, 0x12345", auipc(t6, 0x12345)],
      ["jal ra, .+2046", jal(x1, 2046)],
      ["jal zero, .-1048576", jal(zero, -1048576)],
      ["jalr s11, -2048(a1)", jalr(s11, a1, -2048)],
      ["beq a0, a1, .-4096", beq(a0, a1, -4096)],
      ["bne a0, a1, .+4094", bne(a0, a1, 4094)],
      ["blt a0, a1, .+8", blt(a0, a1, 8)],
      ["bge a0, a1, .-8", bge(a0, a1, -8)],
      ["bltu a0, a1, .+2048", bltu(a0, a1, 2048)],
      ["bgeu a0, a1, .-2050", bgeu(a0, a1, -2050)],
      ["lb a0, -1(a1)", lb(a0, -1, a1)],
      ["lh a0, 2047(a1)", lh(a0, 2047, a1)],
      ["lw a0, -2048(a1)", lw(a0, -2048, a1)],
      ["lbu a0, 5(a1)", lbu(a0, 5, a1)],
      ["lhu a0, 6(a1)", lhu(a0, 6, a1)],
      ["sb a0, -1(a1)", sb(a0, -1, a1)],
      ["sh a0, 2047(a1)", sh(a0, 2047, a1)],
      ["sw t6, -2048(sp)", sw(t6, -2048, sp)],
      ["addi a0, a1, -1", addi(a0, a1, -1)],
      ["slti a0, a1, 100", slti(a0, a1, 100)],
      ["sltiu a0, a1, -1", sltiu(a0, a1, -1)],
      ["xori a0, a1, 0x555", xori(a0, a1, 0x555)],
      ["ori a0, a1, -256", ori(a0, a1, -256)],
      ["andi a0, a1, 0x7ff", andi(a0, a1, 0x7ff)],
      ["slli a0, a1, 31", slli(a0, a1, 31)],
      ["srli a0, a1, 1", srli(a0, a1, 1)],
      ["srai a0, a1, 17", srai(a0, a1, 17)],
      ["add a0, a1, t6", add(a0, a1, t6)],
      ["sub a0, a1, t6", sub(a0, a1, t6)],
      ["sll a0, a1, t6", sll(a0, a1, t6)],
      ["slt a0, a1, t6", slt(a0, a1, t6)],
      ["sltu a0, a1, t6", sltu(a0, a1, t6)],
      ["xor a0, a1, t6", xor(a0, a1, t6)],
      ["srl a0, a1, t6", srl(a0, a1, t6)],
      ["sra a0, a1, t6", sra(a0, a1, t6)],
      ["or a0, a1, t6", or(a0, a1, t6)],
      ["and a0, a1, t6", and(a0, a1, t6)],
      ["fence rw, w", fence(0b0011, 0b0001)],
      ["fence.i", fenceI()],
      ["csrrw a0, mscratch, a1", csrrw(a0, Csr.mscratch, a1)],
      ["csrrs a0, mip, a1", csrrs(a0, Csr.mip, a1)],
      ["csrrc a0, sstatus, a1", csrrc(a0, Csr.sstatus, a1)],
      ["csrrwi a0, mtvec, 31", csrrwi(a0, Csr.mtvec, 31)],
      ["csrrsi a0, 0xfff, 1", csrrsi(a0, 0xfff, 1)],
      ["csrrci a0, cycleh, 7", csrrci(a0, Csr.cycleh, 7)],
      ["sfence.vma a0, a1", sfenceVma(a0, a1)],
      ["ecall", ecall()],
      ["ebreak", ebreak()],
      ["mret", mret()],
      ["sret", sret()],
      ["wfi", wfi()],
    ];
    const dir = mkdtempSync(join(tmpdir(), "asm-test-"));
    try {
      const src = ".option norvc\n.text\n" + cases.map(([text]) => text).join("\n") + "\n";
      writeFileSync(join(dir, "t.s"), src);
      const as = spawnSync(AS, ["-march=rv32i_zicsr_zifencei", "-mabi=ilp32", "-o", join(dir, "t.o"), join(dir, "t.s")], { encoding: "utf8" });
      expect(as.stderr).toBe("");
      spawnSync(OBJCOPY, ["-O", "binary", "-j", ".text", join(dir, "t.o"), join(dir, "t.bin")]);
      const bin = readFileSync(join(dir, "t.bin"));
      const words = cases.map((_, i) => bin.readUInt32LE(4 * i));
      expect(words.map((w) => w.toString(16))).toEqual(cases.map(([, w]) => w.toString(16)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
