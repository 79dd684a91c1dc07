import { MENVCFGH_STCE, MIP, MPP_SHIFT, MSTATUS } from "../csr/bits.js";
import { csrOperand, csrWriteValue } from "../csr/csr-file.js";
import { CSR_ROWS } from "../csr/definitions.js";
import { openPmpForSupervisor } from "../hart/pmp.js";
import { expandCompressed } from "../isa/rvc.js";
import { enterTrapCsrs } from "../hart/trap.js";
import { Exception, Interrupt, causeName, privName } from "../isa/cause.js";
import { Csr } from "../isa/csr-addr.js";
import { disassemble } from "../isa/disasm.js";
import type { Machine } from "../machine.js";
import { hex } from "../machine.js";
import type { Delegation } from "./delegation.js";
import { Eid, IMPL_ID, IMPL_VERSION, SPEC_VERSION, SbiError, sbiCallName } from "./sbi-ids.js";

/** What the monitor does with an S-mode access to an M-mode CSR (`--csr-policy`). */
export type CsrPolicy = "safe" | "emulate" | "forward" | "terminate";
export const CSR_POLICIES: readonly CsrPolicy[] = ["safe", "emulate", "forward", "terminate"];

/** Who dealt with a trap. "delegated" traps never reach the monitor: the hart sent them to S. */
export type HandledBy = "delegated" | "sbi" | "emulated" | "forwarded" | "terminated";

export interface MonitorOptions {
  delegation: Delegation;
  /** native: mcounteren.TM set, S reads `time` in hardware; emulate: every rdtime traps here. */
  timeCsr: "native" | "emulate";
  csrPolicy: CsrPolicy;
  /** One call per trap the monitor handles (narration, tracing). */
  onEvent?: (e: MonitorEvent) => void;
  /** Console input for SBI getchar / DBCN read: next byte or -1. */
  readByte?: () => number;
}

export interface MonitorEvent {
  from: number;
  pc: number;
  /** The trapping instruction's bits, for exceptions raised by an instruction. */
  insn: number | undefined;
  cause: number;
  interrupt: boolean;
  handledBy: HandledBy;
  /** What the monitor did, e.g. "read mhartid = 0" or "SBI BASE probe_extension". */
  detail: string;
  resumePc: number;
  resumePriv: number;
  /** The run ends here (SRST, shutdown, terminate). */
  ended: boolean;
}

export interface TrapRow { cause: number; interrupt: boolean; name: string; from: string; to: string; handledBy: HandledBy; count: number }

export interface MonitorStats {
  traps: TrapRow[];
  sbiCalls: { call: string; count: number }[];
  emulated: number;
  forwarded: number;
  sbi: number;
  /** Host time spent in the monitor, estimated from timed samples (every call up to 64, then 1 in 64). */
  monitorSeconds: number;
}

const HANDLERS: readonly HandledBy[] = ["delegated", "sbi", "emulated", "forwarded", "terminated"];
/** The outcome of every SBI call when nobody listens for details (no allocation per call). */
const SBI_HANDLED = { by: "sbi" as const, detail: "" };

interface SbiCallCount { key: number; eid: number; fid: number; count: number }
const SAFE_READS = new Set<number>([Csr.mvendorid, Csr.marchid, Csr.mimpid, Csr.mhartid, Csr.mconfigptr, Csr.misa]);
const MTIE = MIP.MTIP;

/**
 * The M-mode trap handler, in TypeScript. The hart has already entered the trap (mcause, mepc, mtval,
 * mstatus set as for real firmware); `handle` serves it and leaves through the hart's MRET path.
 */
export class Monitor {
  /** Trap counts by (interrupt, cause, from, handledBy): index ((interrupt*32 + cause)*4 + from)*8 + handler. */
  private readonly traps = new Float64Array(64 * 4 * 8);
  /** SBI call counts by (eid, fid). */
  private readonly sbiCalls = new Map<number, SbiCallCount>();
  private lastSbiCall: SbiCallCount | undefined;
  private retError: number | null = 0;
  private retValue = 0;
  /** Build human-readable details only when someone listens (narration): traps are the hot path. */
  private readonly describe: boolean;
  private readonly shadowCsrs = new Map<number, number>();
  private emulated = 0;
  /** handle() so far changed nothing but hart state. */
  private quiet = true;
  private forwarded = 0;
  private sbi = 0;
  /** Host time in the monitor is sampled (timing every call would double an SBI round trip). */
  private handled = 0;
  private timedCalls = 0;
  private timedMs = 0;

