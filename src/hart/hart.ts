import type { Bus } from "../bus/bus.js";
import { PageFlag } from "../bus/ram.js";
import { MSTATUS } from "../csr/bits.js";
import { CsrFile, executeCsrInstruction } from "../csr/csr-file.js";
import { Exception } from "../isa/cause.js";
import { type IsaConfig, misaFor } from "../isa/isa-string.js";
import type { EngineName } from "./engine.js";
import { FastTlb, TLB_WAYS, tlbSet } from "./fast-tlb.js";
import { Jit } from "./jit/jit.js";
import { Mmu } from "./mmu.js";
import { Access, PmpTable } from "./pmp.js";
import { Slow, Stop, csrWriteStops } from "./stop.js";
import { DecodeCache, FETCH_TRAPPED, interpret } from "./interpreter.js";
import { delegatee, enterTrapCsrs, mretCsrs, pendingInterrupt, sretCsrs } from "./trap.js";

export interface HartConfig {
  readonly hartId: number;
  /** Extensions the machine is built with; misa resets to exactly these (only C can then be toggled). */
  readonly isa: IsaConfig;
  /** Sv32 translation is implemented (satp MODE=1 writable, SUM writable). */
  readonly sv32: boolean;
  /** Traps that target M end `run` with Stop.MonitorTrap so a host-side monitor can handle them
   *  (or, with monitorHook set, are handled in place). */
  readonly monitorHandlesM: boolean;
  /**
   * What the hart does with a misaligned load or store (unpriv. 2.6 allows completing or raising):
   * complete — always in hardware (Spike --misaligned, QEMU); raise-below-m — raise from S and U
   * (the monitor or the kernel emulates), complete at effective privilege M where nothing above
   * could; raise — always raise address-misaligned. AMOs and LR/SC always raise.
   */
  readonly misaligned: MisalignedPolicy;
  /** interp: the interpreter only; jit: hot code translated to JavaScript, the interpreter for the rest. */
  readonly engine?: EngineName;
}

export type MisalignedPolicy = "complete" | "raise-below-m" | "raise";
export const MISALIGNED_POLICIES: readonly MisalignedPolicy[] = ["complete", "raise-below-m", "raise"];

/** What the hart needs from the platform beyond the bus. */
export interface Platform {
  mtime(): bigint;
  /** The low or high word of mtime (the time CSRs; no BigInt on the common path). */
  mtimeHalf(hi: boolean): number;
}

export { Slow, Stop } from "./stop.js";

/** Index into `trapCounts`: (interrupt, cause, from-mode, to-mode). */
export function trapCountIndex(interrupt: boolean, cause: number, from: number, to: number): number {
  return (((interrupt ? 32 : 0) + (cause & 31)) * 4 + from) * 4 + to;
}

/**
 * One RV32I + Zicsr + Zifencei hart with M, S and U modes. Pure: no I/O, no host exceptions per
 * trap — a trap is recorded in the CSRs and `run` returns (DESIGN.md example 6).
 */
