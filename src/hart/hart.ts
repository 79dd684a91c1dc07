import type { Bus } from "../bus/bus.js";
import { MSTATUS } from "../csr/bits.js";
import { CsrFile, executeCsrInstruction } from "../csr/csr-file.js";
import { Exception } from "../isa/cause.js";
import { type IsaConfig, misaFor } from "../isa/isa-string.js";
import { EXPANDED_RVC } from "../isa/rvc.js";
import { Mmu } from "./mmu.js";
import { Access, PmpTable } from "./pmp.js";
import { delegatee, enterTrapCsrs, mretCsrs, pendingInterrupt, sretCsrs } from "./trap.js";

export interface HartConfig {
  readonly hartId: number;
  /** Extensions the machine is built with; misa resets to exactly these (only C can then be toggled). */
  readonly isa: IsaConfig;
  /** Sv32 translation is implemented (satp MODE=1 writable, SUM writable). */
  readonly sv32: boolean;
  /** Traps that target M end `run` with Stop.MonitorTrap so a host-side monitor can handle them. */
  readonly monitorHandlesM: boolean;
  /**
   * What the hart does with a misaligned load or store (unpriv. 2.6 allows completing or raising):
   * complete — always in hardware (Spike --misaligned, QEMU); raise-below-m — raise from S and U
   * (the monitor or the kernel emulates), complete at effective privilege M where nothing above
   * could; raise — always raise address-misaligned. AMOs and LR/SC always raise.
   */
  readonly misaligned: MisalignedPolicy;
}

export type MisalignedPolicy = "complete" | "raise-below-m" | "raise";
export const MISALIGNED_POLICIES: readonly MisalignedPolicy[] = ["complete", "raise-below-m", "raise"];

/** What the hart needs from the platform beyond the bus. */
export interface Platform {
  mtime(): bigint;
}

/** Why `run` returned. */
export const Stop = {
  /** The instruction limit was reached. */
  Limit: 0,
  /** Something that may change interrupt or device state happened; call `run` again. */
  Event: 1,
  /** A trap entered M-mode and `monitorHandlesM` is set: the host monitor owns the hart now. */
  MonitorTrap: 2,
  /** WFI retired with no interrupt pending: the platform may let time pass until one is. */
  Idle: 3,
  /** Internal to the engines: something changed only hart state (a CSR, a trap, xRET); `run` goes on. */
  Continue: 4,
} as const;

/** Index into `trapCounts`: (interrupt, cause, from-mode, to-mode). */
export function trapCountIndex(interrupt: boolean, cause: number, from: number, to: number): number {
  return (((interrupt ? 32 : 0) + (cause & 31)) * 4 + from) * 4 + to;
}

/**
 * One RV32I + Zicsr + Zifencei hart with M, S and U modes. Pure: no I/O, no host exceptions per
 * trap — a trap is recorded in the CSRs and `run` returns (DESIGN.md example 6).
 */