  constructor(private readonly machine: Machine, readonly options: MonitorOptions) {
    this.describe = options.onEvent !== undefined;
  }

  /** Program M-mode state the way firmware does before entering the kernel. */
  configureHart(): void {
    const csr = this.machine.hart.csr;
    csr.medeleg = this.options.delegation.medeleg & 0xb3ff;
    csr.mideleg = this.options.delegation.mideleg & 0x222;
    // cycle, instret and every hpmcounter readable from S; time only with --time-csr native.
    csr.mcounteren = (this.options.timeCsr === "native" ? ~0 : ~2) >>> 0;
    csr.mie = MIP.MSIP;
    // With Sstc the kernel's timer is stimecmp itself (STIP in hardware), as OpenSBI does.
    if (this.machine.hart.config.isa.sstc) csr.menvcfgh |= MENVCFGH_STCE;
    openPmpForSupervisor(csr);
    this.machine.hart.memoryConfigChanged();
  }

  /**
   * Serve the trap the hart has just taken into M. Returns true when only hart state changed (the
   * hart may go on at once), false when the machine must look (a timer programmed, a shutdown, an
   * interrupt re-routed, memory written, translation changed).
   */
  handle(): boolean {
    this.quiet = true;
    // Time the first 64 calls and then one in 64; stats() scales the sample to all calls.
    const timed = this.handled < 64 || (this.handled & 63) === 0;
    this.handled++;
    const t0 = timed ? performance.now() : 0;
    const hart = this.machine.hart;
    const csr = hart.csr;
    const interrupt = csr.mcause >>> 31 === 1;
    const cause = csr.mcause & 0x7fffffff;
    const from = (csr.mstatus >>> MPP_SHIFT) & 3;
    const pc = csr.mepc;
    let outcome: { by: HandledBy; detail: string; insn?: number };
    if (interrupt || cause === Exception.LoadMisaligned || cause === Exception.StoreMisaligned) this.quiet = false;
    if (from === 3) {
      // No M-mode code runs from guest memory, so a trap from M is a monitor bug.
      this.machine.terminate(`monitor: unexpected ${causeName(cause, interrupt)} from M-mode at 0x${hex(pc)}`);
      outcome = { by: "terminated", detail: "trap from M-mode" };
    } else if (interrupt) outcome = this.interrupt(cause);
    else {
      switch (cause) {
        case Exception.EcallFromS: outcome = this.sbiCall(); break;
        case Exception.IllegalInstruction: outcome = this.illegalInstruction(from); break;
        case Exception.LoadMisaligned:
        case Exception.StoreMisaligned: outcome = this.misaligned(cause, from); break;
        default: outcome = this.forward(cause, csr.mtval, from, "not handled by the monitor");
      }
    }
    if (outcome.by !== "terminated") hart.mret();
    this.count(cause, interrupt, from, outcome.by);
    if (timed) {
      this.timedMs += performance.now() - t0;
      this.timedCalls++;
    }
    if (this.options.onEvent) {
      const insn = outcome.insn ?? (interrupt || cause === Exception.InstructionAccessFault || cause === Exception.InstructionPageFault ? undefined : hart.peekInstruction(pc, from)?.raw);
      this.options.onEvent({
        from, pc, insn, cause, interrupt, handledBy: outcome.by, detail: outcome.detail,
        resumePc: hart.pc, resumePriv: hart.priv, ended: this.machine.exited,
      });
    }
    return this.quiet && outcome.by !== "terminated";
  }

  private count(cause: number, interrupt: boolean, from: number, by: HandledBy): void {
    const handler = by === "sbi" ? 1 : HANDLERS.indexOf(by);
    this.traps[((((interrupt ? 32 : 0) + (cause & 31)) * 4 + from) * 8) + handler]!++;
    if (by === "emulated") this.emulated++;
    else if (by === "forwarded") this.forwarded++;
    else if (by === "sbi") this.sbi++;
  }

