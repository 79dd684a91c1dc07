// The block translator's code generator: guest code of one virtual page, as seen from one context
// (privilege, misa.C, translation on or off), becomes one JavaScript function. Basic blocks are found
// from an entry by following direct branches and jumps that stay in the page; each block is a `case`
// of a switch inside a loop, so jumps between them never leave the function, and guest registers
// live in JavaScript locals for the whole call. Every exit — the end of the page, an indirect jump
// out, a trap in the middle of a block, a budget that does not cover the next block — writes the
// registers back and leaves pc, retired and the CSRs exactly as the interpreter would.
import { CSR_ROWS } from "../../csr/definitions.js";
import { Exception } from "../../isa/cause.js";
import { Csr } from "../../isa/csr-addr.js";
import { rvcAt } from "../../isa/rvc.js";
import { csrWriteStops } from "../stop.js";

/** Context bits a translation depends on (part of its cache key). */
export const Ctx = {
  /** Privilege 0, 1 or 3 in bits 1:0. */
  PRIV: 3,
  /** misa.C: 16-bit instructions decode, IALIGN = 16. */
  C: 4,
  /** Loads and stores go through the fast TLB (Sv32 or PMP applies to the effective data privilege). */
  DATA_CHECKED: 8,
  /** Fetches are translated or PMP-checked (the page was checked once, at translation). */
  FETCH_CHECKED: 16,
} as const;

/** What a translated function returns besides Stop values: the next block does not fit in the budget. */
export const FALLBACK = 5;
/** Stop.Continue after a jump out of the function: control landed at pc (the dispatcher may translate there). */
export const JUMPED = 6;

/** Largest number of guest instructions in one translated function (V8 stops optimizing huge functions). */
export const MAX_REGION_INSNS = 600;
const MAX_BLOCK_INSNS = 64;

export interface Machine32 {
  ramBase: number;
  ramSize: number;
  /** The extensions the hart was built with (M and A cannot be switched off at run time). */
  m: boolean;
  a: boolean;
  /** Traps into M run the host monitor in place (Hart.monitorHook): it reads and writes registers. */
  monitor: boolean;
}

interface Insn {
  pc: number;
  /** The bits fetched: 16 for RVC, 32 otherwise. */
  raw: number;
  /** The 32-bit instruction (RVC expanded; 0 when the 16 bits are not a valid RVC instruction). */
  insn: number;
  len: 2 | 4;
}

interface Block {
  pc: number;
  insns: Insn[];
  /** Where control goes after the last instruction when it does not jump or stop: the next pc. */
  fallthrough: number | undefined;
}

export interface Translation {
  /** Source of a factory: `new Function("env", source)(env)` gives `(block, limit) => stop`. */
  source: string;
  /** Block start pcs, in the order of their case index. */
  blockPcs: number[];
  /** [pc, len] of every instruction translated (the words the translation depends on). */
  code: [number, number][];
}

const enum Kind {
  Plain, // falls through to the next instruction
  Stop, // ends the block; execution continues at pc+len through the dispatcher
  End, // ends the block; control leaves by a jump, a trap or a helper
}

/** CSRs whose accesses translate inline: plain storage, no side effects, no extra access rule. */
const INLINE_CSRS = new Map<number, { field: string; read: "plain" | "epc"; write: "plain" | "epc" | "tvec" }>([
  [Csr.mscratch, { field: "mscratch", read: "plain", write: "plain" }],
  [Csr.mcause, { field: "mcause", read: "plain", write: "plain" }],
  [Csr.mtval, { field: "mtval", read: "plain", write: "plain" }],
  [Csr.mepc, { field: "mepc", read: "epc", write: "epc" }],
  [Csr.mtvec, { field: "mtvec", read: "plain", write: "tvec" }],
  [Csr.sscratch, { field: "sscratch", read: "plain", write: "plain" }],
  [Csr.scause, { field: "scause", read: "plain", write: "plain" }],
  [Csr.stval, { field: "stval", read: "plain", write: "plain" }],
  [Csr.sepc, { field: "sepc", read: "epc", write: "epc" }],
  [Csr.stvec, { field: "stvec", read: "plain", write: "tvec" }],
]);