export class Hart {
  /** x0..x31, then x32: where the interpreter's writes to x0 go (decode sends rd=0 there). */
  readonly xSink = new Int32Array(33);
  /** The integer registers (x[0] is always 0). */
  readonly x = this.xSink.subarray(0, 32);
  pc = 0;
  priv = 3;
  csr: CsrFile;
  /** Instructions retired since reset (the clock for mcycle/minstret and the instruction clock). */
  retired = 0;
  readonly retiredByPriv = new Float64Array(4);
  readonly trapCounts = new Uint32Array(2 * 32 * 4 * 4);
  trapsTaken = 0;
  /**
   * `run` returns after every trap, xRET and CSR access (direct callers and the machine's onTrap hook
   * see each one); Machine.run clears it so the hart goes on through hart-only events.
   */
  stopAfterTrap = true;
  /** `retired` when the last trap was taken: a trap with nothing retired since ends `run` (trap loops). */
  private retiredAtTrap = -1;
  /**
   * Set by the machine for a run: the host monitor's trap handler, called from `trap` for a trap
   * into M (monitorHandlesM). It returns true when the hart may carry on at once — the monitor
   * changed nothing but hart state (registers, CSRs, pc, privilege) — and false when the machine
   * must look first (timer programmed, shutdown, memory written, an interrupt re-routed).
   */
  monitorHook: (() => boolean) | undefined;
  /** The most recent trap, for tracing and the monitor. */
  lastTrap = { cause: 0, interrupt: false, tval: 0, epc: 0, from: 3, to: 3 };
  private privMark = 0;
  /** Length in bytes of the instruction at pc while a slow path runs (2 for RVC, else 4). */
  ilen = 4;
  /** LR/SC reservation: the word-aligned physical address as an int32 (addr & ~3), or 1 (odd: matches nothing). */
  reservation = 1;
  /** Outcome of the last loadSlow/storeSlow (Slow), and the stop code when it trapped. */
  slowStatus = 0;
  slowStop = 0;
  /** Set when a store changed translated code (the translator's invalidation): the caller must stop. */
  codeChanged = false;
  /** Translations for the fast paths (translated code; filled by loadSlow/storeSlow). */
  readonly fastTlb = new FastTlb();
  /** The block translator, when the engine is jit. */
  readonly jit: Jit | undefined;
  /** Pre-decoded instructions for the interpreter, per RAM page. */
  readonly decodeCache: DecodeCache;
  /** PMP entries compiled for checks, rebuilt on every pmpcfg/pmpaddr write (3.7). */
  readonly pmp = new PmpTable();
  /** Sv32 translation with a TLB (4.3); page-table accesses are PMP-checked as S-mode accesses. */
  readonly mmu: Mmu;
  /** The exception code of the last failed `dataAddress`/`fetchAddress`. */
  faultCause = 0;

  constructor(readonly config: HartConfig, readonly bus: Bus, readonly platform: Platform) {
    this.csr = new CsrFile(misaFor(config.isa));
    this.mmu = new Mmu(bus, (pa, size, access, priv) => this.pmp.allows(pa, size, access, priv));
    this.pmp.update(this.csr);
    bus.onPageFlagged = (page) => this.fastTlb.dropStorePage(page);
    this.decodeCache = new DecodeCache(bus.ram, this.fastTlb);
    this.jit = config.engine === "jit" ? new Jit(this) : undefined;
    // A store to a page with decoded or translated instructions (self-modifying code).
    bus.ram.onCodeWrite = (off, width) => {
      this.decodeCache.written(off, width);
      this.jit?.codeWritten(off, width);
    };
  }

  /** satp, PMP or a fence changed what addresses mean: drop cached translations and PMP decisions. */
  memoryConfigChanged(): void {
    this.pmp.update(this.csr);
    this.mmu.flush();
    this.translationsChanged();
  }

  /** Cached translations (fast TLB, translated-code lookup) may be stale: SFENCE.VMA, satp, PMP, MXR. */
  translationsChanged(): void {
    this.fastTlb.flush();
    this.jit?.translationsChanged();
  }

  /** LR: reserve the word at physical `pa`; stores to its page take the slow path until the reservation ends. */
  setReservation(pa: number): void {
    this.clearReservation();
    this.reservation = pa & ~3;
    const ram = this.bus.ram;
    const off = pa - ram.base;
    if (off >= 0 && off < ram.size) {
      ram.pageFlags[off >>> 12]! |= PageFlag.Reserved;
      this.fastTlb.dropStorePage(off >>> 12);
    }
  }

  /** End the reservation (SC, trap entry, xRET, a store to the word). */
  clearReservation(): void {
    if (this.reservation === 1) return;
    const ram = this.bus.ram;
    const off = (this.reservation >>> 0) - ram.base;
    if (off >= 0 && off < ram.size) ram.pageFlags[off >>> 12]! &= ~PageFlag.Reserved;
    this.reservation = 1;
  }

  /**
   * The physical address for a data access at `va` by the effective data privilege (MPRV, 3.1.6.3):
   * Sv32 translation when satp.MODE is set below M, then PMP. Returns -1 with `faultCause` set.
   */
  dataAddress(va: number, access: number, size: number, priv = this.effectiveDataPrivilege()): number {
    const csr = this.csr;
    let pa = va >>> 0;
    if (priv < 3 && csr.satp >>> 31) {
      pa = this.mmu.translate(pa, access, priv, csr.satp, csr.mstatus);
      if (pa < 0) { this.faultCause = this.mmu.cause; return -1; }
    }
    if (pa > 0xffffffff || !this.pmp.allows(pa, size, access, priv)) {
      this.faultCause = access === Access.Store ? Exception.StoreAccessFault : access === Access.Load ? Exception.LoadAccessFault : Exception.InstructionAccessFault;
      return -1;
    }
    return pa;
  }