  /**
   * Deliver a trap to the guest's S-mode handler exactly as delegation would (4.1.1): scause, sepc,
   * stval, SPP/SPIE/SIE, pc = stvec (vectored for interrupts). The caller's MRET then enters S.
   */
  private forward(cause: number, tval: number, from: number, why: string, interrupt = false) {
    const csr = this.machine.hart.csr;
    const vector = enterTrapCsrs(csr, from, 1, cause, interrupt, csr.mepc, tval);
    if (!interrupt && cause === Exception.InstructionAccessFault && csr.mepc === (csr.stvec & ~3) >>> 0) {
      this.machine.terminate(`guest has no S-mode trap handler: stvec = 0x${hex(csr.stvec)} cannot be fetched`);
      return { by: "terminated" as const, detail: "no S-mode trap handler" };
    }
    csr.mepc = vector;
    csr.mstatus = ((csr.mstatus & ~MSTATUS.MPP) | (1 << MPP_SHIFT)) >>> 0;
    return { by: "forwarded" as const, detail: this.describe ? `forwarded to stvec 0x${hex(vector)} (${why})` : "" };
  }

  private skipInstruction(): void {
    const csr = this.machine.hart.csr;
    csr.mepc = (csr.mepc + 4) >>> 0;
  }

  // ---- interrupts -------------------------------------------------------------------------------

  private interrupt(cause: number) {
    const csr = this.machine.hart.csr;
    if (cause === Interrupt.MachineTimer) {
      // Without Sstc the monitor turns MTI into STI for the guest, as OpenSBI does.
      csr.mie &= ~MTIE;
      csr.mipSoftware |= MIP.STIP;
      return { by: "forwarded" as const, detail: "raised STIP for the guest (timer)" };
    }
    if (cause === Interrupt.MachineSoftware) {
      this.machine.clint.msip = 0;
      csr.mipSoftware |= MIP.SSIP;
      return { by: "forwarded" as const, detail: "raised SSIP for the guest (IPI)" };
    }
    csr.mie &= ~(1 << cause);
    return { by: "emulated" as const, detail: `masked unexpected ${causeName(cause, true)}` };
  }

  // ---- SBI ----------------------------------------------------------------------------------------

  private sbiCall() {
    const hart = this.machine.hart;
    const x = hart.x;
    const eid = x[17]! >>> 0, fid = x[16]! >>> 0;
    const key = eid * 0x10000 + Math.min(fid, 0xffff);
    // Calls come in runs of the same one: keep the last counter at hand (no map lookup).
    let entry = this.lastSbiCall;
    if (entry === undefined || entry.key !== key) {
      entry = this.sbiCalls.get(key);
      if (!entry) this.sbiCalls.set(key, (entry = { key, eid, fid, count: 0 }));
      this.lastSbiCall = entry;
    }
    entry.count++;
    this.skipInstruction();
    if (eid < 0x10) {
      x[10] = this.legacy(eid);
      return this.describe ? { by: "sbi" as const, detail: `SBI ${sbiCallName(eid, fid)}` } : SBI_HANDLED;
    }
    this.sbiV2(eid, fid);
    const error = this.retError;
    if (error !== null) {
      x[10] = error;
      x[11] = this.retValue;
    }
    return this.describe ? { by: "sbi" as const, detail: `SBI ${sbiCallName(eid, fid)}${error !== null && error < 0 ? ` -> error ${error}` : ""}` } : SBI_HANDLED;
  }

  /** Argument register a<i> of the SBI call being served. */
  private arg(i: number): number {
    return this.machine.hart.x[10 + i]! >>> 0;
  }

  /** An SBI v2 result: error (null: a call that does not return, a0/a1 untouched) and value. */
  private ret(error: number | null, value: number): void {
    this.retError = error;
    this.retValue = value;
  }

  private legacy(eid: number): number {
    switch (eid) {
      case Eid.legacySetTimer: this.setTimer(this.arg(0), this.arg(1)); return 0;
      case Eid.legacyConsolePutchar: this.machine.output(new Uint8Array([this.arg(0) & 0xff])); return 0;
      case Eid.legacyConsoleGetchar: return this.options.readByte?.() ?? -1;
      case Eid.legacyShutdown: this.machine.halt(0, "SBI legacy shutdown"); return 0;
      default: return SbiError.notSupported;
    }
  }

