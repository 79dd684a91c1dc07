import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrName, disassemble } from "./disasm.js";

const AS = "riscv64-unknown-elf-as";
const OBJDUMP = "riscv64-unknown-elf-objdump";
const hasToolchain = [AS, OBJDUMP].every((tool) => spawnSync(tool, ["--version"]).status === 0);

// Tiny encoders so expectations read like assembly.
const r = (f7: number, rs2: number, rs1: number, f3: number, rd: number, opc: number): number =>
  ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc) >>> 0;
const i = (imm: number, rs1: number, f3: number, rd: number, opc: number): number =>
  (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opc) >>> 0;
const s = (imm: number, rs2: number, rs1: number, f3: number): number =>
  ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 0x1f) << 7) | 0x23) >>> 0;
const b = (imm: number, rs2: number, rs1: number, f3: number): number =>
  ((((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
    (((imm >> 1) & 0xf) << 8) | (((imm >> 11) & 1) << 7) | 0x63) >>> 0;
const j = (imm: number, rd: number): number =>
  ((((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3ff) << 21) | (((imm >> 11) & 1) << 20) |
    (((imm >> 12) & 0xff) << 12) | (rd << 7) | 0x6f) >>> 0;
const csr = (address: number, rs1: number, f3: number, rd: number): number => i(address, rs1, f3, rd, 0x73);

const PC = 0x80000000;
const [zero, ra, sp, s0, a0, a1, a5] = [0, 1, 2, 8, 10, 11, 15];

describe("disassemble: hand-written expectations", () => {
  const cases: Array<[number, string]> = [
    [i(1, a0, 0, a0, 0x13), "addi a0,a0,1"],
    [i(-16, sp, 0, sp, 0x13), "addi sp,sp,-16"],
    [i(0, 0, 0, 0, 0x13), "nop"],
    [i(5, zero, 0, a0, 0x13), "li a0,5"],
    [i(0, a1, 0, a0, 0x13), "mv a0,a1"],
    [i(-1, a1, 4, a0, 0x13), "not a0,a1"],
    [i(1, a1, 3, a0, 0x13), "seqz a0,a1"],
    [i(255, a1, 7, a0, 0x13), "zext.b a0,a1"],
    [i(3, a0, 1, a0, 0x13), "slli a0,a0,0x3"],
    [i(0x400 | 31, a0, 5, a0, 0x13), "srai a0,a0,0x1f"],
    [i(0x020, a0, 1, a0, 0x13), ".word 0x02051513"], // shamt[5] is reserved on RV32
    [r(0x20, a1, zero, 0, a0, 0x33), "neg a0,a1"],
    [r(0, a1, zero, 3, a0, 0x33), "snez a0,a1"],
    [r(0, zero, a1, 2, a0, 0x33), "sltz a0,a1"],
    [r(0, a1, zero, 2, a0, 0x33), "sgtz a0,a1"],
    [r(0x20, a1, a0, 5, a0, 0x33), "sra a0,a0,a1"],
    [r(1, a1, a0, 0, a0, 0x33), ".word 0x02b50533"], // mul: M extension not decoded yet
    [i(-12, s0, 2, a5, 0x03), "lw a5,-12(s0)"],
    [i(7, a0, 4, a1, 0x03), "lbu a1,7(a0)"],
    [s(-12, a5, s0, 2), "sw a5,-12(s0)"],
    [s(2047, ra, sp, 0), "sb ra,2047(sp)"],
    [0x12345537, "lui a0,0x12345"],
    [0x00000517, "auipc a0,0x0"],
    [b(16, a1, a0, 0), "beq a0,a1,0x80000010"],
    [b(-4, zero, a0, 0), "beqz a0,0x7ffffffc"],
    [b(8, zero, a0, 1), "bnez a0,0x80000008"],
    [b(8, a0, zero, 5), "blez a0,0x80000008"],
    [b(8, zero, a0, 5), "bgez a0,0x80000008"],
    [b(8, zero, a0, 4), "bltz a0,0x80000008"],
    [b(8, a0, zero, 4), "bgtz a0,0x80000008"],
    [b(8, a1, a0, 7), "bgeu a0,a1,0x80000008"],
    [b(8, a1, a0, 2), ".word 0x00b52463"],
    [j(0x100, zero), "j 0x80000100"],
    [j(-2, ra), "jal 0x7ffffffe"],
    [j(4, a0), "jal a0,0x80000004"],
    [i(0, ra, 0, zero, 0x67), "ret"],
    [i(0, a0, 0, zero, 0x67), "jr a0"],
    [i(8, a0, 0, zero, 0x67), "jr 8(a0)"],
    [i(0, a0, 0, ra, 0x67), "jalr a0"],
    [i(-8, a0, 0, a1, 0x67), "jalr a1,-8(a0)"],
    [0x0ff0000f, "fence"],
    [0x0310000f, "fence rw,w"],
    [0x0100000f, "fence w,0"],
    [0x8330000f, "fence.tso"],
    [0x0000100f, "fence.i"],
    [0x00000073, "ecall"],
    [0x00100073, "ebreak"],
    [0x30200073, "mret"],
    [0x10200073, "sret"],
    [0x10500073, "wfi"],
    [0x12000073, "sfence.vma"],
    [0x12050073, "sfence.vma a0"],
    [0x12b50073, "sfence.vma a0,a1"],
    [csr(0x300, zero, 2, a0), "csrr a0,mstatus"],
    [csr(0x305, a0, 1, zero), "csrw mtvec,a0"],
    [csr(0x304, a0, 2, zero), "csrs mie,a0"],
    [csr(0x344, a0, 3, zero), "csrc mip,a0"],
    [csr(0x300, 8, 5, zero), "csrwi mstatus,8"],
    [csr(0x300, 8, 6, zero), "csrsi mstatus,8"],
    [csr(0x300, 8, 7, zero), "csrci mstatus,8"],
    [csr(0x340, a1, 1, a0), "csrrw a0,mscratch,a1"],
    [csr(0x141, 3, 7, a0), "csrrci a0,sepc,3"],
    [csr(0xc00, zero, 2, a0), "rdcycle a0"],
    [csr(0xc81, zero, 2, a0), "rdtimeh a0"],
    [csr(0x7c0, zero, 2, a0), "csrr a0,0x7c0"],
    [0xc0001073, "unimp"],
    [0x00000000, "unimp"],
    [0xffffffff, ".word 0xffffffff"],
    [0x0000000b, ".word 0x0000000b"],
    [0x4501, ".word 0x00004501"], // compressed: C extension not decoded yet
  ];
  const named = cases.map(([insn, text]) => ({ hex: insn.toString(16).padStart(8, "0"), insn, text }));
  it.each(named)("$hex -> $text", ({ insn, text }) => {
    expect(disassemble(insn, PC)).toBe(text);
  });

  it("accepts signed and unsigned views of the same word", () => {
    expect(disassemble(0xfff50513 | 0, PC)).toBe(disassemble(0xfff50513, PC));
    expect(disassemble(0xfff50513, PC)).toBe("addi a0,a0,-1");
  });

  it("wraps branch targets to 32 bits", () => {
    expect(disassemble(j(-8, zero), 0)).toBe("j 0xfffffff8");
    expect(disassemble(b(8, a1, a0, 1), 0xfffffffc)).toBe("bne a0,a1,0x4");
  });

  it("names standard CSRs and prints others as hex", () => {
    expect(csrName(0x3a0 + 15)).toBe("pmpcfg15");
    expect(csrName(0x3b0 + 63)).toBe("pmpaddr63");
    expect(csrName(0xb83)).toBe("mhpmcounter3h");
    expect(csrName(0x33f)).toBe("mhpmevent31");
    expect(csrName(0x723)).toBe("mhpmevent3h");
    expect(csrName(0xc9f)).toBe("hpmcounter31h");
    for (const [address, name] of [[0x31a, "menvcfgh"], [0x10a, "senvcfg"], [0xf15, "mconfigptr"],
      [0x320, "mcountinhibit"], [0x310, "mstatush"], [0xc82, "instreth"]] as const) {
      expect(csrName(address)).toBe(name);
    }
    expect(csrName(0x600)).toBe("0x600"); // hstatus: H extension is not named
  });

  it("never throws and is deterministic on arbitrary words", () => {
    let x = 0x12345678;
    for (let n = 0; n < 200_000; n++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      const text = disassemble(x, x ^ 0x5555);
      expect(typeof text).toBe("string");
      if (n % 1000 === 0) expect(disassemble(x, x ^ 0x5555)).toBe(text);
    }
  });
});

/** Deterministic xorshift32, so a failing comparison is reproducible. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>>= 0);
  };
}

const RV32I_OPCODES = [0x03, 0x0f, 0x13, 0x17, 0x23, 0x33, 0x37, 0x63, 0x67, 0x6f, 0x73];

/** Words covering every RV32I/Zicsr/Zifencei form: random fields plus the alias corner cases. */
function corpus(): number[] {
  const next = makeRandom(0xc0ffee);
  const words: number[] = [];
  for (const opcode of RV32I_OPCODES) {
    for (let n = 0; n < 600; n++) {
      let w = (next() & ~0x7f) | opcode;
      // Bias toward valid funct7 and zero registers so aliases get exercised.
      if (n % 3 === 0) w &= ~(0x5f << 25);
      if (n % 5 === 0) w &= ~(31 << 15);
      if (n % 7 === 0) w &= ~(31 << 20);
      if (n % 11 === 0) w &= ~(31 << 7);
      words.push(w >>> 0);
    }
  }
  // Every CSR address with every CSR funct3 and register/zero operand mix.
  for (let address = 0; address < 0x1000; address++) {
    const f3 = [1, 2, 3, 5, 6, 7][address % 6]!;
    words.push(csr(address, address % 4 === 0 ? 0 : 5, f3, address % 3 === 0 ? 0 : 10));
    words.push(csr(address, 0, 2, 10));
  }
  for (let pred = 0; pred < 16; pred++) for (let succ = 0; succ < 16; succ++) words.push(((pred << 24) | (succ << 20) | 0xf) >>> 0);
  words.push(0x8330000f, 0x0000100f, 0x00000073, 0x00100073, 0x10200073, 0x30200073, 0x10500073, 0x7b200073, 0x00200073);
  for (const f3 of [0, 1, 4, 5, 6, 7]) for (const [rs1, rs2] of [[0, 0], [0, 10], [10, 0], [10, 11]] as const) words.push(b(-64, rs2, rs1, f3));
  for (const rd of [0, 1, 10]) for (const rs1 of [0, 1, 10]) for (const imm of [0, 8, -8]) words.push(i(imm, rs1, 0, rd, 0x67));
  for (const rd of [0, 10]) for (const rs1 of [0, 10]) for (const imm of [0, 1, -1, 255, 5]) for (const f3 of [0, 2, 3, 4, 6, 7]) words.push(i(imm, rs1, f3, rd, 0x13));
  for (const f3 of [0, 2, 3]) for (const [rs1, rs2] of [[0, 0], [0, 11], [11, 0]] as const) words.push(r(0, rs2, rs1, f3, a0, 0x33), r(0x20, rs2, rs1, f3, a0, 0x33));
  return words;
}

// CSR families objdump names that trapvisor prints as hex: H, V, Zkr, Smstateen, AIA, Sscofpmf.
const UNNAMED_CSR_FAMILIES = /^(h[a-z]+\d*h?|vs[a-z]+h?|vstart|vxsat|vxrm|vcsr|vl|vtype|vlenb|seed|[mshv]?stateen\dh?|[mvs]?iselect|[mvs]?ireg|[mvs]?topei|[mvs]?topi|m?vienh?|mviph?|[mvs]?ieh|[mvs]?iph|midelegh|scountovf)$/;

/** Rewrites one objdump 2.40 line into trapvisor's format, per the differences listed in disasm.ts. */
function normalizeObjdump(mnemonic: string, operands: string, encoding: number): string {
  operands = operands.replace(/\s*#.*$/, "").trim();
  if (mnemonic === ".4byte" || mnemonic === ".2byte") return ".word 0x" + encoding.toString(16).padStart(8, "0");
  const args = operands === "" ? [] : operands.split(",");
  if ((encoding & 0x707f) !== 0x73 && (encoding & 0x7f) === 0x73) {
    const address = encoding >>> 20;
    const unnamed = csrName(address).startsWith("0x");
    for (let n = 0; n < args.length; n++) if (unnamed && UNNAMED_CSR_FAMILIES.test(args[n]!)) args[n] = csrName(address);
  }
  const last = args[args.length - 1] ?? "";
  const isNumber = /^-?(0x)?[0-9a-f]+$/.test(last) && !/^[a-z]/.test(last);
  if (/^(j|jal|b[a-z]+)$/.test(mnemonic) && args.length > 0) {
    args[args.length - 1] = "0x" + last.replace(/\s*<.*>$/, "");
  } else if (/^(add|and|or|xor)$/.test(mnemonic) && isNumber) {
    mnemonic += "i";
  } else if (/^(sll|srl|sra)$/.test(mnemonic) && isNumber) {
    if (Number(last) >= 32) return ".word 0x" + encoding.toString(16).padStart(8, "0");
    mnemonic += "i";
  } else if (/^csr(rw|rs|rc|w|s|c)$/.test(mnemonic) && isNumber) {
    mnemonic += "i";
  } else if (mnemonic === "fence") {
    for (let n = 0; n < args.length; n++) if (args[n] === "unknown") args[n] = "0";
  }
  return args.length > 0 ? `${mnemonic} ${args.join(",")}` : mnemonic;
}

describe.skipIf(!hasToolchain)("disassemble: matches riscv64-unknown-elf-objdump -d", () => {
  it("agrees line by line on every RV32I/Zicsr/Zifencei form", () => {
    const words = corpus();
    const dir = mkdtempSync(join(tmpdir(), "trapvisor-disasm-"));
    try {
      const source = join(dir, "all.s");
      const object = join(dir, "all.o");
      writeFileSync(source, ".text\n" + words.map((w) => `  .insn 0x${w.toString(16)}\n`).join(""));
      const assembled = spawnSync(AS, ["-march=rv32i_zicsr_zifencei", "-mabi=ilp32", "-o", object, source], { encoding: "utf8" });
      expect(assembled.stderr).toBe("");
      const dumped = spawnSync(OBJDUMP, ["-d", object], { encoding: "utf8", maxBuffer: 64 << 20 });
      expect(dumped.status).toBe(0);
      const lines = dumped.stdout.split("\n").filter((line) => /^\s+[0-9a-f]+:\t/.test(line));
      expect(lines.length).toBe(words.length);
      const mismatches: string[] = [];
      for (const line of lines) {
        const [addressField, encodingField, mnemonic = "", operands = ""] = line.split("\t");
        const pc = parseInt(addressField!, 16);
        const encoding = parseInt(encodingField!.trim(), 16);
        const expected = normalizeObjdump(mnemonic.trim(), operands, encoding);
        const actual = disassemble(encoding, pc);
        if (actual !== expected) mismatches.push(`${encoding.toString(16).padStart(8, "0")}: objdump "${expected}" trapvisor "${actual}"`);
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