  /** The physical address of an instruction fetch at `va` (current privilege by default), or -1 (see dataAddress). */
  fetchAddress(va: number, size: number, priv = this.priv): number {
    return this.dataAddress(va, Access.Fetch, size, priv);
  }

  /**
   * The instruction at virtual `pc` as `priv` would fetch it (for the monitor, tracing, narration):
   * the raw bits (16-bit RVC or 32-bit) and their length, or undefined when the fetch would fault.
   */
  peekInstruction(pc: number, priv: number): { raw: number; len: 2 | 4 } | undefined {
    const lo = this.readFetchHalf(pc, priv);
    if (lo < 0) return undefined;
    if ((lo & 3) !== 3 && this.csr.misa & (1 << 2)) return { raw: lo, len: 2 };
    const hi = this.readFetchHalf((pc + 2) >>> 0, priv);
    if (hi < 0) return undefined;
    return { raw: (lo | (hi << 16)) >>> 0, len: 4 };
  }

  /** xepc bits that survive reads and xRET: bit 1 only while C is enabled (IALIGN=16), bit 0 never (3.1.14). */
  private get epcMask(): number {
    return this.csr.misa & (1 << 2) ? ~1 : ~3;
  }

  /** Reset (privileged spec 3.4): M-mode, pc = reset vector, mstatus.MIE = MPRV = 0, registers zero. */
  reset(pc: number): void {
    this.accountPrivilege();
    this.csr = new CsrFile(misaFor(this.config.isa));
    this.clearReservation();
    this.decodeCache.flush();
    this.jit?.reset();
    this.memoryConfigChanged();
    this.x.fill(0);
    this.pc = pc >>> 0;
    this.priv = 3;
  }

  /** Attribute instructions retired since the last mode change to the current mode. */
  accountPrivilege(): void {
    this.retiredByPriv[this.priv]! += this.retired - this.privMark;
    this.privMark = this.retired;
  }

  /**
   * Take a trap at `epc`: choose the target with medeleg/mideleg, update the CSRs, jump to the vector.
   * Returns the stop reason the run loop should report.
   */
  trap(cause: number, interrupt: boolean, tval: number, epc: number): number {
    tval >>>= 0; epc >>>= 0; // callers may pass int32
    const csr = this.csr;
    const from = this.priv;
    const to = delegatee(cause, interrupt, from, csr.medeleg, csr.mideleg);
    this.accountPrivilege();
    this.clearReservation(); // trap entry invalidates an LR reservation
    this.pc = enterTrapCsrs(csr, from, to, cause, interrupt, epc, tval);
    this.priv = to;
    if (this.jit) this.jit.landing = true;
    this.trapCounts[trapCountIndex(interrupt, cause, from, to)]!++;
    this.trapsTaken++;
    const t = this.lastTrap;
    t.cause = cause; t.interrupt = interrupt; t.tval = tval; t.epc = epc; t.from = from; t.to = to;
    const stuck = this.retired === this.retiredAtTrap;
    this.retiredAtTrap = this.retired;
    if (to === 3 && this.config.monitorHandlesM) {
      // The host monitor serves the trap right here when the run allows it; it answers whether the
      // hart may go on without the machine looking (nothing but hart state changed). A trap with no
      // instruction retired since the last one goes through the machine (its trap-loop check).
      const monitor = this.monitorHook;
      if (monitor === undefined || stuck || this.stopAfterTrap) return Stop.MonitorTrap;
      return monitor() ? Stop.Continue : Stop.Event;
    }
    return stuck || this.stopAfterTrap ? Stop.Event : Stop.Continue;
  }

  /** MRET from the host monitor's side: same CSR effects as the instruction (3.3.2). */
  mret(): void {
    this.accountPrivilege();
    this.clearReservation();
    this.pc = (this.csr.mepc & this.epcMask) >>> 0;
    this.priv = mretCsrs(this.csr);
    if (this.jit) this.jit.landing = true;
  }

