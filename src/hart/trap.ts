import type { CsrFile } from "../csr/csr-file.js";
import { MPP_SHIFT, MSTATUS, SPP_SHIFT } from "../csr/bits.js";
import { INTERRUPT_FLAG } from "../isa/cause.js";

/**
 * Which mode takes a trap (privileged spec 3.1.8): M unless the cause is delegated in
 * medeleg/mideleg and the hart is not in M; delegation never lowers the current privilege.
 */
export function delegatee(cause: number, interrupt: boolean, priv: number, medeleg: number, mideleg: number): 1 | 3 {
  if (priv === 3) return 3;
  const mask = interrupt ? mideleg : medeleg;
  return (mask >>> cause) & 1 ? 1 : 3;
}

/** Interrupt priority when several are pending and enabled: MEI, MSI, MTI, SEI, SSI, STI (3.1.9). */
const PRIORITY = [11, 3, 7, 9, 1, 5] as const;

/**
 * The interrupt to take now, or -1 (3.1.9): M-level interrupts are enabled in M when MIE is set and
 * always below M; delegated (S-level) ones in S when SIE is set, always in U, never in M.
 */
export function pendingInterrupt(csr: CsrFile, priv: number): number {
  const pending = csr.mip & csr.mie;
  if (pending === 0) return -1;
  const mideleg = csr.mideleg, mstatus = csr.mstatus;
  const mLevel = pending & ~mideleg;
  const mEnabled = priv < 3 || (mstatus & MSTATUS.MIE) !== 0;
  const sEnabled = priv < 1 || (priv === 1 && (mstatus & MSTATUS.SIE) !== 0);
  // One call site for both levels: V8 then compiles it from the warm-up's (S-level) interrupt.
  const take = mEnabled && mLevel !== 0 ? mLevel : sEnabled ? pending & mideleg : 0;
  return take === 0 ? -1 : highestPriority(take);
}

function highestPriority(bits: number): number {
  for (const cause of PRIORITY) if ((bits >>> cause) & 1) return cause;
  return -1;
}

/** Target of a trap vector: vectored mode sends interrupts to base + 4*cause (3.1.7). */
export function trapVector(tvec: number, cause: number, interrupt: boolean): number {
  const base = (tvec & ~3) >>> 0;
  return interrupt && (tvec & 3) === 1 ? (base + 4 * cause) >>> 0 : base;
}

/**
 * Trap entry (3.1.6.1, 4.1.1): records xepc/xcause/xtval, stacks xIE into xPIE, the old mode into xPP,
 * clears xIE. Returns the target mode; the caller sets pc from the returned vector via `trapVector`.
 */
export function enterTrapCsrs(csr: CsrFile, priv: number, target: 1 | 3, cause: number, interrupt: boolean, epc: number, tval: number): number {
  const xcause = (interrupt ? INTERRUPT_FLAG | cause : cause) >>> 0;
  let s = csr.mstatus;
  if (target === 3) {
    csr.mepc = epc >>> 0;
    csr.mcause = xcause;
    csr.mtval = tval >>> 0;
    s = s & ~(MSTATUS.MPIE | MSTATUS.MPP);
    s |= ((csr.mstatus & MSTATUS.MIE) !== 0 ? MSTATUS.MPIE : 0) | (priv << MPP_SHIFT);
    s &= ~MSTATUS.MIE;
    csr.mstatus = s >>> 0;
    return trapVector(csr.mtvec, cause, interrupt);
  }
  csr.sepc = epc >>> 0;
  csr.scause = xcause;
  csr.stval = tval >>> 0;
  s = s & ~(MSTATUS.SPIE | MSTATUS.SPP);
  s |= ((csr.mstatus & MSTATUS.SIE) !== 0 ? MSTATUS.SPIE : 0) | ((priv & 1) << SPP_SHIFT);
  s &= ~MSTATUS.SIE;
  csr.mstatus = s >>> 0;
  return trapVector(csr.stvec, cause, interrupt);
}

/** MRET (3.3.2): MIE <- MPIE, MPIE <- 1, MPP <- U, MPRV cleared when leaving M. Returns the new mode. */
export function mretCsrs(csr: CsrFile): number {
  const s = csr.mstatus;
  const next = (s >>> MPP_SHIFT) & 3;
  let n = s & ~(MSTATUS.MIE | MSTATUS.MPP);
  n |= (s & MSTATUS.MPIE ? MSTATUS.MIE : 0) | MSTATUS.MPIE;
  if (next !== 3) n &= ~MSTATUS.MPRV;
  csr.mstatus = n >>> 0;
  return next;
}

/** SRET (3.3.2, 4.1.1): SIE <- SPIE, SPIE <- 1, SPP <- U, MPRV cleared. Returns the new mode. */
export function sretCsrs(csr: CsrFile): number {
  const s = csr.mstatus;
  const next = (s >>> SPP_SHIFT) & 1;
  let n = s & ~(MSTATUS.SIE | MSTATUS.SPP | MSTATUS.MPRV);
  n |= (s & MSTATUS.SPIE ? MSTATUS.SIE : 0) | MSTATUS.SPIE;
  csr.mstatus = n >>> 0;
  return next;
}
