// Sv32 address translation (privileged spec 1.12, 4.3) with a direct-mapped software TLB.
// The hart updates A/D itself (4.3.1: the "set the bits" option of step 7).
import type { Bus } from "../bus/bus.js";
import { MSTATUS } from "../csr/bits.js";
import { Access } from "./pmp.js";

/** Sv32 PTE bits (Figure 4.18). */
export const PTE = { V: 0x01, R: 0x02, W: 0x04, X: 0x08, U: 0x10, G: 0x20, A: 0x40, D: 0x80 } as const;

/** satp fields for RV32 (4.1.11). */
export const SATP = { MODE: 0x80000000, ASID_SHIFT: 22, ASID: 0x1ff, PPN: 0x3fffff } as const;

/** PMP check as `pmpAllows` minus the CSR file: (physical address, size, Access, effective privilege). */
export type PmpCheck = (pa: number, size: number, access: number, priv: number) => boolean;

const PAGE_FAULT = [12, 13, 15] as const; // by Access: instruction, load, store/AMO page fault
const ACCESS_FAULT = [1, 5, 7] as const; // by Access: instruction, load, store/AMO access fault

/**
 * Leaf permission rule (4.3.1, 3.1.6.3): U-mode needs U=1; S-mode never executes U pages and loads/stores
 * them only with SUM; fetch needs X, store needs W, load needs R (or X with MXR). `priv` is 0 (U) or 1 (S).
 */
export function leafAllows(pte: number, access: number, priv: number, sum: boolean, mxr: boolean): boolean {
  if (pte & PTE.U) {
    if (priv !== 0 && (access === Access.Fetch || !sum)) return false;
  } else if (priv === 0) return false;
  if (access === Access.Fetch) return (pte & PTE.X) !== 0;
  if (access === Access.Load) return (pte & PTE.R) !== 0 || (mxr && (pte & PTE.X) !== 0);
  return (pte & PTE.W) !== 0;
}

/** leafAllows as a table: index = RWXU bits (pte >>> 1 & 15) | access << 4 | S << 6 | SUM << 7 | MXR << 8. */
const PERM = new Uint8Array(512);
for (let i = 0; i < 512; i++) {
  const access = (i >>> 4) & 3;
  if (access === 3) continue;
  PERM[i] = leafAllows((i & 15) << 1, access, (i >>> 6) & 1, (i & 0x80) !== 0, (i & 0x100) !== 0) ? 1 : 0;
}
/** The SUM/MXR part of a PERM index, from mstatus (SUM is bit 18, MXR bit 19). */
const STATUS_SHIFT = 11;
const STATUS_BITS = (MSTATUS.SUM | MSTATUS.MXR) >>> STATUS_SHIFT; // 0x180

export const DEFAULT_TLB_ENTRIES = 256;

/**
 * Sv32 translation for one hart. `translate` returns a physical address (a double, up to 2^34-1) or -1
 * with `cause` set. The TLB caches one 4 KiB page per slot (superpages fill one slot per 4 KiB page
 * touched), tagged with the whole satp, and keeps the leaf PTE flags so permissions are re-checked on
 * every hit (priv, SUM, MXR may change without a flush).
 */
export class Mmu {
  /** Exception code of the last failed translate(). */
  cause = 0;
  /** Page-table walks performed (TLB misses plus D-bit and denied-hit re-walks); for tests and benchmarks. */
  walks = 0;
  /** The last successful translate() went through a superpage (4 MiB) leaf. */
  lastSuper = false;
  private readonly vpnTag: Int32Array; // va >>> 12, or -1 for an invalid slot
  private readonly satpTag: Int32Array; // satp | 0 at fill time
  private readonly flags: Uint8Array; // leaf PTE bits 7:0 after the A/D update
  private readonly isSuper: Uint8Array;
  private readonly page: Float64Array; // physical address of the 4 KiB page
  private readonly mask: number;
  private anySuper = false;

  constructor(private readonly bus: Bus, private readonly pmp: PmpCheck, tlbEntries = DEFAULT_TLB_ENTRIES) {
    if (tlbEntries <= 0 || (tlbEntries & (tlbEntries - 1)) !== 0) throw new Error(`TLB size must be a power of two, got ${tlbEntries}`);
    this.mask = tlbEntries - 1;
    this.vpnTag = new Int32Array(tlbEntries).fill(-1);
    this.satpTag = new Int32Array(tlbEntries);
    this.flags = new Uint8Array(tlbEntries);
    this.isSuper = new Uint8Array(tlbEntries);
    this.page = new Float64Array(tlbEntries);
  }