function isCsr(insn: number): boolean {
  const f3 = (insn >>> 12) & 7;
  return (insn & 0x7f) === 0x73 && f3 !== 0 && f3 !== 4;
}

/** A CSR instruction the address bits, the privilege or a missing CSR make illegal, known at translation (2.1). */
function csrIllegalStatically(insn: number, priv: number): boolean {
  const addr = insn >>> 20;
  const f3 = (insn >>> 12) & 7;
  const src = (insn >>> 15) & 31;
  const writes = (f3 & 3) === 1 || src !== 0;
  if (!CSR_ROWS[addr]) return true;
  if (priv < ((addr >>> 8) & 3)) return true;
  return writes && addr >>> 10 === 3;
}

/** How an instruction affects the shape of a block, mirroring the interpreter's decode exactly. */
function classify(i: Insn, priv: number, m32: Machine32): Kind {
  const insn = i.insn;
  if (insn === 0) return Kind.End; // invalid RVC: illegal instruction
  const f3 = (insn >>> 12) & 7;
  switch (insn & 0x7f) {
    case 0x37: case 0x17: return Kind.Plain;
    case 0x6f: return Kind.End;
    case 0x67: return Kind.End;
    case 0x63: return Kind.End;
    case 0x03: return f3 === 3 || f3 > 5 ? Kind.End : Kind.Plain;
    case 0x23: return f3 > 2 ? Kind.End : Kind.Plain;
    case 0x13:
      if (f3 === 1) return insn >>> 25 === 0 ? Kind.Plain : Kind.End;
      if (f3 === 5) return insn >>> 25 === 0 || insn >>> 25 === 0x20 ? Kind.Plain : Kind.End;
      return Kind.Plain;
    case 0x33: {
      const f7 = insn >>> 25;
      if (f7 === 0 || (f7 === 1 && m32.m) || (f7 === 0x20 && (f3 === 0 || f3 === 5))) return Kind.Plain;
      return Kind.End;
    }
    case 0x0f: return f3 === 0 ? Kind.Plain : f3 === 1 ? Kind.Stop : Kind.End;
    case 0x2f: return m32.a ? Kind.Plain : Kind.End;
    case 0x73:
      if (!isCsr(insn)) return Kind.End;
      if (csrIllegalStatically(insn, priv)) return Kind.End;
      return csrWriteStops(insn) ? Kind.Stop : Kind.Plain;
    default: return Kind.End;
  }
}

/**
 * Find the blocks reachable from `entries` without leaving the virtual page of entries[0], and
 * generate the function. `half(va)` reads 16 bits of code in that page.
 */
