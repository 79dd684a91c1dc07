import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandCompressed } from "./rvc.js";

const AS = "riscv64-unknown-elf-as";
const OBJDUMP = "riscv64-unknown-elf-objdump";
const OBJCOPY = "riscv64-unknown-elf-objcopy";
const hasToolchain = [AS, OBJDUMP, OBJCOPY].every((tool) => spawnSync(tool, ["--version"]).status === 0);

// Tiny 32-bit encoders so expectations read like assembly.
const r = (f7: number, rs2: number, rs1: number, f3: number, rd: number): number =>
  ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | 0x33) >>> 0;
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
const addi = (rd: number, rs1: number, imm: number): number => i(imm, rs1, 0, rd, 0x13);
const lw = (rd: number, imm: number, rs1: number): number => i(imm, rs1, 2, rd, 0x03);
const sw = (rs2: number, imm: number, rs1: number): number => s(imm, rs2, rs1, 2);
const lui = (rd: number, imm20: number): number => ((imm20 << 12) | (rd << 7) | 0x37) >>> 0;
const jalr = (rd: number, imm: number, rs1: number): number => i(imm, rs1, 0, rd, 0x67);
const shift = (f3: number, f7: number, rd: number, rs1: number, shamt: number): number => i((f7 << 5) | shamt, rs1, f3, rd, 0x13);

const [zero, ra, sp, t0, s0, s1, a0, a1, a2, a3, a4, a5, s11, t3, t6] = [0, 1, 2, 5, 8, 9, 10, 11, 12, 13, 14, 15, 27, 28, 31];

const expand = (half: number): number => expandCompressed(half) >>> 0;

describe("expandCompressed: one expectation per RV32C instruction", () => {
  // Halfwords from `riscv64-unknown-elf-as -march=rv32ic`; offsets are relative to the same pc.
  const cases: Array<[number, number, string]> = [
    [0x0048, addi(a0, sp, 4), "c.addi4spn a0,sp,4"],
    [0x1fe4, addi(s1, sp, 1020), "c.addi4spn s1,sp,1020"],
    [0x5cfc, lw(a5, 124, s1), "c.lw a5,124(s1)"],
    [0x4100, lw(s0, 0, a0), "c.lw s0,0(a0)"],
    [0xc3ac, sw(a1, 64, a5), "c.sw a1,64(a5)"],
    [0x0001, addi(zero, zero, 0), "c.nop"],
    [0x1501, addi(a0, a0, -32), "c.addi a0,-32"],
    [0x0ffd, addi(t6, t6, 31), "c.addi t6,31"],
    [0x2ffd, j(2046, ra), "c.jal .+2046"],
    [0x3001, j(-2048, ra), "c.jal .-2048"],
    [0x557d, addi(a0, zero, -1), "c.li a0,-1"],
    [0x4dfd, addi(s11, zero, 31), "c.li s11,31"],
    [0x7101, addi(sp, sp, -512), "c.addi16sp sp,-512"],
    [0x617d, addi(sp, sp, 496), "c.addi16sp sp,496"],
    [0x7501, lui(a0, 0xfffe0), "c.lui a0,0xfffe0"],
    [0x6285, lui(t0, 1), "c.lui t0,0x1"],
    [0x647d, lui(s0, 0x1f), "c.lui s0,0x1f"],
    [0x817d, shift(5, 0x00, a0, a0, 31), "c.srli a0,0x1f"],
    [0x8485, shift(5, 0x20, s1, s1, 1), "c.srai s1,0x1"],
    [0x9bfd, i(-1, a5, 7, a5, 0x13), "c.andi a5,-1"],
    [0x8c1d, r(0x20, a5, s0, 0, s0), "c.sub s0,a5"],
    [0x8d2d, r(0, a1, a0, 4, a0), "c.xor a0,a1"],
    [0x8e55, r(0, a3, a2, 6, a2), "c.or a2,a3"],
    [0x8f65, r(0, s1, a4, 7, a4), "c.and a4,s1"],
    [0xbffd, j(-2, zero), "c.j .-2"],
    [0xd101, b(-256, zero, a0, 0), "c.beqz a0,.-256"],
    [0xeffd, b(254, zero, a5, 1), "c.bnez a5,.+254"],
    [0x0e06, shift(1, 0, t3, t3, 1), "c.slli t3,0x1"],
    [0x00fe, shift(1, 0, ra, ra, 31), "c.slli ra,0x1f"],
    [0x50fe, lw(ra, 252, sp), "c.lwsp ra,252(sp)"],
    [0x4502, lw(a0, 0, sp), "c.lwsp a0,0(sp)"],
    [0x8082, jalr(zero, 0, ra), "c.jr ra"],
    [0x8502, jalr(zero, 0, a0), "c.jr a0"],
    [0x857e, r(0, t6, zero, 0, a0), "c.mv a0,t6 (add a0,zero,t6, as the spec expands it)"],
    [0x9002, 0x00100073, "c.ebreak"],
    [0x9282, jalr(ra, 0, t0), "c.jalr t0"],
    [0x912a, r(0, a0, sp, 0, sp), "c.add sp,a0"],
    [0xdf86, sw(ra, 252, sp), "c.swsp ra,252(sp)"],
    [0xc26e, sw(s11, 4, sp), "c.swsp s11,4(sp)"],
  ];
  const named = cases.map(([half, insn, text]) => ({ hex: half.toString(16).padStart(4, "0"), half, insn, text }));
  it.each(named)("$hex $text", ({ half, insn }) => {
    expect(expand(half).toString(16)).toBe(insn.toString(16));
  });

  it("returns int32 words (the sign of an Int32Array fetch) and ignores bits above 15", () => {
    expect(expandCompressed(0x7101)).toBe(addi(sp, sp, -512) | 0);
    expect(expandCompressed(0x7101)).toBeLessThan(0);
    expect(expandCompressed(0xabcd_4501)).toBe(expandCompressed(0x4501));
  });
});

