// Physical memory protection (privileged spec 1.12, section 3.7), 64 entries, G=0 (4-byte grain),
// RV32 physical addresses of 34 bits. Pure functions of the CSR state: no caching here except
// in PmpTable, which the caller rebuilds after every pmpcfg/pmpaddr write.
import type { CsrFile } from "../csr/csr-file.js";

/** The kind of access checked. Store includes AMOs (and SC). */
export const Access = { Fetch: 0, Load: 1, Store: 2 } as const;

export const PMP_ENTRIES = 64;

/** pmpNcfg fields (3.7.1, Figure 3.27). */
export const PMPCFG = { R: 0x01, W: 0x02, X: 0x04, A: 0x18, L: 0x80 } as const;
/** Values of the A field (Table 3.10), already shifted down by 3. */
export const PmpMode = { OFF: 0, TOR: 1, NA4: 2, NAPOT: 3 } as const;

/** Size of the RV32 physical address space (34 bits). */
export const PHYS_SPACE = 2 ** 34;
const SPACE32 = 2 ** 32;

/** The cfg bit that grants each access type, indexed by Access. */
const GRANT = [PMPCFG.X, PMPCFG.R, PMPCFG.W] as const;

let rangeLo = 0;
let rangeHi = 0;
/** POW2[n] = 2^n for n <= 35: Math.pow on the hot path is slow. */
const POW2 = new Float64Array(36).map((_, n) => 2 ** n);

/** Set rangeLo/rangeHi to entry i's byte range [lo, hi); empty (hi <= lo) when OFF. No allocation. */
function entryRange(cfg: Uint8Array, addr: Uint32Array, i: number): void {
  const a = addr[i]!;
  switch ((cfg[i]! >>> 3) & 3) {
    case PmpMode.TOR: // pmpaddr[i-1] <= y < pmpaddr[i]; entry 0's bottom is 0 (3.7.1.1)
      rangeLo = i === 0 ? 0 : addr[i - 1]! * 4;
      rangeHi = a * 4;
      return;
    case PmpMode.NA4:
      rangeLo = a * 4;
      rangeHi = rangeLo + 4;
      return;
    case PmpMode.NAPOT: {
      // k trailing ones encode a 2^(k+3)-byte region (Table 3.11); all ones: 2^35 bytes.
      const k = a === 0xffffffff ? 32 : 31 - Math.clz32(~a & (a + 1));
      rangeLo = k >= 31 ? 0 : (((a >>> (k + 1)) << (k + 1)) >>> 0) * 4;
      rangeHi = rangeLo + POW2[k + 3]!;
      return;
    }
    default:
      rangeLo = 0;
      rangeHi = 0;
  }
}

/** Entry i's byte range [lo, hi) of the physical space; hi <= lo means it matches nothing. */
export function pmpRange(csr: CsrFile, i: number): { lo: number; hi: number } {
  entryRange(csr.pmpcfg, csr.pmpaddr, i);
  return { lo: rangeLo, hi: rangeHi };
}

/**
 * Does PMP allow an access of `size` bytes at physical address `addr` (0..2^34-1) by `priv`
 * (the effective privilege: 0 U, 1 S, 3 M)? The lowest-numbered entry matching any byte decides;
 * it must match every byte or the access fails, whatever L/R/W/X say (3.7.1.2).
 */
export function pmpAllows(csr: CsrFile, addr: number, size: number, access: number, priv: number): boolean {
  const cfg = csr.pmpcfg, pa = csr.pmpaddr;
  const end = addr + size;
  for (let i = 0; i < PMP_ENTRIES; i++) {
    const c = cfg[i]!;
    if ((c & PMPCFG.A) === 0) continue;
    entryRange(cfg, pa, i);
    if (addr < rangeHi && end > rangeLo) {
      if (addr < rangeLo || end > rangeHi) return false;
      if (priv === 3 && (c & PMPCFG.L) === 0) return true;
      return (c & GRANT[access]!) !== 0;
    }
  }
  // No match: M succeeds; S/U fail because entries are implemented (3.7.1.2).
  return priv === 3;
}