export function translate(entries: readonly number[], ctx: number, m32: Machine32, half: (va: number) => number, seen: (pc: number) => boolean = () => true): Translation {
  const priv = ctx & Ctx.PRIV;
  const cOn = (ctx & Ctx.C) !== 0;
  const vpage = entries[0]! >>> 12;
  const inPage = (pc: number): boolean => pc >>> 12 === vpage;

  const fetch = (pc: number): Insn | undefined => {
    const lo = half(pc);
    if (cOn && (lo & 3) !== 3) return { pc, raw: lo, insn: rvcAt(lo), len: 2 };
    if ((pc & 0xfff) > 0xffc) return undefined; // a 32-bit instruction straddling the page: the interpreter's
    const raw = (lo | (half(pc + 2) << 16)) >>> 0;
    return { pc, raw, insn: raw | 0, len: 4 };
  };

  const blocks = new Map<number, Block>();
  const queue = [...entries];
  const first = new Set(entries);
  let total = 0;
  while (queue.length > 0 && total < MAX_REGION_INSNS) {
    const start = queue.shift()!;
    // Only code that has run (per `seen`) joins: a block never executed before V8 optimizes the
    // function would cost a deoptimization when first reached. The rest leaves through the dispatcher.
    if (blocks.has(start) || !inPage(start) || (!first.has(start) && !seen(start))) continue;
    const insns: Insn[] = [];
    let pc = start;
    let fallthrough: number | undefined;
    for (;;) {
      if (!inPage(pc) || insns.length >= MAX_BLOCK_INSNS || total >= MAX_REGION_INSNS) { fallthrough = pc; break; }
      const i = fetch(pc);
      if (!i) { fallthrough = pc; break; }
      insns.push(i);
      total++;
      const next = (pc + i.len) >>> 0;
      const kind = classify(i, priv, m32);
      if (kind === Kind.Plain) { pc = next; continue; }
      if (kind === Kind.Stop) { queue.push(next); break; }
      // Successors that stay in the page become blocks of this function too.
      const insn = i.insn;
      const op = insn & 0x7f;
      if (op === 0x63) {
        queue.push((pc + branchOffset(insn)) >>> 0, next);
      } else if (op === 0x6f) {
        queue.push((pc + jalOffset(insn)) >>> 0);
        if (((insn >>> 7) & 31) !== 0) queue.push(next); // a call: its return lands here
      } else if (op === 0x67 || op === 0x73) {
        queue.push(next); // after a call through a register, a trap handled elsewhere, an xRET
      }
      break;
    }
    if (insns.length > 0) blocks.set(start, { pc: start, insns, fallthrough });
  }
  const order = [...blocks.values()];
  const index = new Map(order.map((b, k) => [b.pc, k]));
  const gen = new Generator(ctx, m32, index);
  gen.name = `tr_${(entries[0]! >>> 0).toString(16)}_${ctx}`;
  gen.outside = ((vpage + 1) * 4096) >>> 0;
  for (const b of order) gen.block(b);
  const code: [number, number][] = [];
  for (const b of order) for (const i of b.insns) code.push([i.pc, i.len]);
  return { source: gen.finish(), blockPcs: order.map((b) => b.pc), code };
}

const branchOffset = (insn: number): number =>
  ((insn >> 19) & ~0xfff) | ((insn << 4) & 0x800) | ((insn >>> 20) & 0x7e0) | ((insn >>> 7) & 0x1e);
const jalOffset = (insn: number): number =>
  ((insn >> 11) & ~0xfffff) | (insn & 0xff000) | ((insn >>> 9) & 0x800) | ((insn >>> 20) & 0x7fe);

const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;

/** What a block's way out leaves in `b` (a block index, when it goes on in this function, is >= 0). */
export const LEAVE = -9; // leave the function (pc, st set)
export const DISPATCH = -1; // an indirect jump: go on here if pc is one of our blocks, else leave
export const RESUME = -2; // after a trap or xRET: the same, if the hart is still in this function's context
/** Only for Jit.prime: leave as a load or store's slow path does. */
export const PRIME_SLOW = -4;

/**
 * Writes the function. Each block is a `case` whose body is a labeled statement `e: { ... }`: every
 * way out sets `b` (and n, pc, st) and breaks out of it into the block's one epilogue, which stores
 * the registers the block wrote and loops back to the switch. Blocks go on to blocks through that
 * loop; leaving the function, a DISPATCH or a RESUME goes through the switch's `default`.
 */
class Generator {
  private readonly out: string[] = [];
  /** Guest registers the current block reads or writes: its locals, loaded from x when it starts. */
  private readonly used = new Set<number>();
  /** Registers the current block writes: stored back to x by its epilogue. */
  private readonly written = new Set<number>();
  private readonly priv: number;
  private readonly cOn: boolean;
  private readonly checked: boolean;

  constructor(private readonly ctx: number, private readonly m32: Machine32, private readonly index: Map<number, number>) {
    this.priv = ctx & Ctx.PRIV;
    this.cOn = (ctx & Ctx.C) !== 0;
    this.checked = (ctx & Ctx.DATA_CHECKED) !== 0;
  }

