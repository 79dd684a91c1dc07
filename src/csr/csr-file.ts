import type { Hart } from "../hart/hart.js";
import { CSR_ROWS } from "./definitions.js";

/** Storage for every CSR of one hart; a fresh instance is the reset state (privileged spec 3.4).
 *  Views (sstatus, sie, sip, counters) have no storage here. */
export class CsrFile {
  mstatus = 0;
  misa = 0;
  medeleg = 0;
  mideleg = 0;
  mie = 0;
  /** Software-writable mip bits (SSIP, STIP, SEIP). */
  mipSoftware = 0;
  /** Interrupt lines driven by devices (MSIP, MTIP, MEIP, and an external SEIP). */
  mipLines = 0;
  mtvec = 0;
  stvec = 0;
  mcounteren = 0;
  scounteren = 0;
  mcountinhibit = 0;
  mscratch = 0;
  sscratch = 0;
  mepc = 0;
  sepc = 0;
  mcause = 0;
  scause = 0;
  mtval = 0;
  stval = 0;
  menvcfg = 0;
  menvcfgh = 0;
  senvcfg = 0;
  satp = 0;
  /** Sstc supervisor timer compare (64-bit, as two words); all ones = never. */
  stimecmp = 0xffffffff;
  stimecmph = 0xffffffff;
  /** Counter value = retired instructions + delta, mod 2^64 (deltas change on writes and inhibit). */
  cycleDelta = 0n;
  instretDelta = 0n;
  /** Values frozen while mcountinhibit holds CY / IR. */
  cycleFrozen = 0n;
  instretFrozen = 0n;
  readonly pmpcfg = new Uint8Array(64);
  readonly pmpaddr = new Uint32Array(64);

  /** mip as software reads it: the writable bits merged with the device lines. */
  get mip(): number {
    return (this.mipSoftware | this.mipLines) >>> 0;
  }

  constructor(misa: number) {
    this.misa = misa >>> 0;
  }
}

/**
 * Zicsr semantics and access rules for one CSR instruction (unpriv. 9.1, priv. 2.1).
 * Returns false when the instruction is illegal; the caller raises the trap.
 * CSRRW/CSRRWI with rd=x0 do not read; CSRRS/CSRRC with rs1=x0 and CSRRSI/CSRRCI with uimm=0 do not write.
 */
export function executeCsrInstruction(h: Hart, insn: number): boolean {
  const addr = insn >>> 20;
  const funct3 = (insn >>> 12) & 7;
  const rd = (insn >>> 7) & 31;
  const src = (insn >>> 15) & 31; // rs1 or uimm
  const row = CSR_ROWS[addr];
  if (!row) return false;
  const kind = funct3 & 3; // 1 = RW, 2 = RS, 3 = RC
  const writes = kind === 1 || src !== 0;
  const reads = kind !== 1 || rd !== 0;
  // Privilege: bits 9:8 give the lowest mode allowed; bits 11:10 == 3 mean read-only (2.1).
  if (h.priv < ((addr >>> 8) & 3)) return false;
  if (writes && addr >>> 10 === 3) return false;
  if (row.allowed && !row.allowed(h)) return false;
  const operand = csrOperand(h, insn);
  const old = reads ? row.read(h) : 0;
  if (writes && row.write) {
    const base = kind === 1 ? 0 : row.readForUpdate ? row.readForUpdate(h) : old;
    row.write(h, csrWriteValue(funct3, base, operand));
  }
  if (rd !== 0) h.x[rd] = old;
  return true;
}

/** The operand of a CSR instruction: uimm for the immediate forms, else x[rs1]. */
export function csrOperand(h: Hart, insn: number): number {
  const src = (insn >>> 15) & 31;
  return (insn >>> 12) & 4 ? src : h.x[src]! >>> 0;
}

/** The value a CSR instruction writes (unpriv. 9.1): CSRRW(I) the operand, CSRRS(I) sets, CSRRC(I) clears. */
export function csrWriteValue(funct3: number, old: number, operand: number): number {
  const kind = funct3 & 3;
  return (kind === 1 ? operand : kind === 2 ? old | operand : old & ~operand) >>> 0;
}
