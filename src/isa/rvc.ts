// RV32C expansion (unprivileged spec, chapter "C" Extension for Compressed Instructions, v2.0):
// every 16-bit instruction maps to one 32-bit RV32I instruction that the hart executes at the same
// pc (so branch and jump offsets are re-encoded unchanged; the hart links and advances by 2).
//
// Reserved and custom code points, and the F/D loads and stores (this hart has no F/D), give 0.
// HINTs expand to their natural 32-bit form, which writes x0 or rewrites a register with itself:
//   C.NOP imm!=0 -> addi x0,x0,imm    C.ADDI rd,0 -> addi rd,rd,0    C.LI x0,imm -> addi x0,x0,imm
//   C.LUI x0,imm -> lui x0,imm        C.MV x0,rs2 -> add x0,x0,rs2   C.ADD x0,rs2 -> add x0,x0,rs2
//   C.SLLI x0,shamt -> slli x0,x0,shamt; C.SLLI/C.SRLI/C.SRAI with shamt=0 (the RV128 "64" forms)
//   -> slli/srli/srai rd,rd,0. C.ADD x0,x2..x5 (C.NTL.*) is thereby the 32-bit NTL.* HINT.

const enum Op32 {
  LOAD = 0x03,
  OP_IMM = 0x13,
  STORE = 0x23,
  OP = 0x33,
  LUI = 0x37,
  BRANCH = 0x63,
  JALR = 0x67,
  JAL = 0x6f,
}

const SP = 2;
const EBREAK = 0x00100073;

