// Disassembler for --trace: GNU objdump style (default aliases, ABI register names), one line per insn.
// Deliberate differences from binutils 2.40 objdump, kept on purpose for readable, stable traces:
// - branch/jump targets print as `0x80000010` (objdump: `80000010 <sym>`);
// - undecodable words print as `.word 0x%08x` (objdump: `.4byte 0x%x`);
// - addi/andi/ori/xori/slli/srli/srai and csrr[wsc]i keep their immediate-form mnemonic
//   (objdump 2.40 prints `add a0,a1,5`, `sll a0,a0,0x3`, `csrrw a0,mstatus,5`);
// - a fence with an empty predecessor/successor set prints `0` for it (objdump: `unknown`);
// - illegal 16-bit (RVC) encodings print as `.short 0x%04x` (objdump: `.2byte 0x%x`), and so do the
//   RV32C code points objdump still decodes although the spec reserves them: C.ADDI16SP with
//   nzimm=0 and C.SLLI/C.SRLI/C.SRAI with shamt[5]=1. What prints is what the hart executes.
// Compressed instructions print as their 32-bit expansion (src/isa/rvc.ts) would, except where
// objdump names the 16-bit form differently: `mv`, `addi rd,rd,0` and the `c.`-named HINTs.

import { expandCompressed } from "./rvc.js";

const REG_NAMES = [
  "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
  "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
  "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
  "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
] as const;

const enum Opcode {
  LOAD = 0x03,
  MISC_MEM = 0x0f,
  OP_IMM = 0x13,
  AUIPC = 0x17,
  STORE = 0x23,
  AMO = 0x2f,
  OP = 0x33,
  LUI = 0x37,
  BRANCH = 0x63,
  JALR = 0x67,
  JAL = 0x6f,
  SYSTEM = 0x73,
}

const reg = (index: number): string => REG_NAMES[index & 31]!;
const hex = (value: number): string => "0x" + (value >>> 0).toString(16);
const word = (insn: number): string => ".word 0x" + (insn >>> 0).toString(16).padStart(8, "0");
const short = (half: number): string => ".short 0x" + half.toString(16).padStart(4, "0");
const op = (mnemonic: string, operands: string): string => mnemonic + " " + operands;

// Field extractors (RISC-V unprivileged spec, chapter 2.2-2.3).
const rdOf = (insn: number): number => (insn >>> 7) & 31;
const rs1Of = (insn: number): number => (insn >>> 15) & 31;
const rs2Of = (insn: number): number => (insn >>> 20) & 31;
const funct3Of = (insn: number): number => (insn >>> 12) & 7;
const funct7Of = (insn: number): number => insn >>> 25;
const immI = (insn: number): number => insn >> 20;
const immS = (insn: number): number => ((insn >> 25) << 5) | ((insn >>> 7) & 0x1f);
const immB = (insn: number): number =>
  ((insn >> 31) << 12) | (((insn >>> 7) & 1) << 11) | (((insn >>> 25) & 0x3f) << 5) | (((insn >>> 8) & 0xf) << 1);
const immJ = (insn: number): number =>
  ((insn >> 31) << 20) | (((insn >>> 12) & 0xff) << 12) | (((insn >>> 20) & 1) << 11) | (((insn >>> 21) & 0x3ff) << 1);

/**
 * Disassembles one instruction at `pc`; never throws. When the low two bits are not 0b11 only the
 * low 16 bits are read, as an RVC instruction. Unknown encodings give `.word 0x%08x` / `.short 0x%04x`.
 */
export function disassemble(insn: number, pc: number): string {
  insn >>>= 0;
  if ((insn & 3) !== 3) return disasmCompressed(insn & 0xffff, pc);
  switch (insn & 0x7f) {
    case Opcode.LUI:
      return op("lui", `${reg(rdOf(insn))},${hex(insn >>> 12)}`);
    case Opcode.AUIPC:
      return op("auipc", `${reg(rdOf(insn))},${hex(insn >>> 12)}`);
    case Opcode.JAL:
      return disasmJal(insn, pc);
    case Opcode.JALR:
      return disasmJalr(insn);
    case Opcode.BRANCH:
      return disasmBranch(insn, pc);
    case Opcode.LOAD:
      return disasmLoad(insn);
    case Opcode.STORE:
      return disasmStore(insn);
    case Opcode.OP_IMM:
      return disasmOpImm(insn);
    case Opcode.OP:
      return disasmOp(insn);
    case Opcode.AMO:
      return disasmAmo(insn);
    case Opcode.MISC_MEM:
      return disasmMiscMem(insn);
    case Opcode.SYSTEM:
      return disasmSystem(insn);
    default:
      return word(insn);
  }
}

