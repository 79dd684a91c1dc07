// A tiny RV32I + M/A + Zicsr + Zifencei + privileged encoder, so tests, benchmarks and the
// interpreter's warm-up read like assembly (DESIGN.md example 7). Formats follow the unprivileged
// spec 2.2-2.3; every immediate is range-checked.

// Registers: x0..x31 and the ABI names (unprivileged spec, "RISC-V calling convention" table).
export const x0 = 0, x1 = 1, x2 = 2, x3 = 3, x4 = 4, x5 = 5, x6 = 6, x7 = 7;
export const x8 = 8, x9 = 9, x10 = 10, x11 = 11, x12 = 12, x13 = 13, x14 = 14, x15 = 15;
export const x16 = 16, x17 = 17, x18 = 18, x19 = 19, x20 = 20, x21 = 21, x22 = 22, x23 = 23;
export const x24 = 24, x25 = 25, x26 = 26, x27 = 27, x28 = 28, x29 = 29, x30 = 30, x31 = 31;
export const zero = 0, ra = 1, sp = 2, gp = 3, tp = 4, t0 = 5, t1 = 6, t2 = 7, s0 = 8, fp = 8, s1 = 9;
export const a0 = 10, a1 = 11, a2 = 12, a3 = 13, a4 = 14, a5 = 15, a6 = 16, a7 = 17;
export const s2 = 18, s3 = 19, s4 = 20, s5 = 21, s6 = 22, s7 = 23, s8 = 24, s9 = 25, s10 = 26, s11 = 27;
export const t3 = 28, t4 = 29, t5 = 30, t6 = 31;

function reg(r: number): number {
  if (!Number.isInteger(r) || r < 0 || r > 31) throw new RangeError(`bad register ${r}`);
  return r;
}
/** Checks that `v` fits a signed `bits`-bit field and is a multiple of `align`. */
function simm(v: number, bits: number, align = 1): number {
  const lim = 2 ** (bits - 1);
  if (!Number.isInteger(v) || v < -lim || v >= lim || v % align !== 0) {
    throw new RangeError(`immediate ${v} does not fit ${bits} signed bits (align ${align})`);
  }
  return v;
}
function uimm(v: number, bits: number): number {
  if (!Number.isInteger(v) || v < 0 || v >= 2 ** bits) throw new RangeError(`immediate ${v} does not fit ${bits} unsigned bits`);
  return v;
}

// The six base formats. Raw: callers may build reserved encodings with them.
export const rType = (op: number, rd: number, f3: number, rs1: number, rs2: number, f7: number): number =>
  ((uimm(f7, 7) << 25) | (reg(rs2) << 20) | (reg(rs1) << 15) | (uimm(f3, 3) << 12) | (reg(rd) << 7) | op) >>> 0;
export const iType = (op: number, rd: number, f3: number, rs1: number, imm: number): number =>
  (((simm(imm, 12) & 0xfff) << 20) | (reg(rs1) << 15) | (uimm(f3, 3) << 12) | (reg(rd) << 7) | op) >>> 0;
export const sType = (op: number, f3: number, rs1: number, rs2: number, imm: number): number => {
  simm(imm, 12);
  return ((((imm >> 5) & 0x7f) << 25) | (reg(rs2) << 20) | (reg(rs1) << 15) | (uimm(f3, 3) << 12) | ((imm & 0x1f) << 7) | op) >>> 0;
};
export const bType = (f3: number, rs1: number, rs2: number, offset: number): number => {
  simm(offset, 13, 2);
  return ((((offset >> 12) & 1) << 31) | (((offset >> 5) & 0x3f) << 25) | (reg(rs2) << 20) | (reg(rs1) << 15) |
    (f3 << 12) | (((offset >> 1) & 0xf) << 8) | (((offset >> 11) & 1) << 7) | 0x63) >>> 0;
};
export const uType = (op: number, rd: number, imm20: number): number => ((uimm(imm20, 20) << 12) | (reg(rd) << 7) | op) >>> 0;
export const jType = (rd: number, offset: number): number => {
  simm(offset, 21, 2);
  return ((((offset >> 20) & 1) << 31) | (((offset >> 1) & 0x3ff) << 21) | (((offset >> 11) & 1) << 20) |
    (((offset >> 12) & 0xff) << 12) | (reg(rd) << 7) | 0x6f) >>> 0;
};