  /** The interrupt that would be taken before the next instruction, or -1. */
  pendingInterrupt(): number {
    return pendingInterrupt(this.csr, this.priv);
  }

  /**
   * Execute up to `limit` instructions with the interpreter. Returns when the limit is reached or
   * the platform must look: MMIO (device state), WFI, a trap for the host monitor, a trap loop.
   * Events that change only hart state (CSR accesses, traps to a guest handler, xRET) re-sample
   * interrupts and the per-privilege setup here and go on.
   */
  run(limit: number): number {
    if (this.jit) return this.jit.run(limit);
    const start = this.retired;
    for (;;) {
      const stop = this.interpret(limit - (this.retired - start));
      if (stop !== Stop.Continue) return stop;
      if (this.stopAfterTrap) return Stop.Event;
      if (this.retired - start >= limit) return Stop.Limit;
    }
  }

  /**
   * After a SYSTEM, atomic or illegal instruction (bits `insn`) returned Stop.Continue, may the
   * interpreter's loop go on without re-sampling the hart? Yes when what it sampled on entry still
   * holds: the privilege and effective data privilege, no enabled interrupt pending, no write to a
   * CSR that moves translation, PMP, misa or interrupts, and nobody wants to stop after traps.
   */
  interpreterGoesOn(priv: number, dataPriv: number, insn: number): boolean {
    const csr = this.csr;
    if (this.priv !== priv || (csr.mip & csr.mie) !== 0 || this.stopAfterTrap || this.effectiveDataPrivilege() !== dataPriv) return false;
    return (insn & 0x7f) !== 0x73 || ((insn >>> 12) & 7) === 0 || !csrWriteStops(insn);
  }

  /**
   * The interpreter: up to `limit` instructions (src/hart/interpreter.ts). Interrupts are sampled on
   * entry; an instruction that may change interrupt or translation state ends the call
   * (Stop.Continue when only the hart changed), so the caller re-samples.
   */
  interpret(limit: number): number {
    return interpret(this, limit);
  }

  /**
   * Where the code page of `pc` is in RAM, for the interpreter: its RAM offset (page-aligned) when
   * the current privilege may fetch from all of it; -1 when PMP cuts the page (every fetch is then
   * checked on its own); FETCH_TRAPPED after taking the fetch exception (fetchStop has the Stop).
   */
  fetchPage(pc: number, checked: boolean): number {
    pc >>>= 0; // the interpreter passes int32 (no boxing of a uint32 above 2^31 in its loop)
    const ram = this.bus.ram;
    let pa = pc;
    if (checked) {
      pa = this.fetchAddress(pc, 2);
      if (pa < 0) { this.fetchStop = this.trap(this.faultCause, false, pc, pc); return FETCH_TRAPPED; }
    }
    const off = pa - ram.base;
    if (off < 0 || off + 2 > ram.size) { this.fetchStop = this.trap(Exception.InstructionAccessFault, false, pc, pc); return FETCH_TRAPPED; }
    const page = off - (off & 0xfff);
    if (checked && !this.pmp.allows(ram.base + page, 4096, Access.Fetch, this.priv)) return -1;
    return page;
  }

  /** The raw bits `fetchChecked` read (16 or 32), or the Stop of the trap it took. */
  fetchedRaw = 0;
  fetchStop = 0;

  /**
   * Fetch at this.pc through translation and PMP: returns the instruction length (2 or 4) with the
   * bits in fetchedRaw, or -1 after taking the fetch exception. A 32-bit instruction that straddles a
   * page translates each half; a fault on the second reports that half's address in xtval (3.1.16).
   */
  fetchChecked(cOn: boolean): number {
    const pc = this.pc;
    const lo = this.readFetchHalf(pc);
    if (lo < 0) { this.fetchStop = this.trap(this.faultCause, false, pc, pc); return -1; }
    const loPa = this.fetchPa;
    if (cOn && (lo & 3) !== 3) { this.fetchedRaw = lo; return 2; }
    // Without C every instruction is 32 bits, even one whose low bits say otherwise (it is illegal).
    const hiAddr = (pc + 2) >>> 0;
    const hi = this.readFetchHalf(hiAddr);
    if (hi < 0) { this.fetchStop = this.trap(this.faultCause, false, hiAddr, pc); return -1; }
    this.fetchPa = loPa;
    this.fetchedRaw = (lo | (hi << 16)) | 0;
    return 4;
  }

