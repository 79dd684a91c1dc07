// The interpreter: instructions are decoded once into an operation number, their register fields
// and their immediate, kept per RAM page until a store changes their bytes (self-modifying code),
// misa.C changes what the bytes mean, or the hart resets; the loop then dispatches on the dense
// operation number instead of re-decoding opcode, funct3 and funct7 (and expanding RVC) every time.
// The operation numbers are a const enum used only in this file, so every compiler that builds
// the project (tsc; oxc, with optimizeConstEnums, for the tests) turns `case Op.X` into a literal:
// V8 builds a jump table only from literal case labels (a property load per label made the switch
// a linear search, several times slower).
import { PageFlag, type Ram } from "../bus/ram.js";
import { Exception } from "../isa/cause.js";
import { rvcAt } from "../isa/rvc.js";
import { TLB_WAYS } from "./fast-tlb.js";
import type { Hart } from "./hart.js";
import { mulh, mulhsu, mulhu } from "./mul.js";
import { Slow, Stop } from "./stop.js";
import { pendingInterrupt } from "./trap.js";

/** Operations (0: slot not decoded yet). Field checks follow the unprivileged spec's encodings. */
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

/** `decode` for 16-bit `lo` (expanded through rvcAt): the meta word with META_RVC; an illegal one's imm is `lo`. */
function decodeRvc(lo: number, m: boolean, a: boolean): number {
  const insn = rvcAt(lo);
  if (insn === 0) {
    decodedImm = lo;
    return Op.ILLEGAL | META_RVC;
  }
  return decode(insn, lo, m, a) | META_RVC;
}

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

  // `stores` is told of each page that becomes code (an object, not a closure: V8 compiled the call
  // for the warm-up's closure and deoptimized the interpreter at the guest's).
  constructor(private readonly ram: Ram, private readonly stores: { dropStorePage(page: number): void }) {
    this.pages = new Array<Int32Array | undefined>(ram.size >>> 12).fill(undefined);
  }

  /** The slots of RAM page `page` (created on first use). */
  page(page: number): Int32Array {
    let p = this.pages[page];
    if (p === undefined) {
      p = this.pages[page] = new Int32Array(4096);
      if (!(this.ram.pageFlags[page]! & PageFlag.Code)) {
        this.ram.pageFlags[page]! |= PageFlag.Code;
        this.stores.dropStorePage(page);
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
      meta = decodeRvc(lo, m, a);
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

/** fetchPage's answer when the fetch trapped. */
export const FETCH_TRAPPED = -2;
/** No decoded page yet. */
const NO_SLOTS = new Int32Array(0);
/**
 * The slots an instruction that is not kept in the decode cache runs from (a page PMP cuts, a
 * straddling one): the inner loop then runs that one instruction (stopAt = n + 1).
 */
const SINGLE = new Int32Array(4096);
function putSingle(pc: number, meta: number, imm: number): void {
  SINGLE[pc & 0xffe] = meta;
  SINGLE[(pc & 0xffe) + 1] = imm;
}
/** Why the inner loop of `interpret` left. */
const enum Exit { Limit, Page, Decode, Load, Store, System, Leave }
/** Hart.loadInto's width code per load op, from Op.LB (bit 2: zero-extend). */
const LOAD_WIDTH = [0, 1, 2, 4, 5];

/**
 * The interpreter loop: up to `limit` instructions of hart `h` (Hart.interpret). Interrupts,
 * privilege, translation and PMP are sampled once on entry; an instruction that changed any of them
 * ends the call (Stop.Continue when only the hart changed), so the caller re-samples
 * (Hart.interpreterGoesOn). Instructions come
 * pre-decoded from the decode cache, per RAM page; a page that PMP cuts finer than 4 KiB is fetched
 * and decoded anew at every instruction, as is a 32-bit instruction straddling two pages.
 */
export function interpret(h: Hart, limit: number): number {
  const irq = pendingInterrupt(h.csr, h.priv);
  if (irq >= 0) return h.trap(irq, true, 0, h.pc);
  // Under the jit engine, a taken jump to translated (or now hot) code ends the call.
  const jit = h.jit;

  const x = h.xSink; // rd = 0 decodes to 32 (X0_SINK): x[0] stays 0 with no store per instruction
  const ram = h.bus.ram;
  const ramBase = ram.base | 0;
  const ramWordLimit = ram.size - 3;
  const m32 = ram.i32, m16 = ram.i16, u16 = ram.u16, m8 = ram.i8, u8 = ram.bytes;
  const pageFlags = ram.pageFlags;
  const cache = h.decodeCache;
  // misa can change only through a CSR write, which ends this call: sample the extensions once.
  const misa = h.csr.misa;
  const cOn = (misa & (1 << 2)) !== 0;
  const mOn = (misa & (1 << 12)) !== 0;
  const aOn = (misa & 1) !== 0;
  const alignMask = cOn ? 1 : 3; // IALIGN=16 with C, else 32
  const base = h.retired;
  // pc, addresses and targets are int32 inside the loop (uint32 values above 2^31 would make V8
  // compute with doubles). Calls get them as int32 too and convert themselves: a uint32 argument
  // above 2^31 is a heap number, and V8 boxed pc once per instruction at the loop head because
  // every exit shares `pc >>> 0` (a heap allocation per instruction in RAM at 0x80000000; the
  // interpreter ran ~1.6x slower). Only field stores (h.pc) use `>>> 0`.
  let pc = h.pc | 0;
  let stop: number = Stop.Limit;
  let n = 0;
  let addr = 0;
  let off = 0;
  let target = 0;

  // Translation and PMP apply per privilege; both change only at events that end this call.
  const csr = h.csr;
  const pmpSummary = h.pmp.summary;
  const priv = h.priv;
  const paging = csr.satp >>> 31 === 1;
  const dataPriv = h.effectiveDataPrivilege();
  const fetchPmpFree = priv < 3 ? pmpSummary.allowAllSU32 : !pmpSummary.anyLocked;
  const dataPmpFree = dataPriv < 3 ? pmpSummary.allowAllSU32 : !pmpSummary.anyLocked;
  const fetchChecked = (paging && priv < 3) || !fetchPmpFree;
  // An int, not a boolean: V8 tested a boolean's truth in full (every type) at each instruction.
  const dataChecked = (paging && dataPriv < 3) || !dataPmpFree ? 1 : 0;
  const tlb = h.fastTlb;
  const loadTag = tlb.loadTag, loadOff = tlb.loadOff, storeTag = tlb.storeTag, storeOff = tlb.storeOff;
  const tb = h.tlbBase();
  let ti = 0;
  // The virtual page whose decoded slots are at hand (a TLB may keep its translation until
  // SFENCE.VMA, 4.3.2; satp, PMP and fences end this call), and its RAM offset.
  let pageVpn = -1;
  let slots: Int32Array = NO_SLOTS;
  let pageOff = 0;
  let meta = 0, imm = 0;

  // Two loops: the inner one runs instructions whose work needs no call, and leaves (with `exit`)
  // for everything that does (a new page, a slot to decode, a slow load or store, SYSTEM/AMO); the
  // outer one makes that call and goes back in. No path back into the inner loop then passes a
  // call (under the interp engine: the jit engine's jit.wants/passes stay inline, measured cheaper
  // there than an exit at every branch), so V8 keeps what it checked of x, slots and RAM (maps,
  // lengths, data pointers) in registers across instructions instead of loading them again.
  let exit: number = Exit.Limit;
  let stopAt = limit; // limit, or n + 1 while one instruction runs from SINGLE
  for (;;) {
    exit = Exit.Limit;
    inner: while (n < stopAt) {
      if (pc >>> 12 !== pageVpn) { exit = Exit.Page; break; }
      const s = pc & 0xffe;
      meta = slots[s]!;
      if (meta === 0) { exit = Exit.Decode; break; }
      imm = slots[s + 1]!;
      const rd = (meta >>> 8) & 63;
      const rs1 = (meta >>> 16) & 31;
      const rs2 = meta >>> 24;
      const len = 4 - ((meta >>> 6) & 2); // 2 for RVC
      switch (meta & 0x7f) {
        case Op.LUI: x[rd] = imm; pc = (pc + len) | 0; break;
        case Op.AUIPC: x[rd] = pc + imm; pc = (pc + len) | 0; break;
        case Op.JAL:
          target = (pc + imm) | 0;
          if (target & alignMask) { h.pc = pc >>> 0; h.retired = base + n; return h.trap(Exception.InstructionMisaligned, false, target, pc); }
          x[rd] = pc + len;
          pc = target;
          if (jit !== undefined && jit.wants(target)) { n++; stop = Stop.Continue; exit = Exit.Leave; break inner; }
          break;
        case Op.JALR:
          target = (x[rs1]! + imm) & ~1;
          if (target & alignMask) { h.pc = pc >>> 0; h.retired = base + n; return h.trap(Exception.InstructionMisaligned, false, target, pc); }
          x[rd] = pc + len;
          pc = target;
          if (jit !== undefined && jit.wants(target)) { n++; stop = Stop.Continue; exit = Exit.Leave; break inner; }
          break;
        case Op.BEQ: case Op.BNE: case Op.BLT: case Op.BGE: case Op.BLTU: case Op.BGEU: {
          const a = x[rs1]!, b = x[rs2]!;
          let taken: boolean;
          switch (meta & 0x7f) {
            case Op.BEQ: taken = a === b; break;
            case Op.BNE: taken = a !== b; break;
            case Op.BLT: taken = a < b; break;
            case Op.BGE: taken = a >= b; break;
            case Op.BLTU: taken = a >>> 0 < b >>> 0; break;
            default: taken = a >>> 0 >= b >>> 0; break;
          }
          if (taken) {
            target = (pc + imm) | 0;
            if (target & alignMask) { h.pc = pc >>> 0; h.retired = base + n; return h.trap(Exception.InstructionMisaligned, false, target, pc); }
            pc = target;
            if (jit !== undefined && jit.wants(target)) { n++; stop = Stop.Continue; exit = Exit.Leave; break inner; }
          } else {
            pc = (pc + len) | 0;
            if (jit !== undefined) jit.passes(pc);
          }
          break;
        }
        case Op.LB:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) off = (addr - ramBase) | 0;
          else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = loadTag[ti] === addr >>> 12 ? loadOff[ti]! + (addr & 0xfff) : -1;
          }
          if (off >>> 0 < ramWordLimit) { x[rd] = m8[off]!; pc = (pc + len) | 0; break; }
          exit = Exit.Load; break inner;
        case Op.LH:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) off = (addr - ramBase) | 0;
          else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = loadTag[ti] === addr >>> 12 ? loadOff[ti]! + (addr & 0xfff) : -1;
          }
          if ((addr & 1) === 0 && off >>> 0 < ramWordLimit) { x[rd] = m16[off >> 1]!; pc = (pc + len) | 0; break; }
          exit = Exit.Load; break inner;
        case Op.LW:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) off = (addr - ramBase) | 0;
          else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = loadTag[ti] === addr >>> 12 ? loadOff[ti]! + (addr & 0xfff) : -1;
          }
          if ((addr & 3) === 0 && off >>> 0 < ramWordLimit) { x[rd] = m32[off >> 2]!; pc = (pc + len) | 0; break; }
          exit = Exit.Load; break inner;
        case Op.LBU:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) off = (addr - ramBase) | 0;
          else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = loadTag[ti] === addr >>> 12 ? loadOff[ti]! + (addr & 0xfff) : -1;
          }
          if (off >>> 0 < ramWordLimit) { x[rd] = u8[off]!; pc = (pc + len) | 0; break; }
          exit = Exit.Load; break inner;
        case Op.LHU:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) off = (addr - ramBase) | 0;
          else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = loadTag[ti] === addr >>> 12 ? loadOff[ti]! + (addr & 0xfff) : -1;
          }
          if ((addr & 1) === 0 && off >>> 0 < ramWordLimit) { x[rd] = u16[off >> 1]!; pc = (pc + len) | 0; break; }
          exit = Exit.Load; break inner;
        case Op.SB:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) {
            off = (addr - ramBase) | 0;
            if (off >>> 0 >= ramWordLimit || pageFlags[off >>> 12] !== 0) off = -1;
          } else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = storeTag[ti] === addr >>> 12 ? storeOff[ti]! + (addr & 0xfff) : -1;
          }
          if (off >= 0) { m8[off] = x[rs2]!; pc = (pc + len) | 0; break; }
          exit = Exit.Store; break inner;
        case Op.SH:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) {
            off = (addr - ramBase) | 0;
            if (off >>> 0 >= ramWordLimit || pageFlags[off >>> 12] !== 0 || (addr & 1) !== 0) off = -1;
          } else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = storeTag[ti] === addr >>> 12 && (addr & 1) === 0 ? storeOff[ti]! + (addr & 0xfff) : -1;
          }
          if (off >= 0) { m16[off >> 1] = x[rs2]!; pc = (pc + len) | 0; break; }
          exit = Exit.Store; break inner;
        case Op.SW:
          addr = (x[rs1]! + imm) | 0;
          if (dataChecked === 0) {
            off = (addr - ramBase) | 0;
            if (off >>> 0 >= ramWordLimit || pageFlags[off >>> 12] !== 0 || (addr & 3) !== 0) off = -1;
          } else {
            ti = tb + ((addr >>> 12) & (TLB_WAYS - 1));
            off = storeTag[ti] === addr >>> 12 && (addr & 3) === 0 ? storeOff[ti]! + (addr & 0xfff) : -1;
          }
          if (off >= 0) { m32[off >> 2] = x[rs2]!; pc = (pc + len) | 0; break; }
          exit = Exit.Store; break inner;
        case Op.ADDI: x[rd] = x[rs1]! + imm; pc = (pc + len) | 0; break;
        case Op.SLTI: x[rd] = x[rs1]! < imm ? 1 : 0; pc = (pc + len) | 0; break;
        case Op.SLTIU: x[rd] = x[rs1]! >>> 0 < imm >>> 0 ? 1 : 0; pc = (pc + len) | 0; break;
        case Op.XORI: x[rd] = x[rs1]! ^ imm; pc = (pc + len) | 0; break;
        case Op.ORI: x[rd] = x[rs1]! | imm; pc = (pc + len) | 0; break;
        case Op.ANDI: x[rd] = x[rs1]! & imm; pc = (pc + len) | 0; break;
        case Op.SLLI: x[rd] = x[rs1]! << rs2; pc = (pc + len) | 0; break;
        case Op.SRLI: x[rd] = x[rs1]! >>> rs2; pc = (pc + len) | 0; break;
        case Op.SRAI: x[rd] = x[rs1]! >> rs2; pc = (pc + len) | 0; break;
        case Op.ADD: x[rd] = x[rs1]! + x[rs2]!; pc = (pc + len) | 0; break;
        case Op.SUB: x[rd] = x[rs1]! - x[rs2]!; pc = (pc + len) | 0; break;
        case Op.SLL: x[rd] = x[rs1]! << (x[rs2]! & 31); pc = (pc + len) | 0; break;
        case Op.SLT: x[rd] = x[rs1]! < x[rs2]! ? 1 : 0; pc = (pc + len) | 0; break;
        case Op.SLTU: x[rd] = x[rs1]! >>> 0 < x[rs2]! >>> 0 ? 1 : 0; pc = (pc + len) | 0; break;
        case Op.XOR: x[rd] = x[rs1]! ^ x[rs2]!; pc = (pc + len) | 0; break;
        case Op.SRL: x[rd] = x[rs1]! >>> (x[rs2]! & 31); pc = (pc + len) | 0; break;
        case Op.SRA: x[rd] = x[rs1]! >> (x[rs2]! & 31); pc = (pc + len) | 0; break;
        case Op.OR: x[rd] = x[rs1]! | x[rs2]!; pc = (pc + len) | 0; break;
        case Op.AND: x[rd] = x[rs1]! & x[rs2]!; pc = (pc + len) | 0; break;
        case Op.MUL: x[rd] = Math.imul(x[rs1]!, x[rs2]!); pc = (pc + len) | 0; break;
        case Op.MULH: x[rd] = mulh(x[rs1]!, x[rs2]!); pc = (pc + len) | 0; break;
        case Op.MULHSU: x[rd] = mulhsu(x[rs1]!, x[rs2]!); pc = (pc + len) | 0; break;
        case Op.MULHU: x[rd] = mulhu(x[rs1]!, x[rs2]!); pc = (pc + len) | 0; break;
        // Division by zero and overflow have defined results, no trap (unpriv. 13.2).
        case Op.DIV: {
          const a = x[rs1]!, b = x[rs2]!;
          x[rd] = b === 0 ? -1 : a === -0x80000000 && b === -1 ? a : (a / b) | 0;
          pc = (pc + len) | 0;
          break;
        }
        case Op.DIVU: {
          const a = x[rs1]!, b = x[rs2]!;
          x[rd] = b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) | 0;
          pc = (pc + len) | 0;
          break;
        }
        case Op.REM: {
          const a = x[rs1]!, b = x[rs2]!;
          x[rd] = b === 0 ? a : a === -0x80000000 && b === -1 ? 0 : a % b;
          pc = (pc + len) | 0;
          break;
        }
        case Op.REMU: {
          const a = x[rs1]!, b = x[rs2]!;
          x[rd] = b === 0 ? a : ((a >>> 0) % (b >>> 0)) | 0; // | 0: a remainder of 2^31 or more would deoptimize
          pc = (pc + len) | 0;
          break;
        }
        // FENCE: one in-order hart. FENCE.I: stores to instructions already reach the decode cache.
        case Op.FENCE: case Op.FENCE_I: pc = (pc + len) | 0; break;
        case Op.SYSTEM: case Op.AMO: default: exit = Exit.System; break inner;
      }
      n++;
    }
    if (stopAt !== limit) { stopAt = limit; pageVpn = -1; } // SINGLE ran its one: fetch that page anew
    switch (exit) {
      case Exit.Limit:
        if (n < limit) continue;
        break;
      case Exit.Leave:
        break;
      case Exit.Page: {
        h.pc = pc >>> 0; h.retired = base + n;
        const at = h.fetchPage(pc, fetchChecked);
        if (at === FETCH_TRAPPED) return h.fetchStop;
        if (at >= 0) {
          pageVpn = pc >>> 12;
          pageOff = at | 0;
          slots = cache.page(at >>> 12);
          continue;
        }
        // PMP cuts this page: every fetch is checked and decoded on its own.
        const len = h.fetchChecked(cOn);
        if (len < 0) return h.fetchStop;
        const raw = h.fetchedRaw;
        meta = (len === 2 ? decodeRvc(raw & 0xffff, mOn, aOn) : decode(raw, raw, mOn, aOn)) | 0;
        putSingle(pc, meta, decodedImm);
        slots = SINGLE; pageVpn = pc >>> 12; stopAt = n + 1;
        continue;
      }
      case Exit.Decode: {
        const s = pc & 0xffe;
        meta = cache.fill(slots, s, pageOff + (pc & 0xfff), cOn, mOn, aOn) | 0;
        if (meta === Op.STRADDLE) {
          // Not kept: the second half is fetched (and translated) anew each time.
          h.pc = pc >>> 0; h.retired = base + n;
          if (h.fetchChecked(cOn) < 0) return h.fetchStop;
          meta = decode(h.fetchedRaw, h.fetchedRaw, mOn, aOn) | 0;
          putSingle(pc, meta, decodedImm);
          slots = SINGLE; stopAt = n + 1;
        }
        continue;
      }
      case Exit.Load: case Exit.Store: {
        const op = meta & 0x7f;
        const len = 4 - ((meta >>> 6) & 2);
        const done = exit === Exit.Load
          ? h.loadInto((meta >>> 8) & 63, addr, LOAD_WIDTH[op - Op.LB]!, pc, base + n, len)
          : h.storeSlow(addr, op - Op.SB, x[(meta >>> 24) & 31]!, pc, base + n, len);
        if (done !== Slow.Done) {
          if (h.slowStatus === Slow.Trapped) return h.slowStop;
          pc = (pc + len) | 0; n++; stop = Stop.Event; break; // a device: its state may change
        }
        pc = (pc + len) | 0; n++;
        continue;
      }
      case Exit.System: {
        // SYSTEM (CSRs, traps, xRET, fences), atomics and illegal instructions go through the hart
        // (an illegal one's xtval: the instruction bits as fetched, 3.1.16). The loop goes on after
        // them (interp engine) while nothing it sampled on entry changed: a trap into a handler in the
        // same mode and its xRET stay in the loop (trap-heavy code ran ~3x slower when each of them
        // ended the call).
        const op = meta & 0x7f;
        h.pc = pc >>> 0; h.retired = base + n; h.ilen = 4 - ((meta >>> 6) & 2);
        const s = op === Op.SYSTEM ? h.executeSystem(imm) : op === Op.AMO ? h.executeAtomic(imm) : h.illegal(imm);
        if (s !== Stop.Continue || jit !== undefined || !h.interpreterGoesOn(priv, dataPriv, imm)) return s;
        pc = h.pc | 0; n = (h.retired - base) | 0;
        if (op === Op.SYSTEM && imm >>> 25 === 0x09) pageVpn = -1; // SFENCE.VMA: the code page may have moved
        continue;
      }
    }
    break;
  }
  h.pc = pc >>> 0;
  h.retired = base + n;
  return stop;
}