  private r(i: number): string {
    if (i === 0) return "0";
    this.used.add(i);
    return `r${i}`;
  }

  /** `rd = expr;` (nothing for x0, whose writes are discarded). */
  private set(rd: number, expr: string): string {
    if (rd === 0) return "";
    this.used.add(rd);
    this.written.add(rd);
    return `r${rd} = ${expr};`;
  }

  /** Leave the function with `pc` next, after `k` instructions of the block retired. */
  private exit(pc: string, k: number, stop = 4): string {
    return `n += ${k}; pc = ${pc}; st = ${stop}; b = ${LEAVE}; break e;`;
  }

  /**
   * Continue at a known pc, `k` more instructions retired (0: already counted): inside the function
   * when it is a block here, else leave (a jump: the dispatcher may translate code there when it is
   * hot). Only locals change on these paths: V8 optimizes a function after little use, and an
   * operation that had not run by then (an `n += k` or a property store on the way not yet taken)
   * deoptimizes the whole function when it first runs (see Jit.prime).
   */
  private goto(target: number, k: number): string {
    const b = this.index.get(target);
    const count = k === 0 ? "" : `n += ${k}; `;
    if (b !== undefined) return `${count}b = ${b}; break e;`;
    return `${count}pc = ${hex(target)}; st = ${JUMPED}; b = ${LEAVE}; break e;`;
  }

  /**
   * Where a call may run the host monitor (a trap into M on a machine with one): the registers the
   * block wrote go to x first, and a way out after such a call skips the epilogue (`continue d`),
   * whose stale locals would overwrite what the monitor wrote (SBI results, emulated loads).
   */
  private beforeMonitor(): string {
    return this.m32.monitor ? this.storeWritten() : "";
  }

  private afterMonitor(): string {
    return this.m32.monitor ? "continue d;" : "break e;";
  }

  private storeWritten(): string {
    return [...this.written].map((r) => `x[${r}] = r${r};`).join(" ");
  }

  /** Take an exception at the instruction at `pc` (k instructions before it retired); see RESUME. */
  private trap(cause: number, tval: string, pc: number, k: number): string {
    this.resumes = true;
    return `${this.beforeMonitor()} n += ${k}; h.retired = R0 + n; st = h.trap(${cause}, false, ${tval}, ${hex(pc)}); pc = h.pc; b = ${RESUME}; ${this.afterMonitor()}`;
  }

  /** Prepare a helper call: the hart sees the instruction's pc, length and the instructions retired before it. */
  private sync(i: Insn, k: number): string {
    return `h.pc = ${hex(i.pc)}; h.ilen = ${i.len}; h.retired = R0 + n + ${k};`;
  }

  /**
   * Before a helper that reads and writes registers through x (and may run the monitor): store every
   * register written so far. A way out after the helper then skips the epilogue (`continue d`).
   */
  private beforeHelper(rd: number): string {
    if (rd !== 0) this.used.add(rd);
    return this.storeWritten();
  }

  /** After such a helper: rd's local takes what the helper left in x. */
  private reload(rd: number): string {
    return rd === 0 ? "" : `r${rd} = x[${rd}];`;
  }

  block(b: Block): void {
    const len = b.insns.length;
    this.used.clear();
    this.written.clear();
    const body: string[] = [];
    let ended = false;
    for (let k = 0; k < len && !ended; k++) {
      this.ends = false;
      body.push(this.insn(b.insns[k]!, k));
      ended = this.ends;
    }
    if (!ended) {
      // The block stopped at a page end, a size limit or an instruction that needs the dispatcher.
      body.push(b.fallthrough !== undefined ? this.goto(b.fallthrough, len) : this.exit(hex((b.insns[len - 1]!.pc + b.insns[len - 1]!.len) >>> 0), len));
    }
    const regs = [...this.used].sort((p, q) => p - q);
    const store = [...this.written].sort((p, q) => p - q).map((r) => `x[${r}] = r${r};`).join(" ");
    this.out.push(`case ${this.index.get(b.pc)}: {`,
      `if (n > limit - ${len}) { pc = ${hex(b.pc)}; st = ${FALLBACK}; break d; }`,
      regs.length ? `let ${regs.map((r) => `r${r} = x[${r}]`).join(", ")};` : "",
      "e: {", ...body, "}", `${store} continue d;`, "}");
  }