  /** Physical address of the last `readFetchHalf`. */
  private fetchPa = 0;

  /** 16 bits of instruction at `va` as `priv` fetches it (translation, PMP), or -1 with faultCause set. */
  private readFetchHalf(va: number, priv = this.priv): number {
    const pa = this.fetchAddress(va, 2, priv);
    if (pa < 0) return -1;
    const ram = this.bus.ram;
    if (!this.bus.isRam(pa, 2)) { this.faultCause = Exception.InstructionAccessFault; return -1; }
    this.fetchPa = pa;
    return ram.read(pa - ram.base, 2);
  }

  /** Illegal instruction at this.pc; xtval holds the instruction bits (3.1.16). */
  illegal(insn: number): number {
    return this.trap(Exception.IllegalInstruction, false, insn >>> 0, this.pc);
  }

  /**
   * A extension (unpriv. chapter "A"): LR.W/SC.W with a reservation, AMO*.W as read-modify-write.
   * Misaligned addresses raise (never completed in hardware); LR faults as a load, SC/AMO as a store.
   * Runs the instruction at this.pc (ilen set) and returns what `run` should do next.
   */
  executeAtomic(insn: number): number {
    this.codeChanged = false;
    const f5 = insn >>> 27;
    const rd = (insn >>> 7) & 31, rs1 = (insn >>> 15) & 31, rs2 = (insn >>> 20) & 31;
    if (((insn >>> 12) & 7) !== 2 || (f5 === 0x02 && rs2 !== 0)) return this.illegal(insn);
    const x = this.x;
    const bus = this.bus;
    const va = x[rs1]! >>> 0;
    let addr = va;
    const isLr = f5 === 0x02;
    if (!AMO_FUNCTIONS.has(f5)) return this.illegal(insn);
    if (addr & 3) return this.trap(isLr ? Exception.LoadMisaligned : Exception.StoreMisaligned, false, va, this.pc);
    const pa = this.dataAddress(va, isLr ? Access.Load : Access.Store, 4);
    if (pa < 0) return this.trap(this.faultCause, false, va, this.pc);
    addr = pa;
    if (isLr) {
      bus.fault = false;
      const v = bus.load(addr, 4);
      if (bus.fault) return this.trap(Exception.LoadAccessFault, false, va, this.pc);
      this.setReservation(addr);
      if (rd !== 0) x[rd] = v;
      return this.retireAtomic(addr);
    }
    if (f5 === 0x03) { // SC.W: succeeds only on the reserved word; always ends the reservation
      const ok = this.reservation === (addr & ~3);
      this.clearReservation();
      if (ok) {
        bus.fault = false;
        bus.store(addr, 4, x[rs2]!);
        if (bus.fault) return this.trap(Exception.StoreAccessFault, false, va, this.pc);
      }
      if (rd !== 0) x[rd] = ok ? 0 : 1;
      return this.retireAtomic(addr);
    }
    bus.fault = false;
    const old = bus.load(addr, 4) | 0;
    if (bus.fault || !bus.isMapped(addr)) return this.trap(Exception.StoreAccessFault, false, va, this.pc);
    const b = x[rs2]!;
    let v: number;
    switch (f5) {
      case 0x01: v = b; break;
      case 0x00: v = old + b; break;
      case 0x04: v = old ^ b; break;
      case 0x0c: v = old & b; break;
      case 0x08: v = old | b; break;
      case 0x10: v = old < b ? old : b; break;
      case 0x14: v = old > b ? old : b; break;
      case 0x18: v = old >>> 0 < b >>> 0 ? old : b; break;
      default: v = old >>> 0 > b >>> 0 ? old : b; break;
    }
    bus.store(addr, 4, v);
    if ((addr & ~3) === this.reservation) this.clearReservation();
    if (rd !== 0) x[rd] = old;
    return this.retireAtomic(addr);
  }