describe("expandCompressed: reserved, custom and F/D encodings are illegal (0)", () => {
  const cases: Array<[number, string]> = [
    [0x0000, "all-zero halfword (defined illegal)"],
    [0x0008, "c.addi4spn a0,sp,0: nzuimm = 0 reserved"],
    [0x0010, "c.addi4spn a2,sp,0: nzuimm = 0 reserved"],
    [0x2000, "c.fld"],
    [0x6000, "c.flw"],
    [0x8000, "quadrant 0 funct3 100 reserved"],
    [0x9ffc, "quadrant 0 funct3 100 reserved, all operand bits set"],
    [0xa000, "c.fsd"],
    [0xe000, "c.fsw"],
    [0x6101, "c.addi16sp sp,0: nzimm = 0 reserved"],
    [0x6001, "c.lui zero,0: imm = 0 reserved"],
    [0x6501, "c.lui a0,0: imm = 0 reserved"],
    [0x9c01, "c.subw (RV64)"],
    [0x9c21, "c.addw (RV64)"],
    [0x9c41, "reserved (100 1 11 .. 10)"],
    [0x9c61, "reserved (100 1 11 .. 11)"],
    [0x1002, "c.slli zero,32: shamt[5] = 1 is custom on RV32"],
    [0x1502, "c.slli a0,32: shamt[5] = 1 is custom on RV32"],
    [0x107e, "c.slli zero,63"],
    [0x9001, "c.srli s0,32: shamt[5] = 1 is custom on RV32"],
    [0x9401, "c.srai s0,32: shamt[5] = 1 is custom on RV32"],
    [0x2002, "c.fldsp"],
    [0x4002, "c.lwsp zero,0(sp): rd = 0 reserved"],
    [0x50fe - 0x80, "c.lwsp zero,252(sp): rd = 0 reserved"],
    [0x6002, "c.flwsp"],
    [0x8002, "c.jr zero: rs1 = 0 reserved"],
    [0xa002, "c.fsdsp"],
    [0xe002, "c.fswsp"],
    [0x4503, "low bits 11: not a compressed instruction"],
  ];
  const named = cases.map(([half, text]) => ({ hex: half.toString(16).padStart(4, "0"), half, text }));
  it.each(named)("$hex $text", ({ half }) => {
    expect(expandCompressed(half)).toBe(0);
  });
});

