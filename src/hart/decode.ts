// Pre-decoded instructions for the interpreter: each instruction is decoded once into an operation
// number, its register fields and its immediate, and kept per RAM page until a store changes its
// bytes (self-modifying code), misa.C changes what the bytes mean, or the hart resets. The
// interpreter then dispatches on a dense operation number instead of re-decoding opcode, funct3
// and funct7 (and expanding RVC) at every execution.
import { PageFlag, type Ram } from "../bus/ram.js";
import { rvcAt } from "../isa/rvc.js";

/**
 * Operations (0: slot not decoded yet). A const enum: the interpreter's `case Op.X` labels must be
 * literals for V8 to build a jump table (a property load per case label made it a linear search).
 */
export const enum Op {
  NONE = 0, ILLEGAL = 1, LUI = 2, AUIPC = 3, JAL = 4, JALR = 5,
  BEQ = 6, BNE = 7, BLT = 8, BGE = 9, BLTU = 10, BGEU = 11,
  LB = 12, LH = 13, LW = 14, LBU = 15, LHU = 16, SB = 17, SH = 18, SW = 19,
  ADDI = 20, SLTI = 21, SLTIU = 22, XORI = 23, ORI = 24, ANDI = 25, SLLI = 26, SRLI = 27, SRAI = 28,
  ADD = 29, SUB = 30, SLL = 31, SLT = 32, SLTU = 33, XOR = 34, SRL = 35, SRA = 36, OR = 37, AND = 38,
  MUL = 39, MULH = 40, MULHSU = 41, MULHU = 42, DIV = 43, DIVU = 44, REM = 45, REMU = 46,
  FENCE = 47, FENCE_I = 48, SYSTEM = 49, AMO = 50,
  /** (Never stored.) A 32-bit instruction whose second half lies on the next page. */
  STRADDLE = 51,
}

/**
 * meta word: op in bits 6:0, bit 7 set for a 16-bit (RVC) instruction, rd in 13:8 (X0_SINK for x0),
 * rs1 in 20:16, rs2 in 28:24.
 */
export const META_RVC = 0x80;
/** The register index writes to x0 decode to: a 33rd slot of the interpreter's register array. */
export const X0_SINK = 32;

const LOADS = [Op.LB, Op.LH, Op.LW, Op.ILLEGAL, Op.LBU, Op.LHU, Op.ILLEGAL, Op.ILLEGAL];
const BRANCHES = [Op.BEQ, Op.BNE, Op.ILLEGAL, Op.ILLEGAL, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU];
const OP_IMM = [Op.ADDI, Op.SLLI, Op.SLTI, Op.SLTIU, Op.XORI, Op.SRLI, Op.ORI, Op.ANDI];
const OP_REG = [Op.ADD, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.OR, Op.AND];
const OP_MUL = [Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU];

/** The immediate `decode` computed (a field, not an allocation). */
export let decodedImm = 0;

/**
 * Decode a 32-bit instruction (`raw`: the bits fetched, kept as tval for an illegal one) into a meta
 * word, with the immediate in `decodedImm`: I/S/B/J/U immediates sign-extended, shift amounts in rs2,
 * the whole instruction for SYSTEM and AMO (their executors decode the rest).
 */