  /** Privilege that loads and stores are checked with: MPP when MPRV is set in M-mode (3.1.6.3). */
  effectiveDataPrivilege(): number {
    const s = this.csr.mstatus;
    return this.priv === 3 && s & MSTATUS.MPRV ? (s >>> 11) & 3 : this.priv;
  }

  /** Whether the hart itself completes a misaligned load/store now (config.misaligned). */
  private completesMisaligned(): boolean {
    const p = this.config.misaligned;
    return p === "complete" || (p === "raise-below-m" && this.effectiveDataPrivilege() === 3);
  }

  /** fast TLB set base for the effective data privilege (SUM picks the S set). */
  tlbBase(): number {
    const priv = this.effectiveDataPrivilege();
    return tlbSet(priv, (this.csr.mstatus & MSTATUS.SUM) !== 0) * TLB_WAYS;
  }

  /** Data accesses go through translation or PMP checks (not straight to RAM) at privilege `priv`. */
  private dataIsChecked(priv: number): boolean {
    if (priv < 3) return this.csr.satp >>> 31 === 1 || !this.pmp.summary.allowAllSU32;
    return this.pmp.summary.anyLocked;
  }

  /** Trap with `cause` at this.pc from a slow path; returns 0 with slowStatus = Trapped. */
  private slowTrap(cause: number, tval: number): number {
    this.slowStop = this.trap(cause, false, tval, this.pc);
    this.slowStatus = Slow.Trapped;
    return 0;
  }

  /**
   * The whole of a load the fast path could not do (misaligned, untranslated, a device): the load at
   * `pc` with `retired` instructions retired before it. Returns the value (sign- or zero-extended by
   * funct3) with slowStatus Done or DoneStop (a device was read), or traps (slowStatus Trapped). A
   * RAM page that the effective privilege may wholly read enters the fast TLB.
   */
  loadSlow(va: number, f3: number, pc: number, retired: number, len: number): number {
    va >>>= 0; pc >>>= 0; // callers may pass int32
    this.pc = pc;
    this.retired = retired;
    this.ilen = len;
    const width = 1 << (f3 & 3);
    const priv = this.effectiveDataPrivilege();
    if (va & (width - 1)) {
      if (!this.completesMisaligned()) return this.slowTrap(Exception.LoadMisaligned, va);
      if (!this.loadBytes(va, width, priv)) return this.slowTrap(this.faultCause, this.faultAddress);
      this.slowStatus = Slow.Done;
      return f3 === 1 ? (this.bytesLoaded << 16) >> 16 : this.bytesLoaded | 0;
    }
    const pa = this.dataAddress(va, Access.Load, width, priv);
    if (pa < 0) return this.slowTrap(this.faultCause, va);
    const ram = this.bus.ram;
    const off = pa - ram.base;
    if (off >= 0 && off + width <= ram.size) {
      if (this.dataIsChecked(priv)) this.fillFastTlb(Access.Load, va, pa, off, priv);
      this.slowStatus = Slow.Done;
      switch (f3) {
        case 0: return ram.i8[off]!;
        case 1: return ram.i16[off >>> 1]!;
        case 2: return ram.i32[off >>> 2]!;
        case 4: return ram.bytes[off]!;
        default: return ram.u16[off >>> 1]!;
      }
    }
    const bus = this.bus;
    bus.fault = false;
    const v = bus.load(pa, width);
    if (bus.fault) return this.slowTrap(Exception.LoadAccessFault, va);
    this.slowStatus = Slow.DoneStop;
    return f3 === 0 ? (v << 24) >> 24 : f3 === 1 ? (v << 16) >> 16 : v | 0;
  }

  /**
   * After a translated RAM access at `va` (physical `pa`, RAM offset `off`): its page enters the
   * fast TLB when PMP lets `priv` make that access to all of it (a superpage leaf: see flushPage).
   */
  private fillFastTlb(access: typeof Access.Load | typeof Access.Store, va: number, pa: number, off: number, priv: number): void {
    if (!this.pmp.allows(pa - (pa & 0xfff), 4096, access, priv)) return;
    const set = tlbSet(priv, (this.csr.mstatus & MSTATUS.SUM) !== 0);
    const superpage = this.mmu.lastSuper && priv < 3 && this.csr.satp >>> 31 === 1;
    if (access === Access.Load) this.fastTlb.fillLoad(set, va, off - (off & 0xfff), superpage);
    else this.fastTlb.fillStore(set, va, off - (off & 0xfff), superpage);
  }