  /**
   * Translate `va` for an access of type `access` (Access) at effective privilege `priv` (fetch: the
   * current mode; load/store: after MPRV). Identity for M and for satp.MODE=Bare.
   */
  translate(va: number, access: number, priv: number, satp: number, mstatus: number): number {
    if (priv === 3 || (satp & SATP.MODE) === 0) return va >>> 0;
    const vpn = va >>> 12;
    const i = vpn & this.mask;
    if (this.vpnTag[i] === vpn && this.satpTag[i] === (satp | 0)) {
      const f = this.flags[i]!;
      if (PERM[((f >>> 1) & 15) | (access << 4) | ((priv & 1) << 6) | ((mstatus >>> STATUS_SHIFT) & STATUS_BITS)] &&
          (access !== Access.Store || f & PTE.D)) {
        this.lastSuper = this.isSuper[i] === 1;
        return this.page[i]! + (va & 0xfff);
      }
      // Store to a clean page, or denied by cached flags: walk for the current PTE (no spurious fault).
    }
    return this.walk(va >>> 0, access, priv, satp, mstatus);
  }

  /** The translation process of 4.3.2; fills the TLB on success. */
  private walk(va: number, access: number, priv: number, satp: number, mstatus: number): number {
    this.walks++;
    const ram = this.bus.ram;
    let table = (satp & SATP.PPN) * 4096;
    let level = 1;
    let pteAddr: number;
    let pte: number;
    for (;;) {
      pteAddr = table + (level === 1 ? va >>> 22 : (va >>> 12) & 0x3ff) * 4;
      // Page-table accesses are S-mode accesses for PMP (3.7.1); they must hit RAM (PMA: no walks in I/O).
      if (!this.pmp(pteAddr, 4, Access.Load, 1)) return this.fail(ACCESS_FAULT[access]!);
      const off = pteAddr - ram.base;
      if (off < 0 || off + 4 > ram.size) return this.fail(ACCESS_FAULT[access]!);
      pte = ram.i32[off >>> 2]!;
      if ((pte & PTE.V) === 0 || (pte & (PTE.R | PTE.W)) === PTE.W) return this.fail(PAGE_FAULT[access]!);
      if (pte & (PTE.R | PTE.X)) break;
      if (level === 0) return this.fail(PAGE_FAULT[access]!);
      level = 0;
      table = (pte >>> 10) * 4096;
    }
    if (!PERM[((pte >>> 1) & 15) | (access << 4) | ((priv & 1) << 6) | ((mstatus >>> STATUS_SHIFT) & STATUS_BITS)]) {
      return this.fail(PAGE_FAULT[access]!);
    }
    const ppn = pte >>> 10;
    if (level === 1 && (ppn & 0x3ff) !== 0) return this.fail(PAGE_FAULT[access]!); // misaligned superpage
    const updated = (pte | PTE.A | (access === Access.Store ? PTE.D : 0)) >>> 0;
    if (updated !== (pte >>> 0)) {
      // Read-modify-write of the PTE is atomic: one hart, nothing runs in between.
      if (!this.pmp(pteAddr, 4, Access.Store, 1)) return this.fail(ACCESS_FAULT[access]!);
      this.bus.store(pteAddr, 4, updated);
    }
    const page = level === 1 ? ((ppn >>> 10) * 1024 + ((va >>> 12) & 0x3ff)) * 4096 : ppn * 4096;
    const i = (va >>> 12) & this.mask;
    this.vpnTag[i] = va >>> 12;
    this.satpTag[i] = satp | 0;
    this.flags[i] = updated & 0xff;
    this.isSuper[i] = level;
    this.page[i] = page;
    if (level === 1) this.anySuper = true;
    this.lastSuper = level === 1;
    return page + (va & 0xfff);
  }

  private fail(cause: number): number {
    this.cause = cause;
    return -1;
  }

  /**
   * SFENCE.VMA (4.2.1): vaddr undefined = every address, asid undefined = every address space.
   * May flush more than asked: flush(vaddr, asid) drops every cached page of vaddr whatever its ASID
   * (global pages included); flush(undefined, asid) keeps only global pages and other ASIDs.
   */
  flush(vaddr?: number, asid?: number): void {
    const tags = this.vpnTag;
    if (vaddr === undefined) {
      if (asid === undefined) {
        tags.fill(-1);
        this.anySuper = false;
        return;
      }
      for (let i = 0; i <= this.mask; i++) {
        if (tags[i] !== -1 && (this.flags[i]! & PTE.G) === 0 && ((this.satpTag[i]! >>> SATP.ASID_SHIFT) & SATP.ASID) === (asid & SATP.ASID)) {
          tags[i] = -1;
        }
      }
      return;
    }
    const vpn = vaddr >>> 12;
    const i = vpn & this.mask;
    if (tags[i] === vpn) tags[i] = -1;
    if (this.anySuper) {
      // A superpage leaf is cached in one slot per 4 KiB page touched: drop all of them.
      const vpn1 = vpn >>> 10;
      for (let j = 0; j <= this.mask; j++) {
        if (this.isSuper[j] && tags[j] !== -1 && tags[j]! >>> 10 === vpn1) tags[j] = -1;
      }
    }
  }
}