  private setTimer(lo: number, hi: number): void {
    this.quiet = false; // the machine's next timer deadline moves
    const csr = this.machine.hart.csr;
    if (csr.menvcfgh & MENVCFGH_STCE) {
      csr.stimecmp = lo >>> 0;
      csr.stimecmph = hi >>> 0;
      return;
    }
    this.machine.clint.mtimecmp = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    csr.mipSoftware &= ~MIP.STIP;
    csr.mie |= MTIE;
  }

  /** SBI v2.0 calls: [error, value]; error null means "do not touch a0/a1" (calls that do not return). */
  private sbiV2(eid: number, fid: number): void {
    const m = this.machine;
    const E = SbiError;
    switch (eid) {
      case Eid.base:
        switch (fid) {
          case 0: return this.ret(E.success, SPEC_VERSION);
          case 1: return this.ret(E.success, IMPL_ID);
          case 2: return this.ret(E.success, IMPL_VERSION);
          case 3: return this.ret(E.success, this.probe(this.arg(0)));
          case 4: return this.ret(E.success, CSR_ROWS[Csr.mvendorid]!.read(m.hart));
          case 5: return this.ret(E.success, CSR_ROWS[Csr.marchid]!.read(m.hart));
          case 6: return this.ret(E.success, CSR_ROWS[Csr.mimpid]!.read(m.hart));
          default: return this.ret(E.notSupported, 0);
        }
      case Eid.time:
        if (fid !== 0) return this.ret(E.notSupported, 0);
        this.setTimer(this.arg(0), this.arg(1));
        return this.ret(E.success, 0);
      case Eid.ipi: {
        if (fid !== 0) return this.ret(E.notSupported, 0);
        const targets = this.hartMask(this.arg(0), this.arg(1));
        if (targets === undefined) return this.ret(E.invalidParam, 0);
        if (targets) m.hart.csr.mipSoftware |= MIP.SSIP;
        return this.ret(E.success, 0);
      }
      case Eid.rfence: {
        if (fid > 2) return this.ret(E.notSupported, 0); // the hypervisor fences need the H extension
        if (this.hartMask(this.arg(0), this.arg(1)) === undefined) return this.ret(E.invalidParam, 0);
        if (fid > 0) {
          const start = this.arg(2), size = this.arg(3);
          // size = 0 or all-ones (flush everything) are always fine; otherwise the range must not wrap.
          if (size !== 0 && size !== 0xffffffff && start + size > 0x100000000) return this.ret(E.invalidAddress, 0);
        }
        return this.ret(E.success, 0); // one hart, no TLB or instruction cache to flush yet: local fences are no-ops
      }
      case Eid.hsm: return this.hsm(fid);
      case Eid.srst: {
        if (fid !== 0) return this.ret(E.notSupported, 0);
        const type = this.arg(0), reason = this.arg(1);
        // Reserved values and unimplemented vendor/platform-specific ones are INVALID_PARAM (SBI 2.0 §10.1).
        if (type > 2 || reason > 1) return this.ret(E.invalidParam, 0);
        // Reboots are valid types this platform does not perform (a run is one boot): NOT_SUPPORTED.
        if (type !== 0) return this.ret(E.notSupported, 0);
        m.halt(reason, `SBI SRST shutdown (${reason === 0 ? "no reason" : "system failure"})`);
        return this.ret(null, 0);
      }
      case Eid.dbcn: return this.debugConsole(fid);
      default:
        return this.ret(E.notSupported, 0);
    }
  }

  private probe(eid: number): number {
    const known: number[] = [Eid.base, Eid.time, Eid.ipi, Eid.rfence, Eid.hsm, Eid.srst, Eid.dbcn,
      Eid.legacySetTimer, Eid.legacyConsolePutchar, Eid.legacyConsoleGetchar, Eid.legacyShutdown];
    return known.includes(eid) ? 1 : 0;
  }

  /** true: hart 0 is targeted; false: it is not; undefined: the mask names harts that do not exist. */
  private hartMask(mask: number, base: number): boolean | undefined {
    if (base === 0xffffffff) return true; // hart_mask_base = -1: every hart
    if (base !== 0) return mask === 0 ? false : undefined;
    if (mask & ~1) return undefined;
    return (mask & 1) === 1;
  }