  /**
   * The interpreter's slow load: loadSlow, then the value into x[rd] (rd 32 is the x0 sink) unless
   * it trapped. Returns slowStatus.
   */
  loadInto(rd: number, va: number, f3: number, pc: number, retired: number, len: number): number {
    const v = this.loadSlow(va, f3, pc, retired, len);
    if (this.slowStatus !== Slow.Trapped) this.xSink[rd] = v;
    return this.slowStatus;
  }

  /**
   * The whole of a store the fast path could not do (misaligned, untranslated, a flagged page, a
   * device) at `pc` after `retired` instructions. Returns (and sets) slowStatus: DoneStop after a
   * device, HTIF or translated-code write; Trapped with slowStop set.
   */
  storeSlow(va: number, f3: number, value: number, pc: number, retired: number, len: number): number {
    va >>>= 0; pc >>>= 0; // callers may pass int32
    this.pc = pc;
    this.retired = retired;
    this.ilen = len;
    this.codeChanged = false;
    const width = 1 << f3;
    const priv = this.effectiveDataPrivilege();
    if (va & (width - 1)) {
      if (!this.completesMisaligned()) { this.slowTrap(Exception.StoreMisaligned, va); return Slow.Trapped; }
      if (!this.storeBytes(va, width, value, priv)) { this.slowTrap(this.faultCause, this.faultAddress); return Slow.Trapped; }
      return (this.slowStatus = Slow.DoneStop);
    }
    const pa = this.dataAddress(va, Access.Store, width, priv);
    if (pa < 0) { this.slowTrap(this.faultCause, va); return Slow.Trapped; }
    const bus = this.bus;
    const ram = bus.ram;
    const off = pa - ram.base;
    if (off >= 0 && off + width <= ram.size) {
      if ((pa & ~3) === this.reservation) this.clearReservation(); // a store to the reserved word ends it
      const flags = ram.pageFlags[off >>> 12]!;
      bus.store(pa, width, value);
      if (flags === 0 && this.dataIsChecked(priv)) this.fillFastTlb(Access.Store, va, pa, off, priv);
      return (this.slowStatus = flags & PageFlag.Watch || this.codeChanged ? Slow.DoneStop : Slow.Done);
    }
    bus.fault = false;
    bus.store(pa, width, value);
    if (bus.fault) { this.slowTrap(Exception.StoreAccessFault, va); return Slow.Trapped; }
    return (this.slowStatus = Slow.DoneStop);
  }

  /** The value of the last successful `loadBytes` (unsigned bytes assembled little-endian). */
  bytesLoaded = 0;
  /** The virtual address of the byte that made `loadBytes`/`storeBytes` fail (xtval, 3.1.16). */
  faultAddress = 0;

  /**
   * Load `size` bytes at `va` one byte at a time, each through translation and PMP as `priv` sees
   * them: the hart's misaligned loads and the monitor's emulation of them. False on a fault, with
   * faultCause and faultAddress (the first faulting byte) set.
   */
  loadBytes(va: number, size: number, priv: number): boolean {
    const bus = this.bus;
    let v = 0;
    for (let i = 0; i < size; i++) {
      const a = (va + i) >>> 0;
      const pa = this.dataAddress(a, Access.Load, 1, priv);
      if (pa < 0 || !bus.isMapped(pa)) {
        if (pa >= 0) this.faultCause = Exception.LoadAccessFault;
        this.faultAddress = a;
        return false;
      }
      v |= bus.load(pa, 1) << (8 * i);
    }
    this.bytesLoaded = v;
    return true;
  }

  /** Store `size` bytes of `value` at `va` like loadBytes; every byte is checked before any is written. */
  storeBytes(va: number, size: number, value: number, priv: number): boolean {
    const bus = this.bus;
    const pas: number[] = [];
    for (let i = 0; i < size; i++) {
      const a = (va + i) >>> 0;
      const pa = this.dataAddress(a, Access.Store, 1, priv);
      if (pa < 0 || !bus.isMapped(pa)) {
        if (pa >= 0) this.faultCause = Exception.StoreAccessFault;
        this.faultAddress = a;
        return false;
      }
      pas.push(pa);
    }
    for (let i = 0; i < size; i++) {
      bus.store(pas[i]!, 1, value >>> (8 * i));
      if ((pas[i]! & ~3) === this.reservation) this.clearReservation();
    }
    return true;
  }