// U and J
/** `lui rd, imm20` (imm20 is the 20-bit upper immediate, as in assembly). */
export const lui = (rd: number, imm20: number): number => uType(0x37, rd, imm20);
export const auipc = (rd: number, imm20: number): number => uType(0x17, rd, imm20);
export const jal = (rd: number, offset: number): number => jType(rd, offset);
export const jalr = (rd: number, rs1: number, imm = 0): number => iType(0x67, rd, 0, rs1, imm);

// Branches (offset from the branch itself)
export const beq = (rs1: number, rs2: number, off: number): number => bType(0, rs1, rs2, off);
export const bne = (rs1: number, rs2: number, off: number): number => bType(1, rs1, rs2, off);
export const blt = (rs1: number, rs2: number, off: number): number => bType(4, rs1, rs2, off);
export const bge = (rs1: number, rs2: number, off: number): number => bType(5, rs1, rs2, off);
export const bltu = (rs1: number, rs2: number, off: number): number => bType(6, rs1, rs2, off);
export const bgeu = (rs1: number, rs2: number, off: number): number => bType(7, rs1, rs2, off);

// Loads `lw rd, imm(rs1)` and stores `sw rs2, imm(rs1)`
export const lb = (rd: number, imm: number, rs1: number): number => iType(0x03, rd, 0, rs1, imm);
export const lh = (rd: number, imm: number, rs1: number): number => iType(0x03, rd, 1, rs1, imm);
export const lw = (rd: number, imm: number, rs1: number): number => iType(0x03, rd, 2, rs1, imm);
export const lbu = (rd: number, imm: number, rs1: number): number => iType(0x03, rd, 4, rs1, imm);
export const lhu = (rd: number, imm: number, rs1: number): number => iType(0x03, rd, 5, rs1, imm);
export const sb = (rs2: number, imm: number, rs1: number): number => sType(0x23, 0, rs1, rs2, imm);
export const sh = (rs2: number, imm: number, rs1: number): number => sType(0x23, 1, rs1, rs2, imm);
export const sw = (rs2: number, imm: number, rs1: number): number => sType(0x23, 2, rs1, rs2, imm);

// OP-IMM
export const addi = (rd: number, rs1: number, imm: number): number => iType(0x13, rd, 0, rs1, imm);
export const slti = (rd: number, rs1: number, imm: number): number => iType(0x13, rd, 2, rs1, imm);
export const sltiu = (rd: number, rs1: number, imm: number): number => iType(0x13, rd, 3, rs1, imm);
export const xori = (rd: number, rs1: number, imm: number): number => iType(0x13, rd, 4, rs1, imm);
export const ori = (rd: number, rs1: number, imm: number): number => iType(0x13, rd, 6, rs1, imm);
export const andi = (rd: number, rs1: number, imm: number): number => iType(0x13, rd, 7, rs1, imm);
export const slli = (rd: number, rs1: number, shamt: number): number => rType(0x13, rd, 1, rs1, uimm(shamt, 5), 0);
export const srli = (rd: number, rs1: number, shamt: number): number => rType(0x13, rd, 5, rs1, uimm(shamt, 5), 0);
export const srai = (rd: number, rs1: number, shamt: number): number => rType(0x13, rd, 5, rs1, uimm(shamt, 5), 0x20);

// OP
export const add = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 0, rs1, rs2, 0);
export const sub = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 0, rs1, rs2, 0x20);
export const sll = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 1, rs1, rs2, 0);
export const slt = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 2, rs1, rs2, 0);
export const sltu = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 3, rs1, rs2, 0);
export const xor = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 4, rs1, rs2, 0);
export const srl = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 5, rs1, rs2, 0);
export const sra = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 5, rs1, rs2, 0x20);
export const or = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 6, rs1, rs2, 0);
export const and = (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, 7, rs1, rs2, 0);