const target = (pc: number, offset: number): string => hex(pc + offset);

function disasmJal(insn: number, pc: number): string {
  const rd = rdOf(insn);
  const dest = target(pc, immJ(insn));
  if (rd === 0) return op("j", dest);
  if (rd === 1) return op("jal", dest);
  return op("jal", `${reg(rd)},${dest}`);
}

function disasmJalr(insn: number): string {
  if (funct3Of(insn) !== 0) return word(insn);
  const rd = rdOf(insn);
  const rs1 = rs1Of(insn);
  const imm = immI(insn);
  const address = imm === 0 ? reg(rs1) : `${imm}(${reg(rs1)})`;
  if (rd === 0) return rs1 === 1 && imm === 0 ? "ret" : op("jr", address);
  if (rd === 1) return op("jalr", address);
  return op("jalr", `${reg(rd)},${address}`);
}

const BRANCH_NAMES = ["beq", "bne", "", "", "blt", "bge", "bltu", "bgeu"] as const;

function disasmBranch(insn: number, pc: number): string {
  const funct3 = funct3Of(insn);
  const name = BRANCH_NAMES[funct3]!;
  if (name === "") return word(insn);
  const rs1 = rs1Of(insn);
  const rs2 = rs2Of(insn);
  const dest = target(pc, immB(insn));
  // Zero-operand aliases, in objdump's order of preference.
  if (name === "beq" && rs2 === 0) return op("beqz", `${reg(rs1)},${dest}`);
  if (name === "bne" && rs2 === 0) return op("bnez", `${reg(rs1)},${dest}`);
  if (name === "blt" && rs2 === 0) return op("bltz", `${reg(rs1)},${dest}`);
  if (name === "blt" && rs1 === 0) return op("bgtz", `${reg(rs2)},${dest}`);
  if (name === "bge" && rs1 === 0) return op("blez", `${reg(rs2)},${dest}`);
  if (name === "bge" && rs2 === 0) return op("bgez", `${reg(rs1)},${dest}`);
  return op(name, `${reg(rs1)},${reg(rs2)},${dest}`);
}

const LOAD_NAMES = ["lb", "lh", "lw", "", "lbu", "lhu", "", ""] as const;
const STORE_NAMES = ["sb", "sh", "sw", "", "", "", "", ""] as const;

function disasmLoad(insn: number): string {
  const name = LOAD_NAMES[funct3Of(insn)]!;
  if (name === "") return word(insn);
  return op(name, `${reg(rdOf(insn))},${immI(insn)}(${reg(rs1Of(insn))})`);
}

function disasmStore(insn: number): string {
  const name = STORE_NAMES[funct3Of(insn)]!;
  if (name === "") return word(insn);
  return op(name, `${reg(rs2Of(insn))},${immS(insn)}(${reg(rs1Of(insn))})`);
}

function disasmOpImm(insn: number): string {
  const rd = rdOf(insn);
  const rs1 = rs1Of(insn);
  const imm = immI(insn);
  const dest = reg(rd);
  const src = reg(rs1);
  switch (funct3Of(insn)) {
    case 0:
      if (rd === 0 && rs1 === 0 && imm === 0) return "nop";
      if (rs1 === 0) return op("li", `${dest},${imm}`);
      if (imm === 0) return op("mv", `${dest},${src}`);
      return op("addi", `${dest},${src},${imm}`);
    case 1:
      return funct7Of(insn) === 0 ? op("slli", `${dest},${src},${hex(rs2Of(insn))}`) : word(insn);
    case 2:
      return op("slti", `${dest},${src},${imm}`);
    case 3:
      return imm === 1 ? op("seqz", `${dest},${src}`) : op("sltiu", `${dest},${src},${imm}`);
    case 4:
      return imm === -1 ? op("not", `${dest},${src}`) : op("xori", `${dest},${src},${imm}`);
    case 5: {
      const funct7 = funct7Of(insn);
      if (funct7 === 0x00) return op("srli", `${dest},${src},${hex(rs2Of(insn))}`);
      if (funct7 === 0x20) return op("srai", `${dest},${src},${hex(rs2Of(insn))}`);
      return word(insn); // includes shamt[5] = 1, reserved on RV32
    }
    case 6:
      return op("ori", `${dest},${src},${imm}`);
    default:
      return imm === 255 ? op("zext.b", `${dest},${src}`) : op("andi", `${dest},${src},${imm}`);
  }
}