  /** Retire an AMO: only an access to plain RAM (not a watched HTIF word, not MMIO) lets `run` go on. */
  private retireAtomic(pa: number): number {
    this.retire();
    const w = this.bus.watch;
    return this.bus.isRam(pa, 4) && (!w || (pa - w.base) >>> 0 >= w.size) && !this.codeChanged ? Stop.Continue : Stop.Event;
  }

  /** Retire the instruction at this.pc and move on. */
  private retire(): number {
    this.pc = (this.pc + this.ilen) >>> 0;
    this.retired++;
    return Stop.Event;
  }

  /**
   * SYSTEM opcode: privileged instructions with their checks first (privileged spec 3.3, 3.1.6.5).
   * Runs the instruction at this.pc (ilen set) and returns what `run` should do next.
   */
  executeSystem(insn: number): number {
    const f3 = (insn >>> 12) & 7;
    if (f3 !== 0) {
      if (f3 === 4 || !executeCsrInstruction(this, insn)) return this.illegal(insn);
      this.x[0] = 0;
      this.retire();
      // stimecmp and menvcfg (STCE) move the platform's timer deadline: let the machine look.
      const a = insn >>> 20;
      return a === 0x14d || a === 0x15d || a === 0x30a || a === 0x31a ? Stop.Event : Stop.Continue;
    }
    const priv = this.priv;
    const tsr = (this.csr.mstatus & MSTATUS.TSR) !== 0;
    const tw = (this.csr.mstatus & MSTATUS.TW) !== 0;
    const tvm = (this.csr.mstatus & MSTATUS.TVM) !== 0;
    switch (insn >>> 0) {
      case 0x00000073: // ECALL: cause by the mode it came from; not retired
        return this.trap(priv === 3 ? Exception.EcallFromM : priv === 1 ? Exception.EcallFromS : Exception.EcallFromU, false, 0, this.pc);
      case 0x00100073: // EBREAK: xtval = pc (3.1.16)
        return this.trap(Exception.Breakpoint, false, this.pc, this.pc);
      case 0x30200073: // MRET
        if (priv !== 3) return this.illegal(insn);
        this.retired++;
        this.mret();
        return Stop.Continue;
      case 0x10200073: // SRET: illegal in U, and in S when TSR=1
        if (priv === 0 || (priv === 1 && tsr)) return this.illegal(insn);
        this.retired++;
        this.accountPrivilege();
        this.clearReservation();
        this.pc = (this.csr.sepc & this.epcMask) >>> 0;
        this.priv = sretCsrs(this.csr);
        if (this.jit) this.jit.landing = true;
        return Stop.Continue;
      case 0x10500073: // WFI: illegal in U; in S when TW=1 (3.1.6.5). Resumes when any mip & mie bit is set.
        if (priv === 0 || (priv === 1 && tw)) return this.illegal(insn);
        this.retire();
        return (this.csr.mip & this.csr.mie) === 0 ? Stop.Idle : Stop.Event;
      default:
        if ((insn & 0xfe007fff) === 0x12000073) { // SFENCE.VMA: illegal in U, and in S when TVM=1
          if (priv === 0 || (priv === 1 && tvm)) return this.illegal(insn);
          const rs1 = (insn >>> 15) & 31, rs2 = (insn >>> 20) & 31;
          const va = rs1 ? this.x[rs1]! >>> 0 : undefined;
          this.mmu.flush(va, rs2 ? this.x[rs2]! >>> 0 : undefined);
          if (va === undefined) this.fastTlb.flush();
          else this.fastTlb.flushPage(va); // one leaf PTE (4.2.1); a superpage's drops them all
          this.jit?.translationsChanged();
          this.retire();
          return Stop.Continue;
        }
        return this.illegal(insn);
    }
  }
}

/** funct5 values of the RV32A instructions. */
const AMO_FUNCTIONS = new Set([0x02, 0x03, 0x01, 0x00, 0x04, 0x0c, 0x08, 0x10, 0x14, 0x18, 0x1c]);