  private hsm(fid: number): void {
    this.quiet = false; // stop, suspend: translation and the run itself may change
    const E = SbiError;
    const m = this.machine;
    switch (fid) {
      case 0: return this.ret(this.arg(0) === 0 ? E.alreadyAvailable : E.invalidParam, 0); // hart_start: hart 0 is running
      case 1: // hart_stop: the only hart stops, so nothing is left to run
        m.halt(0, "SBI HSM hart_stop: the only hart stopped");
        return this.ret(null, 0);
      case 2: return this.ret(this.arg(0) === 0 ? E.success : E.invalidParam, 0); // STARTED whenever it can ask
      case 3: {
        const type = this.arg(0);
        if (type === 0) return this.ret(E.success, 0); // retentive: resumes at once (interrupts are checked next)
        if (type === 0x80000000) {
          const resume = this.arg(1);
          if (!m.bus.isRam(resume, 4)) return this.ret(E.invalidAddress, 0);
          // Non-retentive: resume in S at resume_addr, a0 = hartid, a1 = opaque, satp = 0, SIE = 0.
          const csr = m.hart.csr;
          csr.satp = 0;
          m.hart.memoryConfigChanged();
          csr.mstatus &= ~MSTATUS.SIE;
          csr.mepc = resume;
          m.hart.x[10] = 0;
          m.hart.x[11] = this.arg(2);
          return this.ret(null, 0);
        }
        if (type < 0x10000000 || (type > 0x80000000 && type < 0x90000000)) return this.ret(E.invalidParam, 0);
        return this.ret(E.invalidParam, 0); // platform-specific types: none implemented
      }
      default: return this.ret(E.notSupported, 0);
    }
  }

  private debugConsole(fid: number): void {
    if (fid === 1) this.quiet = false; // console read writes guest memory
    const E = SbiError;
    const bus = this.machine.bus;
    if (fid === 2) {
      this.machine.output(new Uint8Array([this.arg(0) & 0xff]));
      return this.ret(E.success, 0);
    }
    if (fid > 1) return this.ret(E.notSupported, 0);
    const n = this.arg(0), lo = this.arg(1), hi = this.arg(2);
    // The buffer must be guest RAM (riscv-sbi-doc "shared memory physical address range").
    if (hi !== 0 || !bus.isRam(lo, n)) return this.ret(E.invalidParam, 0);
    const off = lo - bus.ram.base;
    if (fid === 0) {
      this.machine.output(bus.ram.bytes.slice(off, off + n));
      return this.ret(E.success, n);
    }
    let count = 0;
    while (count < n) {
      const b = this.options.readByte?.() ?? -1;
      if (b < 0) break;
      bus.ram.write(off + count++, 1, b); // through write: the bytes may overwrite translated code
    }
    return this.ret(E.success, count);
  }

  // ---- trap-and-emulate ---------------------------------------------------------------------------