  /** Set by `insn` when the code it returned always leaves the block. (A string result, not an
   *  object: Node 20's optimizing compiler miscompiled `{ code, end }` results from this switch.) */
  private ends = false;

  /** Code that always leaves the block. */
  private end(code: string): string {
    this.ends = true;
    return code;
  }

  /** One instruction's code (see `ends`). */
  private insn(i: Insn, k: number): string {
    const insn = i.insn;
    const pc = i.pc;
    const next = (pc + i.len) >>> 0;
    const rd = (insn >>> 7) & 31, rs1 = (insn >>> 15) & 31, rs2 = (insn >>> 20) & 31;
    const f3 = (insn >>> 12) & 7;
    const illegal = (): string => this.end(this.trap(Exception.IllegalInstruction, hex(i.raw), pc, k));
    if (insn === 0) return illegal();
    const alignMask = this.cOn ? 1 : 3;
    switch (insn & 0x7f) {
      case 0x37: return this.set(rd, `${insn & 0xfffff000}`);
      case 0x17: return this.set(rd, `${(pc + (insn & 0xfffff000)) | 0}`);
      case 0x6f: {
        const target = (pc + jalOffset(insn)) >>> 0;
        if (target & alignMask) return this.end(this.trap(Exception.InstructionMisaligned, hex(target), pc, k));
        return this.end(this.set(rd, `${next | 0}`) + this.goto(target, k + 1));
      }
      case 0x67: {
        if (f3 !== 0) return illegal();
        const base = this.r(rs1);
        const check = this.cOn ? "" : `if (a & 2) { ${this.trap(Exception.InstructionMisaligned, "a >>> 0", pc, k)} }`;
        const link = this.set(rd, `${next | 0}`);
        this.dispatches = true;
        return this.end(`a = (${base} + ${insn >> 20}) & -2; ${check} ${link} pc = a >>> 0; n += ${k + 1}; st = 4; b = ${DISPATCH}; break e;`);
      }
      case 0x63: {
        const a = this.r(rs1), b = this.r(rs2);
        let cond: string;
        switch (f3) {
          case 0: cond = `${a} === ${b}`; break;
          case 1: cond = `${a} !== ${b}`; break;
          case 4: cond = `${a} < ${b}`; break;
          case 5: cond = `${a} >= ${b}`; break;
          case 6: cond = `(${a} >>> 0) < (${b} >>> 0)`; break;
          case 7: cond = `(${a} >>> 0) >= (${b} >>> 0)`; break;
          default: return illegal();
        }
        const target = (pc + branchOffset(insn)) >>> 0;
        if (target & alignMask) {
          return this.end(`if (${cond}) { ${this.trap(Exception.InstructionMisaligned, hex(target), pc, k)} } ${this.goto(next, k + 1)}`);
        }
        // Both ways retire the branch: counted once, before it (see goto).
        return this.end(`n += ${k + 1}; if (${cond}) { ${this.goto(target, 0)} } ${this.goto(next, 0)}`);
      }
      case 0x03: return this.load(i, k, rd, rs1, f3);
      case 0x23: return this.store(i, k, rs1, rs2, f3);
      case 0x13: {
        const a = this.r(rs1);
        const imm = insn >> 20;
        let e: string;
        switch (f3) {
          case 0: e = `(${a} + ${imm}) | 0`; break;
          case 2: e = `${a} < ${imm} ? 1 : 0`; break;
          case 3: e = `(${a} >>> 0) < ${imm >>> 0} ? 1 : 0`; break;
          case 4: e = `${a} ^ ${imm}`; break;
          case 6: e = `${a} | ${imm}`; break;
          case 7: e = `${a} & ${imm}`; break;
          case 1:
            if (insn >>> 25 !== 0) return illegal();
            e = `${a} << ${rs2}`;
            break;
          default:
            if (insn >>> 25 === 0) e = `(${a} >>> ${rs2}) | 0`;
            else if (insn >>> 25 === 0x20) e = `${a} >> ${rs2}`;
            else return illegal();
        }
        return this.set(rd, e);
      }
      case 0x33: {
        const a = this.r(rs1), b = this.r(rs2);
        const f7 = insn >>> 25;
        let e: string;
        if (f7 === 0) {
          e = [`(${a} + ${b}) | 0`, `${a} << ${b}`, `${a} < ${b} ? 1 : 0`, `(${a} >>> 0) < (${b} >>> 0) ? 1 : 0`,
            `${a} ^ ${b}`, `(${a} >>> ${b}) | 0`, `${a} | ${b}`, `${a} & ${b}`][f3]!;
        } else if (f7 === 1 && this.m32.m) {
          e = [
            `Math.imul(${a}, ${b})`, `mulh(${a}, ${b})`, `mulhsu(${a}, ${b})`, `mulhu(${a}, ${b})`,
            // Division by zero and overflow have defined results, no trap (unpriv. 13.2).
            `${b} === 0 ? -1 : ${a} === -2147483648 && ${b} === -1 ? ${a} : (${a} / ${b}) | 0`,
            `${b} === 0 ? -1 : ((${a} >>> 0) / (${b} >>> 0)) | 0`,
            `${b} === 0 ? ${a} : ${a} === -2147483648 && ${b} === -1 ? 0 : (${a} % ${b}) | 0`,
            `${b} === 0 ? ${a} : ((${a} >>> 0) % (${b} >>> 0)) | 0`,
          ][f3]!;
        } else if (f7 === 0x20 && f3 === 0) e = `(${a} - ${b}) | 0`;
        else if (f7 === 0x20 && f3 === 5) e = `${a} >> ${b}`;
        else return illegal();
        return this.set(rd, e);
      }
      case 0x0f:
        if (f3 === 0) return ""; // FENCE: one in-order hart
        if (f3 === 1) return this.end(this.exit(hex(next), k + 1)); // FENCE.I: fetch anew
        return illegal();
      case 0x2f: {
        if (!this.m32.a) return illegal();
        // The helper reads and writes registers through x (rd keeps its value if it traps).
        const flush = this.beforeHelper(rd);
        return `${flush} ${this.sync(i, k)} s = h.executeAtomic(${insn | 0}); ${this.reload(rd)}` +
          ` if (s !== 4 || h.retired !== R0 + n + ${k + 1}) { n = h.retired - R0; pc = h.pc; st = s; b = ${LEAVE}; continue d; }`;
      }
      case 0x73: return this.system(i, k);
      default: return illegal();
    }
  }