export interface PmpSummary {
  /** Some entry has A != OFF. */
  anyActive: boolean;
  /** Some active entry has L=1: only then can PMP deny an M-mode access that fits in one grain. */
  anyLocked: boolean;
  /**
   * Every S/U access anywhere in the 34-bit space is allowed, whatever its size and type: the first
   * entry that matches any address covers all of [0, 2^34) with R=W=X=1. M accesses are then allowed too.
   */
  allowAllSU: boolean;
  /**
   * The same over [0, 2^32) only: every S/U (and M) access that lies below 2^32 is allowed. Enough for
   * a fast path when addresses at or above 2^32 fault on the bus anyway (same access-fault cause).
   * True for NAPOT pmpaddr=0x1fffffff/0x3fffffff/0x7fffffff/0xffffffff and TOR pmpaddr >= 0x40000000.
   */
  allowAllSU32: boolean;
}

/** The first entry overlapping [0, limit) covers it all with RWX (exact: no straddle can fail either). */
function coversAll(cfg: Uint8Array, addr: Uint32Array, limit: number): boolean {
  for (let i = 0; i < PMP_ENTRIES; i++) {
    const c = cfg[i]!;
    if ((c & PMPCFG.A) === 0) continue;
    entryRange(cfg, addr, i);
    if (rangeHi <= rangeLo || rangeLo >= limit) continue; // matches nothing below limit
    return rangeLo === 0 && rangeHi >= limit && (c & 7) === 7;
  }
  return false;
}

/** Recompute after every pmpcfg/pmpaddr write; flags for the hart's fast paths. */
export function pmpSummary(csr: CsrFile): PmpSummary {
  const cfg = csr.pmpcfg, addr = csr.pmpaddr;
  let anyActive = false, anyLocked = false;
  for (let i = 0; i < PMP_ENTRIES; i++) {
    const c = cfg[i]!;
    if ((c & PMPCFG.A) === 0) continue;
    anyActive = true;
    if (c & PMPCFG.L) anyLocked = true;
  }
  return {
    anyActive,
    anyLocked,
    allowAllSU: coversAll(cfg, addr, PHYS_SPACE),
    allowAllSU32: coversAll(cfg, addr, SPACE32),
  };
}

/**
 * The active entries compiled into flat arrays, for a slow path that checks often (e.g. every page
 * walk): `allows` visits only active, non-empty entries. Call `update(csr)` after every
 * pmpcfg/pmpaddr write; `allows` then answers exactly like `pmpAllows(csr, ...)`.
 */
export class PmpTable {
  private readonly lo = new Float64Array(PMP_ENTRIES);
  private readonly hi = new Float64Array(PMP_ENTRIES);
  private readonly cfg = new Uint8Array(PMP_ENTRIES);
  private count = 0;
  summary: PmpSummary = { anyActive: false, anyLocked: false, allowAllSU: false, allowAllSU32: false };

  update(csr: CsrFile): void {
    let n = 0;
    for (let i = 0; i < PMP_ENTRIES; i++) {
      const c = csr.pmpcfg[i]!;
      if ((c & PMPCFG.A) === 0) continue;
      entryRange(csr.pmpcfg, csr.pmpaddr, i);
      if (rangeHi <= rangeLo) continue; // an empty TOR range matches nothing
      this.lo[n] = rangeLo;
      this.hi[n] = rangeHi;
      this.cfg[n] = c;
      n++;
    }
    this.count = n;
    this.summary = pmpSummary(csr);
  }

  allows(addr: number, size: number, access: number, priv: number): boolean {
    const end = addr + size;
    const lo = this.lo, hi = this.hi;
    for (let i = 0, n = this.count; i < n; i++) {
      const l = lo[i]!, h = hi[i]!;
      if (addr < h && end > l) {
        if (addr < l || end > h) return false;
        const c = this.cfg[i]!;
        if (priv === 3 && (c & PMPCFG.L) === 0) return true;
        return (c & GRANT[access]!) !== 0;
      }
    }
    return priv === 3;
  }
}

/**
 * What firmware does before it runs S/U code (OpenSBI, riscv-tests' INIT_PMP): entry 0 NAPOT over
 * the whole physical address space with R, W, X. Without an entry, S/U accesses fail (3.7.1).
 */
export function openPmpForSupervisor(csr: CsrFile): void {
  csr.pmpaddr[0] = 0xffffffff;
  csr.pmpcfg[0] = (PmpMode.NAPOT << 3) | PMPCFG.R | PMPCFG.W | PMPCFG.X;
}