export class Hart {
  readonly x = new Int32Array(32);
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
  /** The most recent trap, for tracing and the monitor. */
  lastTrap = { cause: 0, interrupt: false, tval: 0, epc: 0, from: 3, to: 3 };
  private privMark = 0;
  /** Length in bytes of the instruction at pc while a slow path runs (2 for RVC, else 4). */
  private ilen = 4;
  /** LR/SC reservation: the word-aligned physical address as an int32 (addr & ~3), or 1 (odd: matches nothing). */
  reservation = 1;
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
  }

  /** satp, PMP or a fence changed what addresses mean: drop cached translations and PMP decisions. */
  memoryConfigChanged(): void {
    this.pmp.update(this.csr);
    this.mmu.flush();
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
    this.reservation = 1;
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
    const csr = this.csr;
    const from = this.priv;
    const to = delegatee(cause, interrupt, from, csr.medeleg, csr.mideleg);
    this.accountPrivilege();
    this.reservation = 1; // trap entry invalidates an LR reservation
    this.pc = enterTrapCsrs(csr, from, to, cause, interrupt, epc, tval);
    this.priv = to;
    this.trapCounts[trapCountIndex(interrupt, cause, from, to)]!++;
    this.trapsTaken++;
    const t = this.lastTrap;
    t.cause = cause; t.interrupt = interrupt; t.tval = tval >>> 0; t.epc = epc >>> 0; t.from = from; t.to = to;
    if (to === 3 && this.config.monitorHandlesM) return Stop.MonitorTrap;
    const stuck = this.retired === this.retiredAtTrap;
    this.retiredAtTrap = this.retired;
    return stuck || this.stopAfterTrap ? Stop.Event : Stop.Continue;
  }

  /** MRET from the host monitor's side: same CSR effects as the instruction (3.3.2). */
  mret(): void {
    this.accountPrivilege();
    this.reservation = 1;
    this.pc = (this.csr.mepc & this.epcMask) >>> 0;
    this.priv = mretCsrs(this.csr);
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
    const start = this.retired;
    for (;;) {
      const stop = this.interpret(limit - (this.retired - start));
      if (stop !== Stop.Continue) return stop;
      if (this.stopAfterTrap) return Stop.Event;
      if (this.retired - start >= limit) return Stop.Limit;
    }
  }

  /**
   * The interpreter loop: up to `limit` instructions. Interrupts are sampled once on entry; every
   * instruction that may change interrupt or translation state ends the call (Stop.Continue when
   * only the hart changed), so the caller re-samples.
   */
  interpret(limit: number): number {
    const irq = pendingInterrupt(this.csr, this.priv);
    if (irq >= 0) return this.trap(irq, true, 0, this.pc);

    const x = this.x;
    const ram = this.bus.ram;
    const ramBase = ram.base;
    const ramWordLimit = ram.size - 3;
    const m32 = ram.i32, m16 = ram.i16, u16 = ram.u16, m8 = ram.i8, u8 = ram.bytes;
    const rvc = EXPANDED_RVC;
    const watch = this.bus.watch;
    const watchBase = watch ? watch.base : 0;
    const watchSize = watch ? watch.size : 0;
    // misa can change only through a CSR write, which ends this call: sample the extensions once.
    const misa = this.csr.misa;
    const cOn = (misa & (1 << 2)) !== 0;
    const mOn = (misa & (1 << 12)) !== 0;
    const aOn = (misa & 1) !== 0;
    const alignMask = cOn ? 1 : 3; // IALIGN=16 with C, else 32
    const base = this.retired;
    let resv = this.reservation;
    let pc = this.pc;
    let n = 0;
    let insn = 0;
    let raw = 0;
    let len = 4;
    let addr = 0;
    let off = 0;

    const fetchLimit = cOn ? ram.size - 1 : ramWordLimit; // the last offset a fetch may start below
    // Translation and PMP apply per privilege; both change only at events that end this call.
    const csr = this.csr;
    const pmpSummary = this.pmp.summary;
    const paging = csr.satp >>> 31 === 1;
    const dataPriv = this.effectiveDataPrivilege();
    const fetchPmpFree = this.priv < 3 ? pmpSummary.allowAllSU32 : !pmpSummary.anyLocked;
    const dataPmpFree = dataPriv < 3 ? pmpSummary.allowAllSU32 : !pmpSummary.anyLocked;
    const fetchChecked = (paging && this.priv < 3) || !fetchPmpFree;
    const dataChecked = (paging && dataPriv < 3) || !dataPmpFree;
    // One-page translation caches for this call (a TLB may hold translations until SFENCE.VMA, 4.3.2);
    // only when PMP cannot cut a page finer than the translation (it allows everything here).
    let fetchVpn = fetchPmpFree ? -1 : -2, fetchPage = 0;
    let loadVpn = dataPmpFree ? -1 : -2, loadPage = 0;
    let storeVpn = dataPmpFree ? -1 : -2, storePage = 0;

    while (n < limit) {
      if (fetchChecked && (pc >>> 12 !== fetchVpn || (pc & 0xffe) === 0xffe)) {
        // Translated or PMP-checked fetch (a page-straddling 32-bit instruction always comes here).
        this.pc = pc; this.retired = base + n;
        const fetched = this.fetchChecked(cOn);
        if (fetched < 0) return this.fetchStop; // the fetch trapped
        if (fetchVpn !== -2) { fetchVpn = pc >>> 12; fetchPage = this.fetchPa - (pc & 0xfff); }
        raw = this.fetchedRaw;
        len = fetched;
        insn = len === 2 ? EXPANDED_RVC[raw & 0xffff]! : raw;
        if (insn === 0) { this.ilen = 2; return this.illegal(raw); }
      } else {
        off = fetchChecked ? (fetchPage + (pc & 0xfff) - ramBase) >>> 0 : (pc - ramBase) >>> 0;
        if (off >= fetchLimit) { this.pc = pc; this.retired = base + n; return this.trap(Exception.InstructionAccessFault, false, pc, pc); }
        if (!cOn) {
          insn = raw = m32[off >>> 2]!;
        } else {
          // Word-aligned pc: one 32-bit read serves both a full instruction and a compressed one.
          raw = off & 2 ? u16[off >>> 1]! : m32[off >>> 2]!;
          if ((raw & 3) === 3 && (off & 2) === 0) {
            len = 4;
            insn = raw;
          } else if ((raw & 3) !== 3) {
            raw &= 0xffff;
            len = 2;
            insn = rvc[raw]!;
            if (insn === 0) { this.pc = pc; this.retired = base + n; this.ilen = 2; return this.illegal(raw); }
          } else {
            // A 32-bit instruction at pc = 2 mod 4; its second half may lie past the end of RAM (3.1.16).
            if (off + 2 >= fetchLimit) { this.pc = pc; this.retired = base + n; return this.trap(Exception.InstructionAccessFault, false, (pc + 2) >>> 0, pc); }
            len = 4;
            insn = raw = raw | (u16[(off >>> 1) + 1]! << 16);
          }
        }
      }
      const rd = (insn >>> 7) & 31;
      const rs1 = (insn >>> 15) & 31;
      const rs2 = (insn >>> 20) & 31;
      const f3 = (insn >>> 12) & 7;
      switch (insn & 0x7f) {
        case 0x37: // LUI
          x[rd] = insn & 0xfffff000;
          pc = (pc + len) >>> 0;
          break;
        case 0x17: // AUIPC
          x[rd] = pc + (insn & 0xfffff000);
          pc = (pc + len) >>> 0;
          break;
        case 0x6f: { // JAL
          const target = (pc + (((insn >> 11) & ~0xfffff) | (insn & 0xff000) | ((insn >>> 9) & 0x800) | ((insn >>> 20) & 0x7fe))) >>> 0;
          if (target & alignMask) { this.pc = pc; this.retired = base + n; return this.trap(Exception.InstructionMisaligned, false, target, pc); }
          x[rd] = pc + len;
          pc = target;
          break;
        }
        case 0x67: { // JALR
          if (f3 !== 0) { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
          const target = ((x[rs1]! + (insn >> 20)) & ~1) >>> 0;
          if (target & alignMask) { this.pc = pc; this.retired = base + n; return this.trap(Exception.InstructionMisaligned, false, target, pc); }
          x[rd] = pc + len;
          pc = target;
          break;
        }
        case 0x63: { // BRANCH
          const a = x[rs1]!, b = x[rs2]!;
          let taken: boolean;
          switch (f3) {
            case 0: taken = a === b; break;
            case 1: taken = a !== b; break;
            case 4: taken = a < b; break;
            case 5: taken = a >= b; break;
            case 6: taken = a >>> 0 < b >>> 0; break;
            case 7: taken = a >>> 0 >= b >>> 0; break;
            default: this.pc = pc; this.retired = base + n; return this.illegal(raw);
          }
          if (taken) {
            const target = (pc + (((insn >> 19) & ~0xfff) | ((insn << 4) & 0x800) | ((insn >>> 20) & 0x7e0) | ((insn >>> 7) & 0x1e))) >>> 0;
            if (target & alignMask) { this.pc = pc; this.retired = base + n; return this.trap(Exception.InstructionMisaligned, false, target, pc); }
            pc = target;
          } else pc = (pc + len) >>> 0;
          break;
        }
        case 0x03: { // LOAD
          addr = (x[rs1]! + (insn >> 20)) >>> 0;
          const width = f3 & 3;
          if (f3 === 3 || f3 > 5) { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
          if (addr & ((1 << width) - 1)) { this.pc = pc; this.retired = base + n; this.ilen = len; return this.misalignedLoad(addr, f3, rd); }
          const loadVa = addr;
          if (dataChecked) {
            if (addr >>> 12 === loadVpn) addr = loadPage + (addr & 0xfff);
            else {
              const pa = this.dataAddress(addr, Access.Load, 1 << width, dataPriv);
              if (pa < 0) { this.pc = pc; this.retired = base + n; return this.trap(this.faultCause, false, addr, pc); }
              if (loadVpn !== -2) { loadVpn = addr >>> 12; loadPage = pa - (addr & 0xfff); }
              addr = pa;
            }
          }
          off = (addr - ramBase) >>> 0;
          if (off < ramWordLimit) {
            let v: number;
            switch (f3) {
              case 0: v = m8[off]!; break;
              case 1: v = m16[off >>> 1]!; break;
              case 2: v = m32[off >>> 2]!; break;
              case 4: v = u8[off]!; break;
              default: v = u16[off >>> 1]!; break;
            }
            x[rd] = v;
            pc = (pc + len) >>> 0;
            break;
          }
          // Slow path: MMIO or nothing. Ends the slice (device state may change).
          this.pc = pc; this.retired = base + n;
          const bus = this.bus;
          bus.fault = false;
          let v = bus.load(addr, 1 << width);
          if (bus.fault) return this.trap(Exception.LoadAccessFault, false, loadVa, pc);
          if (f3 === 0) v = (v << 24) >> 24;
          else if (f3 === 1) v = (v << 16) >> 16;
          if (rd !== 0) x[rd] = v;
          this.pc = (pc + len) >>> 0;
          this.retired = base + n + 1;
          return Stop.Event;
        }
        case 0x23: { // STORE
          if (f3 > 2) { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
          addr = (x[rs1]! + (((insn >> 20) & ~0x1f) | ((insn >>> 7) & 0x1f))) >>> 0;
          if (addr & ((1 << f3) - 1)) { this.pc = pc; this.retired = base + n; this.ilen = len; return this.misalignedStore(addr, f3, x[rs2]!); }
          const storeVa = addr;
          if (dataChecked) {
            if (addr >>> 12 === storeVpn) addr = storePage + (addr & 0xfff);
            else {
              const pa = this.dataAddress(addr, Access.Store, 1 << f3, dataPriv);
              if (pa < 0) { this.pc = pc; this.retired = base + n; return this.trap(this.faultCause, false, addr, pc); }
              if (storeVpn !== -2) { storeVpn = addr >>> 12; storePage = pa - (addr & 0xfff); }
              addr = pa;
            }
          }
          off = (addr - ramBase) >>> 0;
          if ((addr & ~3) === resv) this.reservation = resv = 1; // a store to the reserved word ends the reservation
          if (off < ramWordLimit && (addr - watchBase) >>> 0 >= watchSize) {
            const v = x[rs2]!;
            if (f3 === 0) m8[off] = v;
            else if (f3 === 1) m16[off >>> 1] = v;
            else m32[off >>> 2] = v;
            pc = (pc + len) >>> 0;
            break;
          }
          this.pc = pc; this.retired = base + n;
          const bus = this.bus;
          bus.fault = false;
          bus.store(addr, 1 << f3, x[rs2]!);
          if (bus.fault) return this.trap(Exception.StoreAccessFault, false, storeVa, pc);
          this.pc = (pc + len) >>> 0;
          this.retired = base + n + 1;
          return Stop.Event;
        }
        case 0x13: { // OP-IMM
          const a = x[rs1]!;
          const imm = insn >> 20;
          switch (f3) {
            case 0: x[rd] = a + imm; break;
            case 2: x[rd] = a < imm ? 1 : 0; break;
            case 3: x[rd] = a >>> 0 < imm >>> 0 ? 1 : 0; break;
            case 4: x[rd] = a ^ imm; break;
            case 6: x[rd] = a | imm; break;
            case 7: x[rd] = a & imm; break;
            case 1:
              if (insn >>> 25 !== 0) { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
              x[rd] = a << rs2;
              break;
            default: // 5
              if (insn >>> 25 === 0) x[rd] = a >>> rs2;
              else if (insn >>> 25 === 0x20) x[rd] = a >> rs2;
              else { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
              break;
          }
          pc = (pc + len) >>> 0;
          break;
        }
        case 0x33: { // OP
          const a = x[rs1]!, b = x[rs2]!;
          const f7 = insn >>> 25;
          if (f7 === 0) {
            switch (f3) {
              case 0: x[rd] = a + b; break;
              case 1: x[rd] = a << (b & 31); break;
              case 2: x[rd] = a < b ? 1 : 0; break;
              case 3: x[rd] = a >>> 0 < b >>> 0 ? 1 : 0; break;
              case 4: x[rd] = a ^ b; break;
              case 5: x[rd] = a >>> (b & 31); break;
              case 6: x[rd] = a | b; break;
              default: x[rd] = a & b; break;
            }
          } else if (f7 === 1 && mOn) {
            switch (f3) {
              case 0: x[rd] = Math.imul(a, b); break;
              case 1: x[rd] = mulh(a, b); break;
              case 2: x[rd] = mulhsu(a, b); break;
              case 3: x[rd] = mulhu(a, b); break;
              // Division by zero and overflow have defined results, no trap (unpriv. 13.2).
              case 4: x[rd] = b === 0 ? -1 : a === -0x80000000 && b === -1 ? a : (a / b) | 0; break;
              case 5: x[rd] = b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) | 0; break;
              case 6: x[rd] = b === 0 ? a : a === -0x80000000 && b === -1 ? 0 : a % b; break;
              default: x[rd] = b === 0 ? a : (a >>> 0) % (b >>> 0); break;
            }
          } else if (f7 === 0x20 && f3 === 0) x[rd] = a - b;
          else if (f7 === 0x20 && f3 === 5) x[rd] = a >> (b & 31);
          else { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
          pc = (pc + len) >>> 0;
          break;
        }
        case 0x0f: // MISC-MEM: FENCE is a no-op on one in-order hart; FENCE.I has no cache to flush yet.
          if (f3 > 1) { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
          pc = (pc + len) >>> 0;
          break;
        case 0x73: // SYSTEM: always leaves the loop (privilege, CSRs and interrupts may change).
          this.pc = pc; this.retired = base + n; this.ilen = len;
          return this.system(insn);
        case 0x2f: // AMO (A extension): always a slow path
          if (!aOn) { this.pc = pc; this.retired = base + n; return this.illegal(raw); }
          this.pc = pc; this.retired = base + n; this.ilen = len;
          return this.atomic(insn);
        default:
          this.pc = pc; this.retired = base + n;
          return this.illegal(raw);
      }
      x[0] = 0;
      n++;
    }
    this.pc = pc;
    this.retired = base + n;
    return Stop.Limit;
  }

  /** The raw bits `fetchChecked` read (16 or 32), or the Stop of the trap it took. */
  private fetchedRaw = 0;
  private fetchStop = 0;

  /**
   * Fetch at this.pc through translation and PMP: returns the instruction length (2 or 4) with the
   * bits in fetchedRaw, or -1 after taking the fetch exception. A 32-bit instruction that straddles a
   * page translates each half; a fault on the second reports that half's address in xtval (3.1.16).
   */
  private fetchChecked(cOn: boolean): number {
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
   */
  private atomic(insn: number): number {
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
      this.reservation = addr & ~3; // int32, as the store paths compare it
      if (rd !== 0) x[rd] = v;
      return this.retireAtomic(addr);
    }
    if (f5 === 0x03) { // SC.W: succeeds only on the reserved word; always ends the reservation
      const ok = this.reservation === (addr & ~3);
      this.reservation = 1;
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
    if ((addr & ~3) === this.reservation) this.reservation = 1;
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

  /** A misaligned load at this.pc: raised, or done byte by byte (see HartConfig.misaligned). */
  private misalignedLoad(addr: number, f3: number, rd: number): number {
    if (!this.completesMisaligned()) return this.trap(Exception.LoadMisaligned, false, addr, this.pc);
    if (!this.loadBytes(addr, 1 << (f3 & 3), this.effectiveDataPrivilege())) return this.trap(this.faultCause, false, this.faultAddress, this.pc);
    if (rd !== 0) this.x[rd] = f3 === 1 ? (this.bytesLoaded << 16) >> 16 : this.bytesLoaded;
    return this.retire();
  }

  /** A misaligned store at this.pc: raised, or done byte by byte. */
  private misalignedStore(addr: number, f3: number, value: number): number {
    if (!this.completesMisaligned()) return this.trap(Exception.StoreMisaligned, false, addr, this.pc);
    if (!this.storeBytes(addr, 1 << f3, value, this.effectiveDataPrivilege())) return this.trap(this.faultCause, false, this.faultAddress, this.pc);
    return this.retire();
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
      if ((pas[i]! & ~3) === this.reservation) this.reservation = 1;
    }
    return true;
  }

  /** Retire an AMO: only an access to plain RAM (not a watched HTIF word, not MMIO) lets `run` go on. */
  private retireAtomic(pa: number): number {
    this.retire();
    const w = this.bus.watch;
    return this.bus.isRam(pa, 4) && (!w || (pa - w.base) >>> 0 >= w.size) ? Stop.Continue : Stop.Event;
  }

  /** Retire the instruction at this.pc and move on. */
  private retire(): number {
    this.pc = (this.pc + this.ilen) >>> 0;
    this.retired++;
    return Stop.Event;
  }

  /** SYSTEM opcode: privileged instructions with their checks first (privileged spec 3.3, 3.1.6.5). */
  private system(insn: number): number {
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
        this.reservation = 1;
        this.pc = (this.csr.sepc & this.epcMask) >>> 0;
        this.priv = sretCsrs(this.csr);
        return Stop.Continue;
      case 0x10500073: // WFI: illegal in U; in S when TW=1 (3.1.6.5). Resumes when any mip & mie bit is set.
        if (priv === 0 || (priv === 1 && tw)) return this.illegal(insn);
        this.retire();
        return (this.csr.mip & this.csr.mie) === 0 ? Stop.Idle : Stop.Event;
      default:
        if ((insn & 0xfe007fff) === 0x12000073) { // SFENCE.VMA: illegal in U, and in S when TVM=1
          if (priv === 0 || (priv === 1 && tvm)) return this.illegal(insn);
          const rs1 = (insn >>> 15) & 31, rs2 = (insn >>> 20) & 31;
          this.mmu.flush(rs1 ? this.x[rs1]! >>> 0 : undefined, rs2 ? this.x[rs2]! >>> 0 : undefined);
          this.retire();
          return Stop.Continue;
        }
        return this.illegal(insn);
    }
  }
}

/** funct5 values of the RV32A instructions. */
const AMO_FUNCTIONS = new Set([0x02, 0x03, 0x01, 0x00, 0x04, 0x0c, 0x08, 0x10, 0x14, 0x18, 0x1c]);

/** High 32 bits of the unsigned 64-bit product, exactly, with 16-bit limbs (doubles stay exact). */
export function mulhu(a: number, b: number): number {
  const al = a & 0xffff, ah = a >>> 16, bl = b & 0xffff, bh = b >>> 16;
  const lh = al * bh, hl = ah * bl;
  const mid = ((al * bl) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (ah * bh + Math.floor(lh / 65536) + Math.floor(hl / 65536) + Math.floor(mid / 65536)) | 0;
}
/** Signed x signed high word: the unsigned product corrected for negative operands. */
export function mulh(a: number, b: number): number {
  return (mulhu(a, b) - (a < 0 ? b : 0) - (b < 0 ? a : 0)) | 0;
}
/** Signed x unsigned high word. */
export function mulhsu(a: number, b: number): number {
  return (mulhu(a, b) - (a < 0 ? b : 0)) | 0;
}
