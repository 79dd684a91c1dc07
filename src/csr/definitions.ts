import type { Hart } from "../hart/hart.js";
import { Csr } from "../isa/csr-addr.js";
import {
  ALL_INTERRUPTS, DELEGABLE_EXCEPTIONS, MENVCFGH_STCE, MIP, MPP_SHIFT, MSTATUS, S_INTERRUPTS, SSTATUS_VIEW,
  misaLetter, warl,
} from "./bits.js";

/** Everything about one CSR (DESIGN.md example 4). Rights come from the address (csr-file access rule). */
export interface CsrRow {
  readonly name: string;
  read(h: Hart): number;
  /** Absent: writes are accepted and ignored (read-only-zero WARL fields). */
  write?(h: Hart, value: number): void;
  /** The value a read-modify-write (CSRRS/CSRRC) starts from, when it differs from read (mip.SEIP, 3.1.9). */
  readForUpdate?(h: Hart): number;
  /** An access rule beyond the address bits (counter enables, TVM); false means illegal instruction. */
  allowed?(h: Hart): boolean;
}

const MASK64 = (1n << 64n) - 1n;
const lo32 = (v: bigint): number => Number(v & 0xffffffffn);
const hi32 = (v: bigint): number => Number((v >> 32n) & 0xffffffffn);
const withLo = (v: bigint, lo: number): bigint => (v & 0xffffffff00000000n) | BigInt(lo >>> 0);
const withHi = (v: bigint, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | (v & 0xffffffffn);

const INHIBIT_CY = 1 << 0;
const INHIBIT_IR = 1 << 2;

export function readCycle(h: Hart): bigint {
  const c = h.csr;
  return c.mcountinhibit & INHIBIT_CY ? c.cycleFrozen : (BigInt(h.retired) + c.cycleDelta) & MASK64;
}
export function readInstret(h: Hart): bigint {
  const c = h.csr;
  return c.mcountinhibit & INHIBIT_IR ? c.instretFrozen : (BigInt(h.retired) + c.instretDelta) & MASK64;
}
/**
 * The low or high word of retired + delta (mod 2^64), as a double while that sum is exact (below
 * 2^53): counter reads are frequent (a kernel's clock), and each BigInt they built was garbage.
 */
function counterHalf(retired: number, delta: bigint, hi: boolean): number {
  const v = retired + Number(delta); // |delta| >= 2^53 gives |v| >= 2^53 - retired: the BigInt path
  if (v >= 0 && v < 2 ** 53) return hi ? Math.floor(v / 2 ** 32) : v % 2 ** 32;
  const b = (BigInt(retired) + delta) & MASK64;
  return hi ? hi32(b) : lo32(b);
}
function cycleHalf(h: Hart, hi: boolean): number {
  const c = h.csr;
  if (c.mcountinhibit & INHIBIT_CY) return hi ? hi32(c.cycleFrozen) : lo32(c.cycleFrozen);
  return counterHalf(h.retired, c.cycleDelta, hi);
}
function instretHalf(h: Hart, hi: boolean): number {
  const c = h.csr;
  if (c.mcountinhibit & INHIBIT_IR) return hi ? hi32(c.instretFrozen) : lo32(c.instretFrozen);
  return counterHalf(h.retired, c.instretDelta, hi);
}
// A CSR write to a counter replaces the increment of the writing instruction (unpriv. spec, Zicntr).
function writeCycle(h: Hart, v: bigint): void {
  const c = h.csr;
  if (c.mcountinhibit & INHIBIT_CY) c.cycleFrozen = v;
  else c.cycleDelta = v - BigInt(h.retired + 1);
}
function writeInstret(h: Hart, v: bigint): void {
  const c = h.csr;
  if (c.mcountinhibit & INHIBIT_IR) c.instretFrozen = v;
  else c.instretDelta = v - BigInt(h.retired + 1);
}

/** cycle/time/instret/hpmcounter readable below M only where mcounteren (and for U, scounteren) allow (3.1.11). */
function counterEnabled(bit: number) {
  return (h: Hart): boolean => {
    if (h.priv === 3) return true;
    if (!((h.csr.mcounteren >>> bit) & 1)) return false;
    return h.priv === 1 || ((h.csr.scounteren >>> bit) & 1) === 1;
  };
}

/** TVM makes satp inaccessible from S-mode (3.1.6.5). */
const notTrappedByTvm = (h: Hart): boolean => !(h.priv === 1 && h.csr.mstatus & MSTATUS.TVM);

function mstatusWritable(h: Hart): number {
  let m = MSTATUS.SIE | MSTATUS.MIE | MSTATUS.SPIE | MSTATUS.MPIE | MSTATUS.SPP | MSTATUS.MPP |
    MSTATUS.MPRV | MSTATUS.MXR | MSTATUS.TVM | MSTATUS.TW | MSTATUS.TSR;
  // SUM is read-only 0 while satp.MODE is read-only 0 (3.1.6.3).
  if (h.config.sv32) m |= MSTATUS.SUM;
  return m;
}

function writeMstatus(h: Hart, value: number, mask: number): void {
  const old = h.csr.mstatus;
  let next = warl(old, value, mask);
  // MPP is WARL over {U, S, M}: an attempt to write 2 (reserved) keeps the old mode (3.1.6.1).
  if (((next >>> MPP_SHIFT) & 3) === 2) next = (next & ~MSTATUS.MPP) | (old & MSTATUS.MPP);
  h.csr.mstatus = next >>> 0;
  // MXR changes what cached load translations allow (SUM selects a separate fast-TLB set).
  if ((old ^ next) & MSTATUS.MXR) h.translationsChanged();
}

/** xepc: bit 0 is always zero; bit 1 reads zero while IALIGN=32 (3.1.14). */
const epcReadMask = (h: Hart): number => (h.csr.misa & misaLetter("C") ? ~1 : ~3);

/** xtvec: MODE is 0 (direct) or 1 (vectored); bit 1 is hardwired to zero so MODE >= 2 cannot be held (3.1.7). */
const tvecLegal = (value: number): number => (value & ~2) >>> 0;

function pmpLocked(h: Hart, i: number): boolean {
  return ((h.csr.pmpcfg[i] ?? 0) & 0x80) !== 0;
}
function writePmpcfg(h: Hart, reg: number, value: number): void {
  for (let b = 0; b < 4; b++) {
    const i = reg * 4 + b;
    if (pmpLocked(h, i)) continue; // locked entries ignore writes (3.7.1)
    let cfg = (value >>> (8 * b)) & 0x9f; // bits 6:5 are reserved zero
    if ((cfg & 3) === 2) cfg &= ~2; // R=0,W=1 is reserved: W is cleared
    h.csr.pmpcfg[i] = cfg;
  }
}
function writePmpaddr(h: Hart, i: number, value: number): void {
  if (pmpLocked(h, i)) return;
  // A locked TOR entry also locks the address register below it (3.7.1).
  const next = h.csr.pmpcfg[i + 1] ?? 0;
  if (i + 1 < 64 && next & 0x80 && ((next >>> 3) & 3) === 1) return;
  h.csr.pmpaddr[i] = value >>> 0;
}

function buildRows(): (CsrRow | undefined)[] {
  const rows: (CsrRow | undefined)[] = new Array(4096).fill(undefined);
  const def = (addr: number, row: CsrRow): void => {
    if (rows[addr]) throw new Error(`CSR 0x${addr.toString(16)} defined twice`);
    rows[addr] = row;
  };
  const zero = (name: string, allowed?: (h: Hart) => boolean): CsrRow =>
    allowed ? { name, read: () => 0, allowed } : { name, read: () => 0 };

  // Machine information registers (3.1.2-3.1.5, 3.1.17): read-only, all zero on this hart.
  def(Csr.mvendorid, zero("mvendorid"));
  def(Csr.marchid, zero("marchid"));
  def(Csr.mimpid, zero("mimpid"));
  def(Csr.mhartid, { name: "mhartid", read: (h) => h.config.hartId });
  def(Csr.mconfigptr, zero("mconfigptr"));

  def(Csr.mstatus, { name: "mstatus", read: (h) => h.csr.mstatus, write: (h, v) => writeMstatus(h, v, mstatusWritable(h)) });
  def(Csr.mstatush, zero("mstatush")); // MBE/SBE read-only 0: little-endian only
  // misa: the extension set is fixed when the machine is built, except that C can be turned off and
  // on again. Clearing C is suppressed when the next instruction is not 4-byte aligned (3.1.1).
  def(Csr.misa, {
    name: "misa",
    read: (h) => h.csr.misa,
    write: (h, v) => {
      if (!h.config.isa.c) return;
      const C = misaLetter("C");
      if (!(v & C) && (h.pc + 4) & 2) return;
      const next = ((h.csr.misa & ~C) | (v & C)) >>> 0;
      if (next !== h.csr.misa) h.decodeCache.flush(); // the same bytes decode differently
      h.csr.misa = next;
    },
  });
  def(Csr.medeleg, { name: "medeleg", read: (h) => h.csr.medeleg, write: (h, v) => { h.csr.medeleg = warl(h.csr.medeleg, v, DELEGABLE_EXCEPTIONS); } });
  def(Csr.mideleg, { name: "mideleg", read: (h) => h.csr.mideleg, write: (h, v) => { h.csr.mideleg = warl(h.csr.mideleg, v, S_INTERRUPTS); } });
  def(Csr.mie, { name: "mie", read: (h) => h.csr.mie, write: (h, v) => { h.csr.mie = warl(h.csr.mie, v, ALL_INTERRUPTS); } });
  def(Csr.mip, {
    name: "mip",
    read: (h) => h.csr.mip,
    readForUpdate: (h) => (h.csr.mipSoftware | (h.csr.mipLines & ~MIP.SEIP)) >>> 0,
    // With Sstc enabled, STIP is driven by stimecmp and is read-only in mip.
    write: (h, v) => { h.csr.mipSoftware = warl(h.csr.mipSoftware, v, h.csr.menvcfgh & MENVCFGH_STCE ? S_INTERRUPTS & ~MIP.STIP : S_INTERRUPTS); },
  });
  def(Csr.mtvec, { name: "mtvec", read: (h) => h.csr.mtvec, write: (h, v) => { h.csr.mtvec = tvecLegal(v); } });
  def(Csr.mcounteren, { name: "mcounteren", read: (h) => h.csr.mcounteren, write: (h, v) => { h.csr.mcounteren = v >>> 0; } });
  def(Csr.mcountinhibit, {
    name: "mcountinhibit",
    read: (h) => h.csr.mcountinhibit,
    write: (h, v) => {
      const c = h.csr;
      const before = { cycle: readCycle(h), instret: readInstret(h) };
      const wasCy = c.mcountinhibit & INHIBIT_CY, wasIr = c.mcountinhibit & INHIBIT_IR;
      c.mcountinhibit = warl(c.mcountinhibit, v, ~2); // TM (bit 1) is read-only 0
      if (!wasCy && c.mcountinhibit & INHIBIT_CY) c.cycleFrozen = before.cycle;
      if (wasCy && !(c.mcountinhibit & INHIBIT_CY)) c.cycleDelta = before.cycle - BigInt(h.retired + 1);
      if (!wasIr && c.mcountinhibit & INHIBIT_IR) c.instretFrozen = before.instret;
      if (wasIr && !(c.mcountinhibit & INHIBIT_IR)) c.instretDelta = before.instret - BigInt(h.retired + 1);
    },
  });
  // Plain read/write CSRs: a closure per field keeps each access monomorphic.
  def(Csr.mscratch, { name: "mscratch", read: (h) => h.csr.mscratch, write: (h, v) => { h.csr.mscratch = v >>> 0; } });
  def(Csr.mepc, { name: "mepc", read: (h) => (h.csr.mepc & epcReadMask(h)) >>> 0, write: (h, v) => { h.csr.mepc = (v & ~1) >>> 0; } });
  def(Csr.mcause, { name: "mcause", read: (h) => h.csr.mcause, write: (h, v) => { h.csr.mcause = v >>> 0; } });
  def(Csr.mtval, { name: "mtval", read: (h) => h.csr.mtval, write: (h, v) => { h.csr.mtval = v >>> 0; } });
  def(Csr.menvcfg, { name: "menvcfg", read: (h) => h.csr.menvcfg, write: (h, v) => { h.csr.menvcfg = warl(h.csr.menvcfg, v, 1); } }); // FIOM only
  def(Csr.menvcfgh, {
    name: "menvcfgh",
    read: (h) => h.csr.menvcfgh,
    write: (h, v) => { h.csr.menvcfgh = warl(h.csr.menvcfgh, v, h.config.isa.sstc ? MENVCFGH_STCE : 0); },
  });
  // Sstc: below M, stimecmp needs menvcfg.STCE and mcounteren.TM (Sstc spec, "stimecmp").
  const stimecmpAllowed = (h: Hart): boolean =>
    h.config.isa.sstc && (h.priv === 3 || ((h.csr.menvcfgh & MENVCFGH_STCE) !== 0 && (h.csr.mcounteren & 2) !== 0));
  def(Csr.stimecmp, { name: "stimecmp", read: (h) => h.csr.stimecmp, write: (h, v) => { h.csr.stimecmp = v >>> 0; }, allowed: stimecmpAllowed });
  def(Csr.stimecmph, { name: "stimecmph", read: (h) => h.csr.stimecmph, write: (h, v) => { h.csr.stimecmph = v >>> 0; }, allowed: stimecmpAllowed });

  // Supervisor views and registers (chapter 4).
  def(Csr.sstatus, {
    name: "sstatus",
    read: (h) => (h.csr.mstatus & SSTATUS_VIEW) >>> 0,
    write: (h, v) => writeMstatus(h, v, mstatusWritable(h) & SSTATUS_VIEW),
  });
  def(Csr.sie, {
    name: "sie",
    read: (h) => (h.csr.mie & h.csr.mideleg) >>> 0,
    write: (h, v) => { h.csr.mie = warl(h.csr.mie, v, S_INTERRUPTS & h.csr.mideleg); },
  });
  def(Csr.sip, {
    name: "sip",
    read: (h) => (h.csr.mip & h.csr.mideleg) >>> 0,
    readForUpdate: (h) => ((h.csr.mipSoftware | (h.csr.mipLines & ~MIP.SEIP)) & h.csr.mideleg) >>> 0,
    // Only SSIP is writable through sip, and only when delegated (4.1.3).
    write: (h, v) => { h.csr.mipSoftware = warl(h.csr.mipSoftware, v, MIP.SSIP & h.csr.mideleg); },
  });
  def(Csr.stvec, { name: "stvec", read: (h) => h.csr.stvec, write: (h, v) => { h.csr.stvec = tvecLegal(v); } });
  def(Csr.scounteren, { name: "scounteren", read: (h) => h.csr.scounteren, write: (h, v) => { h.csr.scounteren = v >>> 0; } });
  def(Csr.senvcfg, { name: "senvcfg", read: (h) => h.csr.senvcfg, write: (h, v) => { h.csr.senvcfg = warl(h.csr.senvcfg, v, 1); } });
  def(Csr.sscratch, { name: "sscratch", read: (h) => h.csr.sscratch, write: (h, v) => { h.csr.sscratch = v >>> 0; } });
  def(Csr.sepc, { name: "sepc", read: (h) => (h.csr.sepc & epcReadMask(h)) >>> 0, write: (h, v) => { h.csr.sepc = (v & ~1) >>> 0; } });
  def(Csr.scause, { name: "scause", read: (h) => h.csr.scause, write: (h, v) => { h.csr.scause = v >>> 0; } });
  def(Csr.stval, { name: "stval", read: (h) => h.csr.stval, write: (h, v) => { h.csr.stval = v >>> 0; } });
  def(Csr.satp, {
    name: "satp",
    read: (h) => h.csr.satp,
    // Writing an unsupported MODE has no effect at all (4.1.11).
    write: (h, v) => {
      if (v >>> 31 && !h.config.sv32) return;
      // ASIDLEN = 9 on RV32 (all ASID bits writable); a new satp makes cached translations stale.
      h.csr.satp = v >>> 0;
      h.memoryConfigChanged();
    },
    allowed: notTrappedByTvm,
  });

  // Counters (3.1.10-3.1.11; unprivileged Zicntr).
  def(Csr.mcycle, { name: "mcycle", read: (h) => cycleHalf(h, false), write: (h, v) => writeCycle(h, withLo(readCycle(h), v)) });
  def(Csr.mcycleh, { name: "mcycleh", read: (h) => cycleHalf(h, true), write: (h, v) => writeCycle(h, withHi(readCycle(h), v)) });
  def(Csr.minstret, { name: "minstret", read: (h) => instretHalf(h, false), write: (h, v) => writeInstret(h, withLo(readInstret(h), v)) });
  def(Csr.minstreth, { name: "minstreth", read: (h) => instretHalf(h, true), write: (h, v) => writeInstret(h, withHi(readInstret(h), v)) });
  def(Csr.cycle, { name: "cycle", read: (h) => cycleHalf(h, false), allowed: counterEnabled(0) });
  def(Csr.cycleh, { name: "cycleh", read: (h) => cycleHalf(h, true), allowed: counterEnabled(0) });
  def(Csr.time, { name: "time", read: (h) => h.platform.mtimeHalf(false), allowed: counterEnabled(1) });
  def(Csr.timeh, { name: "timeh", read: (h) => h.platform.mtimeHalf(true), allowed: counterEnabled(1) });
  def(Csr.instret, { name: "instret", read: (h) => instretHalf(h, false), allowed: counterEnabled(2) });
  def(Csr.instreth, { name: "instreth", read: (h) => instretHalf(h, true), allowed: counterEnabled(2) });
  for (let n = 3; n <= 31; n++) {
    def(Csr.mhpmcounter3 + n - 3, zero(`mhpmcounter${n}`));
    def(Csr.mhpmcounter3h + n - 3, zero(`mhpmcounter${n}h`));
    def(Csr.mhpmevent3 + n - 3, zero(`mhpmevent${n}`));
    def(Csr.hpmcounter3 + n - 3, zero(`hpmcounter${n}`, counterEnabled(n)));
    def(Csr.hpmcounter3h + n - 3, zero(`hpmcounter${n}h`, counterEnabled(n)));
  }

  // Physical memory protection (3.7): 16 config registers on RV32, 64 address registers.
  for (let r = 0; r < 16; r++) {
    def(Csr.pmpcfg0 + r, {
      name: `pmpcfg${r}`,
      read: (h) => (h.csr.pmpcfg[4 * r]! | (h.csr.pmpcfg[4 * r + 1]! << 8) | (h.csr.pmpcfg[4 * r + 2]! << 16) | (h.csr.pmpcfg[4 * r + 3]! << 24)) >>> 0,
      write: (h, v) => { writePmpcfg(h, r, v); h.memoryConfigChanged(); },
    });
  }
  for (let i = 0; i < 64; i++) {
    def(Csr.pmpaddr0 + i, { name: `pmpaddr${i}`, read: (h) => h.csr.pmpaddr[i]!, write: (h, v) => { writePmpaddr(h, i, v); h.memoryConfigChanged(); } });
  }

  // Sdtrig with zero triggers: tselect holds only 0, tdata1 type 0 = "no trigger" (debug spec 5.7).
  def(Csr.tselect, zero("tselect"));
  def(Csr.tdata1, zero("tdata1"));
  def(Csr.tdata2, zero("tdata2"));
  def(Csr.tdata3, zero("tdata3"));
  def(Csr.tinfo, { name: "tinfo", read: () => 1 });
  return rows;
}

/** One row per implemented CSR address; undefined = no such CSR (illegal instruction). */
export const CSR_ROWS: readonly (CsrRow | undefined)[] = buildRows();

export function csrName(addr: number): string | undefined {
  return CSR_ROWS[addr & 0xfff]?.name;
}