// RV32I register-register ops by funct3; funct7 0x20 selects sub/sra, funct7 0x01 the M extension.
const OP_NAMES = ["add", "sll", "slt", "sltu", "xor", "srl", "or", "and"] as const;
const MULDIV_NAMES = ["mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"] as const;

function disasmOp(insn: number): string {
  const funct3 = funct3Of(insn);
  const funct7 = funct7Of(insn);
  const rd = reg(rdOf(insn));
  const rs1 = rs1Of(insn);
  const rs2 = rs2Of(insn);
  if (funct7 === 0x20) {
    if (funct3 === 0) return rs1 === 0 ? op("neg", `${rd},${reg(rs2)}`) : op("sub", `${rd},${reg(rs1)},${reg(rs2)}`);
    if (funct3 === 5) return op("sra", `${rd},${reg(rs1)},${reg(rs2)}`);
    return word(insn);
  }
  if (funct7 === 0x01) return op(MULDIV_NAMES[funct3]!, `${rd},${reg(rs1)},${reg(rs2)}`);
  if (funct7 !== 0) return word(insn);
  if (funct3 === 2 && rs2 === 0) return op("sltz", `${rd},${reg(rs1)}`);
  if (funct3 === 2 && rs1 === 0) return op("sgtz", `${rd},${reg(rs2)}`);
  if (funct3 === 3 && rs1 === 0) return op("snez", `${rd},${reg(rs2)}`);
  return op(OP_NAMES[funct3]!, `${rd},${reg(rs1)},${reg(rs2)}`);
}

// A extension, funct5 = insn[31:27] (unprivileged spec, "A" chapter); only the .w width exists on RV32.
const AMO_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, "amoadd.w"], [0x01, "amoswap.w"], [0x02, "lr.w"], [0x03, "sc.w"], [0x04, "amoxor.w"],
  [0x08, "amoor.w"], [0x0c, "amoand.w"], [0x10, "amomin.w"], [0x14, "amomax.w"], [0x18, "amominu.w"],
  [0x1c, "amomaxu.w"],
]);
/** Ordering suffix by insn[26:25] = aq, rl. */
const AMO_ORDER = ["", ".rl", ".aq", ".aqrl"] as const;

function disasmAmo(insn: number): string {
  const name = AMO_NAMES.get(insn >>> 27);
  if (name === undefined || funct3Of(insn) !== 2) return word(insn);
  const mnemonic = name + AMO_ORDER[(insn >>> 25) & 3]!;
  const address = `(${reg(rs1Of(insn))})`;
  if (name === "lr.w") return rs2Of(insn) === 0 ? op(mnemonic, `${reg(rdOf(insn))},${address}`) : word(insn);
  return op(mnemonic, `${reg(rdOf(insn))},${reg(rs2Of(insn))},${address}`);
}

const FENCE_TSO = 0x8330000f;
const FENCE_I = 0x0000100f;
const PAUSE = 0x0100000f; // Zihintpause: fence w,0

/** Fence set bits i,o,r,w (pred: insn[27:24], succ: insn[23:20]); an empty set prints `0`. */
function fenceSet(bits: number): string {
  const set = (bits & 8 ? "i" : "") + (bits & 4 ? "o" : "") + (bits & 2 ? "r" : "") + (bits & 1 ? "w" : "");
  return set === "" ? "0" : set;
}

function disasmMiscMem(insn: number): string {
  if (insn === FENCE_I) return "fence.i";
  if (insn === FENCE_TSO) return "fence.tso";
  if (insn === PAUSE) return "pause";
  // Like objdump: fm != 0 (other than fence.tso), rd or rs1 != 0 are left undecoded.
  if ((insn & 0xf00fffff) !== 0x0000000f) return word(insn);
  const pred = (insn >>> 24) & 0xf;
  const succ = (insn >>> 20) & 0xf;
  if (pred === 0xf && succ === 0xf) return "fence";
  return op("fence", `${fenceSet(pred)},${fenceSet(succ)}`);
}