  /** `case pc: b = k; continue d;` for every block of the function (indirect jumps, RESUME). */
  private localTargets(): string {
    if (this.index.size > 64) return "";
    return [...this.index].map(([pc, k]) => `case ${hex(pc)}: b = ${k}; continue d;`).join(" ");
  }

  private load(i: Insn, k: number, rd: number, rs1: number, f3: number): string {
    if (f3 === 3 || f3 > 5) return this.end(this.trap(Exception.IllegalInstruction, hex(i.raw), i.pc, k));
    const width = 1 << (f3 & 3);
    const view = ["m8[o]", "m16[o >> 1]", "m32[o >> 2]", "", "u8[o]", "u16[o >> 1]"][f3]!;
    const addr = `a = (${this.r(rs1)} + ${i.insn >> 20}) | 0;`;
    const fast = this.checked
      ? `i = tb + ((a >>> 12) & 255); if (ltag[i] === (a >>> 12)${width > 1 ? ` && (a & ${width - 1}) === 0` : ""}) { o = loff[i] + (a & 4095); ${this.set(rd, view)} }`
      : `o = (a - ${this.m32.ramBase | 0}) | 0; if ((o >>> 0) <= ${this.m32.ramSize - width}${width > 1 ? ` && (o & ${width - 1}) === 0` : ""}) { ${this.set(rd, view)} }`;
    // Leaving after a device read (1), rd takes the value; after a trap (2) it keeps its own.
    const keep = rd ? ` if (h.slowStatus === 1) r${rd} = v;` : "";
    const trapped = this.m32.monitor ? ` if (h.slowStatus === 2) continue d;` : "";
    const slow = `${this.beforeMonitor()} v = h.loadSlow(a, ${f3}, ${hex(i.pc)}, R0 + n + ${k}, ${i.len}); if (h.slowStatus !== 0) {${keep} st = -1; b = ${LEAVE};${trapped} break e; } ${this.set(rd, "v")}`;
    return `${addr} ${fast} else { ${slow} }`;
  }