// MISC-MEM
/** `fence pred, succ` with 4-bit IORW sets (default: iorw, iorw). */
export const fence = (pred = 0xf, succ = 0xf): number => ((uimm(pred, 4) << 24) | (uimm(succ, 4) << 20) | 0x0f) >>> 0;
export const fenceI = (): number => 0x0000100f;

// Zicsr: `csrrw rd, csr, rs1`, `csrrwi rd, csr, uimm`
const csrOp = (f3: number, rd: number, csr: number, src: number): number =>
  ((uimm(csr, 12) << 20) | (uimm(src, 5) << 15) | (f3 << 12) | (reg(rd) << 7) | 0x73) >>> 0;
export const csrrw = (rd: number, csr: number, rs1: number): number => csrOp(1, rd, csr, rs1);
export const csrrs = (rd: number, csr: number, rs1: number): number => csrOp(2, rd, csr, rs1);
export const csrrc = (rd: number, csr: number, rs1: number): number => csrOp(3, rd, csr, rs1);
export const csrrwi = (rd: number, csr: number, uimm5: number): number => csrOp(5, rd, csr, uimm5);
export const csrrsi = (rd: number, csr: number, uimm5: number): number => csrOp(6, rd, csr, uimm5);
export const csrrci = (rd: number, csr: number, uimm5: number): number => csrOp(7, rd, csr, uimm5);

// Privileged (privileged spec, chapter "RISC-V Privileged Instruction Set Listings")
export const ecall = (): number => 0x00000073;
export const ebreak = (): number => 0x00100073;
export const sret = (): number => 0x10200073;
export const mret = (): number => 0x30200073;
export const wfi = (): number => 0x10500073;
export const sfenceVma = (rs1 = 0, rs2 = 0): number => rType(0x73, 0, 0, rs1, rs2, 0x09);

// Pseudo-instructions
export const nop = (): number => addi(0, 0, 0);
export const csrr = (rd: number, csr: number): number => csrrs(rd, csr, 0);
export const csrw = (csr: number, rs1: number): number => csrrw(0, csr, rs1);
export const j = (offset: number): number => jal(0, offset);
/** `li rd, value` as exactly two words (lui + addi), so program layouts stay predictable. */
export function li(rd: number, value: number): [number, number] {
  const v = value | 0;
  const lo = (v << 20) >> 20;
  const hi = ((v - lo) >>> 12) & 0xfffff;
  return [lui(rd, hi), addi(rd, rd, lo)];
}


// M extension (unprivileged spec, chapter "M"): OP with funct7 = 1.
const mOp = (f3: number) => (rd: number, rs1: number, rs2: number): number => rType(0x33, rd, f3, rs1, rs2, 1);
export const mul = mOp(0), mulh = mOp(1), mulhsu = mOp(2), mulhu = mOp(3);
export const div = mOp(4), divu = mOp(5), rem = mOp(6), remu = mOp(7);

// A extension (unprivileged spec, chapter "A"): AMO with funct5, aq = rl = 0, width W.
const amo = (f5: number) => (rd: number, rs2: number, rs1: number): number =>
  ((uimm(f5, 5) << 27) | (reg(rs2) << 20) | (reg(rs1) << 15) | (2 << 12) | (reg(rd) << 7) | 0x2f) >>> 0;
export const lrW = (rd: number, rs1: number): number => amo(0x02)(rd, 0, rs1);
export const scW = amo(0x03), amoswapW = amo(0x01), amoaddW = amo(0x00), amoxorW = amo(0x04);
export const amoandW = amo(0x0c), amoorW = amo(0x08), amominW = amo(0x10), amomaxW = amo(0x14);
export const amominuW = amo(0x18), amomaxuW = amo(0x1c);