describe("expandCompressed: HINTs expand to 32-bit instructions without architectural effect", () => {
  const cases: Array<[number, number, string]> = [
    [0x0005, addi(zero, zero, 1), "c.nop 1"],
    [0x107d, addi(zero, zero, -1), "c.nop -1"],
    [0x0501, addi(a0, a0, 0), "c.addi a0,0"],
    [0x0101, addi(sp, sp, 0), "c.addi sp,0 (not c.addi16sp: funct3 000)"],
    [0x4001, addi(zero, zero, 0), "c.li zero,0"],
    [0x507d, addi(zero, zero, -1), "c.li zero,-1"],
    [0x6005, lui(zero, 1), "c.lui zero,0x1"],
    [0x707d, lui(zero, 0xfffff), "c.lui zero,0xfffff"],
    [0x8006, r(0, ra, zero, 0, zero), "c.mv zero,ra"],
    [0x9006, r(0, ra, zero, 0, zero), "c.add zero,ra"],
    [0x900a, r(0, sp, zero, 0, zero), "c.add zero,sp = c.ntl.p1 (add x0,x0,x2 = ntl.p1)"],
    [0x9016, r(0, t0, zero, 0, zero), "c.add zero,t0 = c.ntl.all (add x0,x0,x5 = ntl.all)"],
    [0x0006, shift(1, 0, zero, zero, 1), "c.slli zero,0x1"],
    [0x0002, shift(1, 0, zero, zero, 0), "c.slli64 zero"],
    [0x0502, shift(1, 0, a0, a0, 0), "c.slli64 a0"],
    [0x8001, shift(5, 0, s0, s0, 0), "c.srli64 s0"],
    [0x8781, shift(5, 0x20, a5, a5, 0), "c.srai64 a5"],
  ];
  const named = cases.map(([half, insn, text]) => ({ hex: half.toString(16).padStart(4, "0"), half, insn, text }));
  it.each(named)("$hex $text", ({ half, insn }) => {
    expect(expand(half).toString(16)).toBe(insn.toString(16));
  });
});

/**
 * The spec's "expands to" for each objdump -M no-aliases RVC mnemonic, as 32-bit assembly text.
 * Branch and jump targets become `.+offset` so they stay relative to the instruction's own pc.
 */
function expansionText(mnemonic: string, operands: string, pc: number): string {
  const args = operands === "" ? [] : operands.split(",");
  const [x = "", y = ""] = args;
  const rel = (target: string): string => {
    const offset = parseInt(target, 16) - pc;
    const wrapped = ((offset + 0x8000_0000) % 0x1_0000_0000 + 0x1_0000_0000) % 0x1_0000_0000 - 0x8000_0000;
    return wrapped >= 0 ? `.+${wrapped}` : `.${wrapped}`;
  };
  switch (mnemonic) {
    case "c.addi4spn": return `addi ${x},${y},${args[2]}`;
    case "c.lw": case "c.lwsp": return `lw ${x},${y}`;
    case "c.sw": case "c.swsp": return `sw ${x},${y}`;
    case "c.nop": return `addi zero,zero,${x || 0}`;
    case "c.addi": case "c.addi16sp": return `addi ${x},${x},${y}`;
    case "c.jal": return `jal ra,${rel(x)}`;
    case "c.j": return `jal zero,${rel(x)}`;
    case "c.li": return `addi ${x},zero,${y}`;
    case "c.lui": return `lui ${x},${y}`;
    case "c.slli": case "c.srli": case "c.srai": case "c.andi":
    case "c.sub": case "c.xor": case "c.or": case "c.and": case "c.add":
      return `${mnemonic.slice(2)} ${x},${x},${y}`;
    case "c.slli64": case "c.srli64": case "c.srai64": return `${mnemonic.slice(2, 6)} ${x},${x},0`;
    case "c.beqz": return `beq ${x},zero,${rel(y)}`;
    case "c.bnez": return `bne ${x},zero,${rel(y)}`;
    case "c.jr": return `jalr zero,0(${x})`;
    case "c.jalr": return `jalr ra,0(${x})`;
    case "c.mv": return `add ${x},zero,${y}`;
    case "c.ebreak": return "ebreak";
    default: throw new Error(`no expansion rule for "${mnemonic} ${operands}"`);
  }
}