  private store(i: Insn, k: number, rs1: number, rs2: number, f3: number): string {
    if (f3 > 2) return this.end(this.trap(Exception.IllegalInstruction, hex(i.raw), i.pc, k));
    const insn = i.insn;
    const imm = ((insn >> 20) & ~0x1f) | ((insn >>> 7) & 0x1f);
    const width = 1 << f3;
    const value = this.r(rs2);
    const view = ["m8[o]", "m16[o >> 1]", "m32[o >> 2]"][f3]!;
    const addr = `a = (${this.r(rs1)} + ${imm}) | 0;`;
    const fast = this.checked
      ? `i = tb + ((a >>> 12) & 255); if (stag[i] === (a >>> 12)${width > 1 ? ` && (a & ${width - 1}) === 0` : ""}) { o = soff[i] + (a & 4095); ${view} = ${value}; }`
      : `o = (a - ${this.m32.ramBase | 0}) | 0; if ((o >>> 0) <= ${this.m32.ramSize - width}${width > 1 ? ` && (o & ${width - 1}) === 0` : ""} && flags[o >> 12] === 0) { ${view} = ${value}; }`;
    const trapped = this.m32.monitor ? ` if (h.slowStatus === 2) continue d;` : "";
    const slow = `${this.beforeMonitor()} if (h.storeSlow(a, ${f3}, ${value}, ${hex(i.pc)}, R0 + n + ${k}, ${i.len}) !== 0) { st = -1; b = ${LEAVE};${trapped} break e; }`;
    return `${addr} ${fast} else { ${slow} }`;
  }