export function decode(insn: number, raw: number, m: boolean, a: boolean): number {
  const rd = (insn >>> 7) & 31, rs1 = (insn >>> 15) & 31, rs2 = (insn >>> 20) & 31;
  const f3 = (insn >>> 12) & 7;
  const f7 = insn >>> 25;
  let op: number = Op.ILLEGAL;
  let imm = 0;
  switch (insn & 0x7f) {
    case 0x37: op = Op.LUI; imm = insn & 0xfffff000; break;
    case 0x17: op = Op.AUIPC; imm = insn & 0xfffff000; break;
    case 0x6f:
      op = Op.JAL;
      imm = ((insn >> 11) & ~0xfffff) | (insn & 0xff000) | ((insn >>> 9) & 0x800) | ((insn >>> 20) & 0x7fe);
      break;
    case 0x67: if (f3 === 0) { op = Op.JALR; imm = insn >> 20; } break;
    case 0x63:
      op = BRANCHES[f3]!;
      imm = ((insn >> 19) & ~0xfff) | ((insn << 4) & 0x800) | ((insn >>> 20) & 0x7e0) | ((insn >>> 7) & 0x1e);
      break;
    case 0x03: op = LOADS[f3]!; imm = insn >> 20; break;
    case 0x23:
      if (f3 <= 2) { op = Op.SB + f3; imm = ((insn >> 20) & ~0x1f) | ((insn >>> 7) & 0x1f); }
      break;
    case 0x13:
      op = OP_IMM[f3]!;
      imm = insn >> 20;
      if (f3 === 1 && f7 !== 0) op = Op.ILLEGAL;
      else if (f3 === 5) op = f7 === 0 ? Op.SRLI : f7 === 0x20 ? Op.SRAI : Op.ILLEGAL;
      break;
    case 0x33:
      if (f7 === 0) op = OP_REG[f3]!;
      else if (f7 === 1 && m) op = OP_MUL[f3]!;
      else if (f7 === 0x20 && f3 === 0) op = Op.SUB;
      else if (f7 === 0x20 && f3 === 5) op = Op.SRA;
      break;
    case 0x0f: if (f3 <= 1) op = f3 === 0 ? Op.FENCE : Op.FENCE_I; break;
    case 0x73: op = Op.SYSTEM; imm = insn; break;
    case 0x2f: if (a) { op = Op.AMO; imm = insn; } break;
    default: break;
  }
  if (op === Op.ILLEGAL) imm = raw;
  decodedImm = imm;
  return op | ((rd === 0 ? X0_SINK : rd) << 8) | (rs1 << 16) | (rs2 << 24);
}

/**
 * The decoded pages: 2048 slots of [meta, imm] per 4 KiB page (one per halfword). A page that gets
 * a slot is flagged PageFlag.Code, so every store to it reaches `written`.
 */
export class DecodeCache {
  private readonly pages: (Int32Array | undefined)[];

  constructor(private readonly ram: Ram, private readonly pageFlagged: (page: number) => void) {
    this.pages = new Array<Int32Array | undefined>(ram.size >>> 12).fill(undefined);
  }

  /** The slots of RAM page `page` (created on first use). */
  page(page: number): Int32Array {
    let p = this.pages[page];
    if (p === undefined) {
      p = this.pages[page] = new Int32Array(4096);
      if (!(this.ram.pageFlags[page]! & PageFlag.Code)) {
        this.ram.pageFlags[page]! |= PageFlag.Code;
        this.pageFlagged(page);
      }
    }
    return p;
  }

  /**
   * Decode the instruction at RAM offset `off` (virtual pc `pc` for nothing but alignment) into slot
   * pair `s` of `p`; returns the meta word. A 32-bit instruction that would straddle the page gives
   * STRADDLE and is not kept (its second half may map elsewhere, and may change independently).
   */
  fill(p: Int32Array, s: number, off: number, c: boolean, m: boolean, a: boolean): number {
    const ram = this.ram;
    const lo = ram.u16[off >>> 1]!;
    let meta: number;
    if (c && (lo & 3) !== 3) {
      const insn = rvcAt(lo);
      meta = (insn === 0 ? Op.ILLEGAL : decode(insn, lo, m, a)) | META_RVC;
      if (insn === 0) decodedImm = lo;
    } else if ((off & 0xfff) === 0xffe) {
      return Op.STRADDLE; // not kept: the caller fetches it through translation each time
    } else {
      const insn = lo | (ram.u16[(off >>> 1) + 1]! << 16);
      meta = decode(insn, insn, m, a);
    }
    p[s] = meta;
    p[s + 1] = decodedImm;
    return meta;
  }

  /** RAM bytes [off, off + width) change: forget every slot whose instruction may cover them. */
  written(off: number, width: number): void {
    for (let o = off - 2; o < off + width; o += 2) {
      if (o < 0) continue;
      const p = this.pages[o >>> 12];
      if (p !== undefined) p[((o & 0xfff) >>> 1) << 1] = 0;
    }
  }

  /** Forget everything (reset, or misa.C changed what the bytes mean). */
  flush(): void {
    for (let i = 0; i < this.pages.length; i++) {
      if (this.pages[i] !== undefined) this.pages[i]!.fill(0);
    }
  }
}