const SYSTEM_EXACT: ReadonlyMap<number, string> = new Map([
  [0x00000073, "ecall"],
  [0x00100073, "ebreak"],
  [0x00200073, "uret"],
  [0x10200073, "sret"],
  [0x30200073, "mret"],
  [0x7b200073, "dret"],
  [0x10500073, "wfi"],
  [0xc0001073, "unimp"], // csrrw zero,cycle,zero: the canonical 32-bit illegal instruction
]);

const CSR_OP_NAMES = ["", "csrrw", "csrrs", "csrrc", "", "csrrwi", "csrrsi", "csrrci"] as const;

/** csrr aliases objdump prints for the read-only counters. */
const COUNTER_READ_ALIASES: ReadonlyMap<number, string> = new Map([
  [0xc00, "rdcycle"],
  [0xc01, "rdtime"],
  [0xc02, "rdinstret"],
  [0xc80, "rdcycleh"],
  [0xc81, "rdtimeh"],
  [0xc82, "rdinstreth"],
]);

function disasmSystem(insn: number): string {
  const exact = SYSTEM_EXACT.get(insn);
  if (exact !== undefined) return exact;
  const funct3 = funct3Of(insn);
  const rd = rdOf(insn);
  const rs1 = rs1Of(insn);
  if (funct3 === 0) {
    // sfence.vma rs1,rs2 (funct7 0x09, rd 0); operands dropped from the right while zero.
    if (funct7Of(insn) !== 0x09 || rd !== 0) return word(insn);
    const rs2 = rs2Of(insn);
    if (rs2 !== 0) return op("sfence.vma", `${reg(rs1)},${reg(rs2)}`);
    return rs1 !== 0 ? op("sfence.vma", reg(rs1)) : "sfence.vma";
  }
  const name = CSR_OP_NAMES[funct3]!;
  if (name === "") return word(insn);
  const csr = insn >>> 20;
  const csrText = csrName(csr);
  const isImmediate = funct3 >= 5;
  const source = isImmediate ? String(rs1) : reg(rs1);
  // Read-only forms: csrrs/csrrc with rs1 = x0 (register form) become csrr.
  if (funct3 === 2 && rs1 === 0) {
    const alias = COUNTER_READ_ALIASES.get(csr);
    return alias !== undefined ? op(alias, reg(rd)) : op("csrr", `${reg(rd)},${csrText}`);
  }
  if (rd === 0) {
    // csrw/csrs/csrc and csrwi/csrsi/csrci.
    const pseudo = "csr" + name.slice(4);
    return op(pseudo, `${csrText},${source}`);
  }
  return op(name, `${reg(rd)},${csrText},${source}`);
}

function disasmCompressed(half: number, pc: number): string {
  if (half === 0) return "unimp";
  const insn = expandCompressed(half);
  if (insn === 0) return short(half);
  return compressedName(half) ?? disassemble(insn, pc);
}

/**
 * objdump's text for the RVC forms it prints unlike their expansion, or undefined for the rest.
 * `half` is a legal RV32C instruction.
 */
function compressedName(half: number): string | undefined {
  const rd = (half >>> 7) & 31;
  const low = (half >>> 2) & 31; // rs2, shamt[4:0] or imm[4:0]
  const imm = (((half << 19) >> 26) & ~0x1f) | low; // CI-format imm[5|4:0], sign-extended
  switch (((half >>> 11) & 0x1c) | (half & 3)) {
    case 0x01: // C.ADDI, C.NOP
      if (rd === 0) return imm === 0 ? "nop" : op("c.nop", String(imm));
      return imm === 0 ? op("addi", `${reg(rd)},${reg(rd)},0`) : undefined;
    case 0x09: // C.LI
      return rd === 0 ? op("c.li", `zero,${imm}`) : undefined;
    case 0x0d: // C.LUI (C.ADDI16SP has rd = 2)
      return rd === 0 ? op("c.lui", `zero,${hex(imm & 0xfffff)}`) : undefined;
    case 0x11: { // C.SRLI, C.SRAI with shamt = 0 (the RV128 shift-by-64 forms)
      const funct2 = (half >>> 10) & 3;
      if (funct2 >= 2 || low !== 0) return undefined;
      return op(funct2 === 0 ? "c.srli64" : "c.srai64", reg(8 + (rd & 7)));
    }
    case 0x02: // C.SLLI
      if (low === 0) return op("c.slli64", reg(rd));
      return rd === 0 ? op("c.slli", `zero,${hex(low)}`) : undefined;
    case 0x12: { // C.JR, C.MV, C.EBREAK, C.JALR, C.ADD
      if (low === 0) return undefined;
      const isAdd = (half & 0x1000) !== 0;
      if (rd === 0) return op(isAdd ? "c.add" : "c.mv", `zero,${reg(low)}`);
      return isAdd ? undefined : op("mv", `${reg(rd)},${reg(low)}`);
    }
    default:
      return undefined;
  }
}