  private system(i: Insn, k: number): string {
    const insn = i.insn;
    const pc = i.pc;
    const rd = (insn >>> 7) & 31, src = (insn >>> 15) & 31;
    const f3 = (insn >>> 12) & 7;
    const priv = this.priv;
    if (isCsr(insn)) {
      if (csrIllegalStatically(insn, priv)) return this.end(this.trap(Exception.IllegalInstruction, hex(i.raw), pc, k));
      const addr = insn >>> 20;
      const kind = f3 & 3;
      const writes = kind === 1 || src !== 0;
      const reads = kind !== 1 || rd !== 0;
      const inline = INLINE_CSRS.get(addr);
      if (inline) {
        const field = `csr.${inline.field}`;
        const epcMask = this.cOn ? -2 : -4;
        const read = inline.read === "epc" ? `(${field} & ${epcMask})` : `(${field} | 0)`;
        const operand = f3 & 4 ? `${src}` : this.r(src);
        let code = `o = ${operand}; v = ${reads ? read : "0"};`;
        if (writes) {
          const value = kind === 1 ? "o" : kind === 2 ? "(v | o)" : "(v & ~o)";
          const legal = inline.write === "epc" ? `(${value} & -2)` : inline.write === "tvec" ? `(${value} & -3)` : value;
          code += ` ${field} = ${legal} >>> 0;`;
        }
        code += ` ${this.set(rd, "v")}`;
        return code;
      }
      // Everything else through the hart's CSR path (access rules, side effects, counters).
      const flush = this.beforeHelper(rd);
      const reload = this.reload(rd);
      if (csrWriteStops(insn)) {
        return this.end(`${flush} ${this.sync(i, k)} s = h.executeSystem(${insn | 0}); ${reload} n = h.retired - R0; pc = h.pc; st = s; b = ${LEAVE}; continue d;`);
      }
      return `${flush} ${this.sync(i, k)} s = h.executeSystem(${insn | 0}); ${reload}` +
        ` if (s !== 4 || h.retired !== R0 + n + ${k + 1}) { n = h.retired - R0; pc = h.pc; st = s; b = ${LEAVE}; continue d; }`;
    }
    switch (insn >>> 0) {
      case 0x00000073: { // ECALL: cause by the mode it came from; not retired
        const cause = priv === 3 ? Exception.EcallFromM : priv === 1 ? Exception.EcallFromS : Exception.EcallFromU;
        return this.end(this.trap(cause, "0", pc, k));
      }
      case 0x00100073: // EBREAK: xtval = pc (3.1.16)
        return this.end(this.trap(Exception.Breakpoint, hex(pc), pc, k));
      default: {
        // MRET, SRET, WFI, SFENCE.VMA (or an illegal SYSTEM encoding): the hart's own path, then RESUME.
        const flush = this.beforeHelper(0);
        this.resumes = true;
        return this.end(`${flush} ${this.sync(i, k)} s = h.executeSystem(${insn | 0}); n = h.retired - R0; pc = h.pc; st = s; b = ${RESUME}; continue d;`);
      }
    }
  }

  /** The function's name in profiles and traces: tr_<first pc>_<context>. */
  name = "translated";
  /** An address outside the function's page (the next page's). */
  outside = 0;
  /** Some block jumps through a register (DISPATCH) or traps or returns from one (RESUME): the
   *  function's `default` looks for pc among its blocks (code V8 need not compile otherwise). */
  private dispatches = false;
  private resumes = false;

  finish(): string {
    // RESUME goes on here only in this function's context: same privilege, nothing pending, nobody
    // watching traps, same translation context (a guest's handler and the code it returns to then
    // run without leaving translated code).
    const local = this.dispatches || this.resumes ? this.localTargets() : "";
    const resumable = `st === 4 && h.priv === ${this.priv} && (csr.mip & csr.mie) === 0 && !h.stopAfterTrap && jit.context() === ${this.ctx}`;
    const dispatch = local
      ? `${this.resumes ? `if (b === ${RESUME} && !(${resumable})) break d;` : ""}
        switch (pc) { ${local} }`
      : "";
    // pc and st start as values of the kinds they take (pc: an address outside this page, st: a
    // Stop), so Jit.prime's calls give V8 the right feedback for the ways out.
    return `"use strict";
const { h, jit, x, m8, m16, m32, u8, u16, flags, ltag, loff, stag, soff, mulh, mulhu, mulhsu } = env;
return function ${this.name}(b, limit) {
  const csr = h.csr;
  const R0 = h.retired;
  const tb = ${this.checked ? "h.tlbBase()" : "0"};
  let n = 0, pc = ${hex(this.outside)}, st = 4, a = 0, o = 0, i = 0, v = 0, s = 0;
  d: for (;;) {
    switch (b) {
${this.out.join("\n")}
      default:
        if (b === ${LEAVE}) break d;
        if (b === ${PRIME_SLOW}) { st = -1; break d; }
        ${dispatch}
        if (b === ${DISPATCH}) st = ${JUMPED};
        break d;
    }
  }
  if (st === -1) {
    // A load or store left through its slow path: the hart has its pc, length and instructions retired.
    n = h.retired - R0;
    if (h.slowStatus === 2) { pc = h.pc; st = h.slowStop; }
    else { n++; pc = (h.pc + h.ilen) >>> 0; st = 1; }
  }
  h.pc = pc;
  h.retired = R0 + n;
  return st;
};`;
  }
}