/** Code points objdump 2.40 decodes but the RV32C spec reserves or leaves to custom extensions. */
function reservedOnRv32(mnemonic: string, operands: string): boolean {
  if (/^c\.(slli|srli|srai)$/.test(mnemonic)) return parseInt(operands.split(",")[1]!, 16) >= 32;
  return mnemonic === "c.addi16sp" && operands === "sp,0";
}

describe.skipIf(!hasToolchain)("expandCompressed: matches the GNU toolchain on all 49152 halfwords", () => {
  it("expands like objdump decodes and as assembles (.option norvc)", () => {
    const halves: number[] = [];
    for (let h = 0; h < 0x10000; h++) if ((h & 3) !== 3) halves.push(h);
    const dir = mkdtempSync(join(tmpdir(), "trapvisor-rvc-"));
    try {
      // 1. objdump names every halfword.
      const compressedSource = join(dir, "c.s");
      const compressedObject = join(dir, "c.o");
      writeFileSync(compressedSource, ".text\n" + halves.map((h) => `  .insn 0x${h.toString(16)}\n`).join(""));
      const assembled = spawnSync(AS, ["-march=rv32ic", "-mabi=ilp32", "-o", compressedObject, compressedSource], { encoding: "utf8" });
      expect(assembled.stderr).toBe("");
      const dumped = spawnSync(OBJDUMP, ["-d", "-M", "no-aliases", compressedObject], { encoding: "utf8", maxBuffer: 64 << 20 });
      expect(dumped.status).toBe(0);
      const lines = dumped.stdout.split("\n").filter((line) => /^\s+[0-9a-f]+:\t/.test(line));
      expect(lines.length).toBe(halves.length);

      // 2. Every decodable one is re-assembled as its 32-bit expansion, in order.
      const decoded: Array<{ half: number; text: string }> = [];
      const illegal: number[] = [];
      const reserved: number[] = [];
      for (const line of lines) {
        const [addressField, encodingField, mnemonicField = "", operandField = ""] = line.split("\t");
        const half = parseInt(encodingField!.trim(), 16);
        const mnemonic = mnemonicField.trim();
        const operands = operandField.replace(/\s*<.*>$/, "").trim();
        if (mnemonic === ".2byte" || mnemonic === ".short" || mnemonic === "c.unimp") illegal.push(half);
        else if (reservedOnRv32(mnemonic, operands)) reserved.push(half);
        else decoded.push({ half, text: expansionText(mnemonic, operands, parseInt(addressField!, 16)) });
      }
      const wideSource = join(dir, "w.s");
      const wideObject = join(dir, "w.o");
      const wideBinary = join(dir, "w.bin");
      writeFileSync(wideSource, ".option norvc\n.text\n" + decoded.map((d) => `  ${d.text}\n`).join(""));
      const wide = spawnSync(AS, ["-march=rv32ic", "-mabi=ilp32", "-mno-relax", "-o", wideObject, wideSource], { encoding: "utf8" });
      expect(wide.stderr).toBe("");
      expect(spawnSync(OBJCOPY, ["-O", "binary", "-j", ".text", wideObject, wideBinary]).status).toBe(0);
      const bytes = readFileSync(wideBinary);
      expect(bytes.length).toBe(4 * decoded.length);

      // 3. Compare.
      const mismatches: string[] = [];
      decoded.forEach(({ half, text }, n) => {
        const expected = bytes.readUInt32LE(4 * n);
        const actual = expandCompressed(half) >>> 0;
        if (actual !== expected) {
          mismatches.push(`${half.toString(16).padStart(4, "0")} (${text}): toolchain ${expected.toString(16).padStart(8, "0")} trapvisor ${actual.toString(16).padStart(8, "0")}`);
        }
      });
      for (const half of [...illegal, ...reserved]) {
        if (expandCompressed(half) !== 0) mismatches.push(`${half.toString(16).padStart(4, "0")}: expected illegal`);
      }
      expect(mismatches.slice(0, 20)).toEqual([]);
      // Shift amounts with shamt[5] = 1 (32 rd for c.slli, 8 rd' each for c.srli/c.srai) and c.addi16sp sp,0.
      expect(reserved.length).toBe(32 * 32 + 2 * 8 * 32 + 1);
      expect(decoded.length + illegal.length + reserved.length).toBe(49152);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