// 32-bit encoders (unprivileged spec 2.3, "Immediate Encoding Variants"). Results are int32.
const encI = (imm: number, rs1: number, f3: number, rd: number, opcode: number): number =>
  (imm << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | opcode;
const encR = (f7: number, rs2: number, rs1: number, f3: number, rd: number): number =>
  (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | Op32.OP;
const encS = (imm: number, rs2: number, rs1: number, f3: number): number =>
  ((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 0x1f) << 7) | Op32.STORE;
const encB = (imm: number, rs2: number, rs1: number, f3: number): number =>
  (((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) |
  (((imm >> 1) & 0xf) << 8) | (((imm >> 11) & 1) << 7) | Op32.BRANCH;
const encJ = (imm: number, rd: number): number =>
  (((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3ff) << 21) | (((imm >> 11) & 1) << 20) |
  (((imm >> 12) & 0xff) << 12) | (rd << 7) | Op32.JAL;

// Compressed fields: a 5-bit register at [11:7] or [6:2]; a primed register x8+[9:7] or x8+[4:2].
const rdFull = (h: number): number => (h >>> 7) & 31;
const rs2Full = (h: number): number => (h >>> 2) & 31;
const rdPrimeHigh = (h: number): number => 8 + ((h >>> 7) & 7);
const rdPrimeLow = (h: number): number => 8 + ((h >>> 2) & 7);
const bit = (h: number, n: number): number => (h >>> n) & 1;

/** CI-format 6-bit immediate imm[5]=h[12], imm[4:0]=h[6:2], sign-extended. */
const immCI = (h: number): number => (((h << 19) >> 26) & ~0x1f) | ((h >>> 2) & 0x1f);
/** C.ADDI4SPN nzuimm[5:4|9:6|2|3] from h[12:5]. */
const uimmAddi4spn = (h: number): number =>
  (((h >>> 11) & 3) << 4) | (((h >>> 7) & 0xf) << 6) | (bit(h, 6) << 2) | (bit(h, 5) << 3);
/** C.LW/C.SW uimm[5:3] = h[12:10], uimm[2] = h[6], uimm[6] = h[5]. */
const uimmLwSw = (h: number): number => (((h >>> 10) & 7) << 3) | (bit(h, 6) << 2) | (bit(h, 5) << 6);
/** C.J/C.JAL offset[11|4|9:8|10|6|7|3:1|5] from h[12:2], sign-extended. */
const immCJ = (h: number): number =>
  (((h << 19) >> 31) << 11) | (bit(h, 11) << 4) | (((h >>> 9) & 3) << 8) | (bit(h, 8) << 10) |
  (bit(h, 7) << 6) | (bit(h, 6) << 7) | (((h >>> 3) & 7) << 1) | (bit(h, 2) << 5);
/** C.BEQZ/C.BNEZ offset[8|4:3] from h[12:10], offset[7:6|2:1|5] from h[6:2], sign-extended. */
const immCB = (h: number): number =>
  (((h << 19) >> 31) << 8) | (((h >>> 10) & 3) << 3) | (((h >>> 5) & 3) << 6) | (((h >>> 3) & 3) << 1) |
  (bit(h, 2) << 5);
/** C.ADDI16SP nzimm[9] = h[12], nzimm[4|6|8:7|5] = h[6:2], sign-extended. */
const immAddi16sp = (h: number): number =>
  (((h << 19) >> 31) << 9) | (bit(h, 6) << 4) | (bit(h, 5) << 6) | (((h >>> 3) & 3) << 7) | (bit(h, 2) << 5);
/** C.LWSP uimm[5] = h[12], uimm[4:2] = h[6:4], uimm[7:6] = h[3:2]. */
const uimmLwsp = (h: number): number => (bit(h, 12) << 5) | (((h >>> 4) & 7) << 2) | (((h >>> 2) & 3) << 6);
/** C.SWSP uimm[5:2] = h[12:9], uimm[7:6] = h[8:7]. */
const uimmSwsp = (h: number): number => (((h >>> 9) & 0xf) << 2) | (((h >>> 7) & 3) << 6);

/**
 * Expand a 16-bit RV32C instruction (low two bits != 0b11) into the equivalent 32-bit RV32
 * instruction, as an int32 (the sign of a fetch from an Int32Array); 0 when the encoding is
 * reserved, custom, RV64/RV128-only or F/D on RV32 (the all-zero halfword included). HINTs expand to
 * a 32-bit instruction with no architectural effect (see the table at the top of this file).
 */
export function expandCompressed(half: number): number {
  const h = half & 0xffff;
  // Quadrant (h[1:0]) in bits 1:0, funct3 (h[15:13]) in bits 4:2.
  switch (((h >>> 11) & 0x1c) | (h & 3)) {
    // Quadrant 0.
    case 0x00: { // C.ADDI4SPN; nzuimm = 0 is reserved (and covers the all-zero illegal halfword)
      const uimm = uimmAddi4spn(h);
      return uimm === 0 ? 0 : encI(uimm, SP, 0, rdPrimeLow(h), Op32.OP_IMM);
    }
    case 0x08: // C.LW
      return encI(uimmLwSw(h), rdPrimeHigh(h), 2, rdPrimeLow(h), Op32.LOAD);
    case 0x18: // C.SW
      return encS(uimmLwSw(h), rdPrimeLow(h), rdPrimeHigh(h), 2);
    // 0x04 C.FLD, 0x0c C.FLW, 0x10 reserved, 0x14 C.FSD, 0x1c C.FSW: no F/D here.

    // Quadrant 1.
    case 0x01: // C.ADDI, C.NOP (rd = 0), and their HINTs: addi rd, rd, imm
      return encI(immCI(h), rdFull(h), 0, rdFull(h), Op32.OP_IMM);
    case 0x05: // C.JAL (RV32 only): jal x1, offset
      return encJ(immCJ(h), 1);
    case 0x09: // C.LI: addi rd, x0, imm (rd = 0 is a HINT)
      return encI(immCI(h), 0, 0, rdFull(h), Op32.OP_IMM);
    case 0x0d: { // C.ADDI16SP (rd = 2) or C.LUI; a zero immediate is reserved for both
      const rd = rdFull(h);
      if (rd === SP) {
        const imm = immAddi16sp(h);
        return imm === 0 ? 0 : encI(imm, SP, 0, SP, Op32.OP_IMM);
      }
      const imm = immCI(h);
      return imm === 0 ? 0 : (imm << 12) | (rd << 7) | Op32.LUI;
    }
    case 0x11:
      return expandMiscAlu(h);
    case 0x15: // C.J: jal x0, offset
      return encJ(immCJ(h), 0);
    case 0x19: // C.BEQZ: beq rs1', x0, offset
      return encB(immCB(h), 0, rdPrimeHigh(h), 0);
    case 0x1d: // C.BNEZ: bne rs1', x0, offset
      return encB(immCB(h), 0, rdPrimeHigh(h), 1);

    // Quadrant 2.
    case 0x02: { // C.SLLI: shamt[5] = 1 is custom on RV32; rd = 0 or shamt = 0 are HINTs
      if (bit(h, 12) !== 0) return 0;
      const rd = rdFull(h);
      return encI(rs2Full(h), rd, 1, rd, Op32.OP_IMM);
    }
    case 0x0a: { // C.LWSP: lw rd, uimm(x2); rd = 0 is reserved
      const rd = rdFull(h);
      return rd === 0 ? 0 : encI(uimmLwsp(h), SP, 2, rd, Op32.LOAD);
    }
    case 0x12:
      return expandJrMvAdd(h);
    case 0x1a: // C.SWSP: sw rs2, uimm(x2)
      return encS(uimmSwsp(h), rs2Full(h), SP, 2);
    // 0x06 C.FLDSP, 0x0e C.FLWSP, 0x16 C.FSDSP, 0x1e C.FSWSP: no F/D here.
    default:
      return 0;
  }
}

/** Quadrant 1, funct3 100: C.SRLI, C.SRAI, C.ANDI, C.SUB, C.XOR, C.OR, C.AND. */
function expandMiscAlu(h: number): number {
  const rd = rdPrimeHigh(h);
  switch ((h >>> 10) & 3) {
    case 0: // C.SRLI: shamt[5] = 1 is custom on RV32; shamt = 0 is a HINT
      return bit(h, 12) !== 0 ? 0 : encI(rs2Full(h), rd, 5, rd, Op32.OP_IMM);
    case 1: // C.SRAI
      return bit(h, 12) !== 0 ? 0 : encI(0x400 | rs2Full(h), rd, 5, rd, Op32.OP_IMM);
    case 2: // C.ANDI
      return encI(immCI(h), rd, 7, rd, Op32.OP_IMM);
    default: {
      if (bit(h, 12) !== 0) return 0; // C.SUBW, C.ADDW (RV64/128) and two reserved code points
      const rs2 = rdPrimeLow(h);
      switch ((h >>> 5) & 3) {
        case 0: return encR(0x20, rs2, rd, 0, rd); // C.SUB
        case 1: return encR(0, rs2, rd, 4, rd); // C.XOR
        case 2: return encR(0, rs2, rd, 6, rd); // C.OR
        default: return encR(0, rs2, rd, 7, rd); // C.AND
      }
    }
  }
}

/** Quadrant 2, funct3 100: C.JR, C.MV, C.EBREAK, C.JALR, C.ADD. */
function expandJrMvAdd(h: number): number {
  const rd = rdFull(h);
  const rs2 = rs2Full(h);
  if (bit(h, 12) === 0) {
    if (rs2 !== 0) return encR(0, rs2, 0, 0, rd); // C.MV: add rd, x0, rs2 (rd = 0 is a HINT)
    return rd === 0 ? 0 : encI(0, rd, 0, 0, Op32.JALR); // C.JR: jalr x0, 0(rs1); rs1 = 0 is reserved
  }
  if (rs2 !== 0) return encR(0, rs2, rd, 0, rd); // C.ADD: add rd, rd, rs2 (rd = 0 is a HINT)
  return rd === 0 ? EBREAK : encI(0, rd, 0, 1, Op32.JALR); // C.EBREAK, or C.JALR: jalr x1, 0(rs1)
}

/** EXPANDED_RVC's mark for an encoding not expanded yet (no expansion is 1: they end in 0b11, or are 0). */
export const RVC_UNKNOWN = 1;

/**
 * 16-bit encodings expanded on first use (256 KiB): the hart's fetch indexes this instead of decoding
 * each compressed instruction again; 0 = illegal, like expandCompressed, RVC_UNKNOWN = ask `rvcAt`.
 * (Filling all 65536 entries up front cost ~10 ms of every start-up.)
 */
export const EXPANDED_RVC: Int32Array = new Int32Array(65536).fill(RVC_UNKNOWN);

/** The expansion of 16-bit `h`, memoized in EXPANDED_RVC. */
export function rvcAt(h: number): number {
  let v = EXPANDED_RVC[h]!;
  if (v === RVC_UNKNOWN) v = EXPANDED_RVC[h] = (h & 3) === 3 ? 0 : expandCompressed(h);
  return v;
}