/** Standard CSR name for `address`, or `0x...` for CSRs this project does not name (e.g. H, V, AIA). */
export function csrName(address: number): string {
  return CSR_NAMES.get(address & 0xfff) ?? hex(address & 0xfff);
}

const CSR_NAMES: ReadonlyMap<number, string> = buildCsrNames();

function buildCsrNames(): Map<number, string> {
  const names = new Map<number, string>([
    // Unprivileged: floating point, counters (priv spec table 2.2).
    [0x001, "fflags"], [0x002, "frm"], [0x003, "fcsr"],
    [0xc00, "cycle"], [0xc01, "time"], [0xc02, "instret"],
    [0xc80, "cycleh"], [0xc81, "timeh"], [0xc82, "instreth"],
    // Supervisor.
    [0x100, "sstatus"], [0x104, "sie"], [0x105, "stvec"], [0x106, "scounteren"], [0x10a, "senvcfg"],
    [0x140, "sscratch"], [0x141, "sepc"], [0x142, "scause"], [0x143, "stval"], [0x144, "sip"],
    [0x14d, "stimecmp"], [0x15d, "stimecmph"], [0x180, "satp"], [0x5a8, "scontext"],
    // Machine.
    [0xf11, "mvendorid"], [0xf12, "marchid"], [0xf13, "mimpid"], [0xf14, "mhartid"], [0xf15, "mconfigptr"],
    [0x300, "mstatus"], [0x301, "misa"], [0x302, "medeleg"], [0x303, "mideleg"], [0x304, "mie"],
    [0x305, "mtvec"], [0x306, "mcounteren"], [0x30a, "menvcfg"], [0x310, "mstatush"], [0x31a, "menvcfgh"],
    [0x320, "mcountinhibit"],
    [0x340, "mscratch"], [0x341, "mepc"], [0x342, "mcause"], [0x343, "mtval"], [0x344, "mip"],
    [0x34a, "mtinst"], [0x34b, "mtval2"],
    [0x747, "mseccfg"], [0x757, "mseccfgh"],
    [0xb00, "mcycle"], [0xb02, "minstret"], [0xb80, "mcycleh"], [0xb82, "minstreth"],
    // Debug and trigger module.
    [0x7a0, "tselect"], [0x7a1, "tdata1"], [0x7a2, "tdata2"], [0x7a3, "tdata3"], [0x7a4, "tinfo"],
    [0x7a5, "tcontrol"], [0x7a8, "mcontext"], [0x7aa, "mscontext"],
    [0x7b0, "dcsr"], [0x7b1, "dpc"], [0x7b2, "dscratch0"], [0x7b3, "dscratch1"],
  ]);
  for (let n = 0; n < 16; n++) names.set(0x3a0 + n, `pmpcfg${n}`);
  for (let n = 0; n < 64; n++) names.set(0x3b0 + n, `pmpaddr${n}`);
  for (let n = 3; n < 32; n++) {
    names.set(0xc00 + n, `hpmcounter${n}`);
    names.set(0xc80 + n, `hpmcounter${n}h`);
    names.set(0xb00 + n, `mhpmcounter${n}`);
    names.set(0xb80 + n, `mhpmcounter${n}h`);
    names.set(0x320 + n, `mhpmevent${n}`);
    names.set(0x720 + n, `mhpmevent${n}h`);
  }
  return names;
}