  private illegalInstruction(from: number) {
    const hart = this.machine.hart;
    const csr = hart.csr;
    const insn = csr.mtval >>> 0;
    const f3 = (insn >>> 12) & 7;
    const isCsr = (insn & 0x7f) === 0x73 && f3 !== 0 && f3 !== 4;
    if (!isCsr) return { ...this.forward(Exception.IllegalInstruction, insn, from, "illegal instruction"), insn };
    const addr = insn >>> 20;
    const rd = (insn >>> 7) & 31;
    const src = (insn >>> 15) & 31;
    const writes = (f3 & 3) === 1 || src !== 0;
    // The disassembly only for a listener (or a termination message): emulated CSR reads are hot.
    const text = this.describe ? disassemble(insn, csr.mepc) : "";

    // (2) time/timeh with mcounteren.TM clear: emulated from mtime (U only when the kernel allows it).
    if ((addr === Csr.time || addr === Csr.timeh) && !writes && (from === 1 || (csr.scounteren & 2) !== 0)) {
      const value = this.machine.clint.mtimeHalf(addr === Csr.timeh);
      if (rd !== 0) hart.x[rd] = value;
      this.skipInstruction();
      return { by: "emulated" as const, detail: this.describe ? `${text}: read mtime = 0x${hex(value)}` : "", insn };
    }

    // (3) S-mode access to an M-mode CSR: the per-run policy.
    if (from === 1 && ((addr >>> 8) & 3) === 3) {
      const policy = this.options.csrPolicy;
      const row = CSR_ROWS[addr];
      if (policy === "terminate") {
        const shown = disassemble(insn, csr.mepc);
        this.machine.terminate(`S-mode executed '${shown}' (0x${hex(insn)}) at 0x${hex(csr.mepc)}: access to an M-mode CSR (--csr-policy terminate)`);
        return { by: "terminated" as const, detail: `terminated on ${shown}`, insn };
      }
      const emulate = row !== undefined && (policy === "emulate" || (policy === "safe" && !writes && SAFE_READS.has(addr)));
      if (!emulate || (writes && addr >>> 10 === 3)) {
        return { ...this.forward(Exception.IllegalInstruction, insn, from, `M-mode CSR, --csr-policy ${policy}`), insn };
      }
      const old = this.shadowCsrs.get(addr) ?? row.read(hart);
      if (writes) this.shadowCsrs.set(addr, csrWriteValue(f3, old, csrOperand(hart, insn)));
      if (rd !== 0) hart.x[rd] = old;
      this.skipInstruction();
      const name = row.name;
      return {
        by: "emulated" as const,
        detail: !this.describe ? "" : writes ? `${text}: wrote shadow ${name} = 0x${hex(this.shadowCsrs.get(addr)!)}` : `${text}: read ${name} = 0x${hex(old)}`,
        insn,
      };
    }
    return { ...this.forward(Exception.IllegalInstruction, insn, from, "illegal instruction"), insn };
  }

  /**
   * (1) A misaligned load or store from S/U, done byte by byte through the trapping mode's
   * translation and PMP; the first byte that faults is forwarded as that fault with its address.
   */
  private misaligned(cause: number, from: number) {
    const hart = this.machine.hart;
    const csr = hart.csr;
    const addr = csr.mtval >>> 0;
    const pc = csr.mepc;
    const fetched = hart.peekInstruction(pc, from);
    if (!fetched) return this.forward(cause, addr, from, "the trapping instruction cannot be read");
    const insn = fetched.len === 2 ? expandCompressed(fetched.raw) : fetched.raw;
    const f3 = (insn >>> 12) & 7;
    const size = 1 << (f3 & 3);
    const isLoad = cause === Exception.LoadMisaligned;
    const text = this.describe ? disassemble(fetched.raw, pc) : "";
    const ok = isLoad ? hart.loadBytes(addr, size, from) : hart.storeBytes(addr, size, hart.x[(insn >>> 20) & 31]!, from);
    if (!ok) {
      const va = hart.faultAddress;
      return { ...this.forward(hart.faultCause, va, from, `byte 0x${hex(va)} of a misaligned access faults`), insn: fetched.raw };
    }
    const rd = (insn >>> 7) & 31;
    if (isLoad && rd !== 0) hart.x[rd] = f3 === 1 ? (hart.bytesLoaded << 16) >> 16 : hart.bytesLoaded;
    csr.mepc = (pc + fetched.len) >>> 0;
    return { by: "emulated" as const, detail: this.describe ? `${text}: ${size}-byte ${isLoad ? "load" : "store"} at 0x${hex(addr)} done byte by byte` : "", insn: fetched.raw };
  }

  stats(): MonitorStats {
    const counted = [...this.traps.entries()].filter(([, count]) => count > 0);
    const traps: TrapRow[] = counted.map(([key, count]) => {
      const handledBy = HANDLERS[key % 8]!;
      const from = Math.floor(key / 8) % 4;
      const code = Math.floor(key / 32);
      const interrupt = code >= 32;
      const cause = code % 32;
      return { cause, interrupt, name: causeName(cause, interrupt), from: privName(from), to: "M", handledBy, count };
    });
    return {
      traps,
      sbiCalls: [...this.sbiCalls.values()].map((c) => ({ call: sbiCallName(c.eid, c.fid), count: c.count })),
      emulated: this.emulated,
      forwarded: this.forwarded,
      sbi: this.sbi,
      monitorSeconds: this.timedCalls ? (this.timedMs / this.timedCalls) * this.handled / 1e3 : 0,
    };
  }
}
