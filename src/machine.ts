import { Bus, VirtMap } from "./bus/bus.js";
import { Ram } from "./bus/ram.js";
import { MENVCFGH_STCE, MIP, MISA_MXL_32, misaLetter } from "./csr/bits.js";
import { DEFAULT_ISA, type IsaConfig, parseIsa } from "./isa/isa-string.js";
import { Clint } from "./devices/clint.js";
import { InstructionClock, WallClock } from "./devices/clocks.js";
import type { Clock, Host } from "./devices/host.js";
import { Htif } from "./devices/htif.js";
import { Plic } from "./devices/plic.js";
import { UART_IRQ } from "./monitor/fdt.js";
import { TestFinisher } from "./devices/test-finisher.js";
import { Uart16550 } from "./devices/uart16550.js";
import { Hart, type MisalignedPolicy, Stop, trapCountIndex } from "./hart/hart.js";
import { causeName, privName } from "./isa/cause.js";
import { type EngineName, getDefaultEngine } from "./hart/engine.js";
import type { JitStats } from "./hart/jit/jit.js";
import { type ElfImage, checkSegmentsFit } from "./loader/elf.js";

export interface MachineConfig {
  /** Extensions (default rv32imac, as `--isa`). */
  isa?: IsaConfig;
  /** RAM size in bytes (default 128 MiB), at 0x80000000. */
  ramSize?: number;
  /** mtime source: retired instructions (default, reproducible) or the host's wall clock. */
  clock?: "instructions" | "wall";
  /** Where guest console output goes (UART, HTIF). */
  output?: (bytes: Uint8Array) => void;
  /** Traps into M end the hart's run so host code can serve them (the monitor). */
  monitorHandlesM?: boolean;
  /** Misaligned loads/stores (default raise-below-m: S/U raise so the monitor or kernel emulates). */
  misaligned?: MisalignedPolicy;
  /** Interpreter or block translator (default: getDefaultEngine()). */
  engine?: EngineName;
}

/** exit: the guest asked to stop; terminated: the monitor stopped it (policy); limit: --max-insns. */
export type RunStatus = "exit" | "terminated" | "limit" | "livelock";

export interface RunResult {
  status: RunStatus;
  /** Guest exit status (HTIF, test finisher, SBI); undefined unless status is "exit". */
  exitCode: number | undefined;
  /** One line saying why the run ended. */
  reason: string;
  /** Instructions retired during this run call. */
  retired: number;
  hostSeconds: number;
}

export interface TrapStat {
  cause: number;
  interrupt: boolean;
  name: string;
  from: string;
  to: string;
  count: number;
}

export interface MachineStats {
  retired: { M: number; S: number; U: number; total: number };
  traps: TrapStat[];
  /** The engine, and for jit what translation did (see JitStats). */
  engine: { name: EngineName } & Partial<JitStats>;
}

/** Hook for per-instruction tracing: called after every retired instruction or trap. */
export interface StepObserver {
  instruction(pc: number, priv: number, insn: number, rd: number, value: number): void;
  trap(hart: Hart): void;
}

export interface RunHooks {
  /**
   * Serves traps into M when the machine was built with `monitorHandlesM` (the monitor). It may be
   * called from inside the hart's run (see Hart.monitorHook); it returns true when the hart may
   * carry on without the machine looking (only hart state changed).
   */
  onMonitorTrap?: () => boolean;
  /** Called after every trap the hart takes (before the monitor handles it), without single-stepping. */
  onTrap?: (hart: Hart) => void;
  /** Single-steps the run and reports every instruction (tracing). */
  observer?: StepObserver;
}

export const DEFAULT_RAM = 128 * 1024 * 1024;
const SLICE_MAX = 1 << 16;
const WALL_SLICE = 1 << 13;
const LIVELOCK_EVENTS = 100_000;

/** misa of an rv32i machine: the base ISA with S and U modes (3.1.1). */
export const MISA_RV32ISU = (MISA_MXL_32 | misaLetter("I") | misaLetter("S") | misaLetter("U")) >>> 0;

/** A hart, RAM and the QEMU-virt devices, with the run loop around them. No process or fs access. */
export class Machine {
  readonly ram: Ram;
  readonly bus: Bus;
  readonly hart: Hart;
  readonly clint: Clint;
  readonly uart: Uart16550;
  readonly plic: Plic;
  readonly clock: Clock;
  readonly engine: EngineName;
  htif: Htif | undefined;
  entry: number = VirtMap.ram;
  private halted: { status: number; reason: string; terminated: boolean } | undefined;
  private resetRequested = false;
  private readonly host: Host;

  constructor(readonly config: MachineConfig = {}) {
    this.ram = new Ram(VirtMap.ram, config.ramSize ?? DEFAULT_RAM);
    this.engine = config.engine ?? getDefaultEngine();
    this.bus = new Bus(this.ram);
    const output = config.output ?? (() => {});
    this.host = {
      output,
      halt: (status, reason) => { this.halted ??= { status, reason, terminated: false }; },
      reset: () => { this.resetRequested = true; },
    };
    this.hart = new Hart(
      {
        hartId: 0, isa: config.isa ?? parseIsa(DEFAULT_ISA), sv32: true,
        monitorHandlesM: config.monitorHandlesM ?? false,
        misaligned: config.misaligned ?? "raise-below-m",
        engine: this.engine,
      },
      this.bus,
      { mtime: () => this.clint.mtime(), mtimeHalf: (hi) => this.clint.mtimeHalf(hi) },
    );
    this.clock = config.clock === "wall" ? new WallClock() : new InstructionClock(this.hart);
    this.clint = new Clint(VirtMap.clint, this.clock);
    this.uart = new Uart16550(VirtMap.uart0, this.host);
    this.plic = new Plic(VirtMap.plic);
    this.bus.attach(this.clint);
    this.bus.attach(this.uart);
    this.bus.attach(this.plic);
    this.bus.attach(new TestFinisher(VirtMap.testFinisher, this.host));
  }

  /** Copy an ELF's segments into RAM, wire HTIF to its `tohost`, and reset the hart at its entry. */
  loadElf(image: ElfImage, name = "program"): void {
    checkSegmentsFit(image, this.ram.base, this.ram.size, name);
    for (const seg of image.segments) {
      const off = seg.paddr - this.ram.base;
      this.ram.bytes.set(seg.data, off);
      this.ram.bytes.fill(0, off + seg.data.length, off + seg.memsz);
    }
    const tohost = image.symbols.get("tohost");
    if (tohost !== undefined && this.bus.isRam(tohost, 8)) {
      this.htif = new Htif(tohost, image.symbols.get("fromhost"), this.bus, this.host, () => this.hart.retired);
      this.bus.watch = this.htif;
    }
    this.entry = image.entry >>> 0;
    this.hart.reset(this.entry);
  }

  get exited(): boolean {
    return this.halted !== undefined;
  }

  /** Stop the run on the guest's request (the monitor's SBI shutdown). */
  halt(status: number, reason: string): void {
    this.host.halt(status, reason);
  }

  /** Stop the run against the guest's will (a monitor policy), naming why. */
  terminate(reason: string): void {
    this.halted ??= { status: 1, reason, terminated: true };
  }

  /** Guest console output from host-side code (the monitor's SBI console). */
  output(bytes: Uint8Array): void {
    this.host.output(bytes);
  }

  /** Bring device interrupt lines into mip; with Sstc enabled, stimecmp drives STIP. */
  private syncLines(): void {
    const csr = this.hart.csr;
    this.plic.setSource(UART_IRQ, this.uart.irq());
    let lines = (csr.mipLines & ~(MIP.MSIP | MIP.MTIP | MIP.STIP | MIP.MEIP | MIP.SEIP)) | this.clint.lines() | this.plic.lines();
    if (csr.menvcfgh & MENVCFGH_STCE && this.stimecmpWait() === 0) lines |= MIP.STIP;
    csr.mipLines = lines >>> 0;
  }

  /** Instructions until mtime reaches stimecmp (Sstc). */
  private stimecmpWait(): number {
    const csr = this.hart.csr;
    return this.clint.instructionsUntil((BigInt(csr.stimecmph) << 32n) | BigInt(csr.stimecmp));
  }

  /** Instructions until the next enabled timer deadline (CLINT mtimecmp, Sstc stimecmp), or Infinity. */
  private untilNextTimer(): number {
    const csr = this.hart.csr;
    let wait = Infinity;
    const m = this.clint.instructionsUntilTimer();
    if (m > 0) wait = m;
    if (csr.menvcfgh & MENVCFGH_STCE) {
      const s = this.stimecmpWait();
      if (s > 0 && s < wait) wait = s;
    }
    return wait;
  }

  /**
   * Run until the guest exits or `maxInsns` instructions retire.
   */
  run(maxInsns: number, hooks: RunHooks = {}): RunResult {
    const { onMonitorTrap, onTrap, observer } = hooks;
    const hart = this.hart;
    const start = hart.retired;
    const t0 = process.hrtime.bigint();
    let idleEvents = 0;
    const wall = this.config.clock === "wall";
    hart.stopAfterTrap = onTrap !== undefined || observer !== undefined;
    // The monitor serves traps in place (without a return to this loop) unless the run is observed.
    hart.monitorHook = onMonitorTrap && !hart.stopAfterTrap ? () => onMonitorTrap() && this.halted === undefined && !this.resetRequested : undefined;
    while (this.halted === undefined) {
      const done = hart.retired - start;
      if (done >= maxInsns) break;
      if (this.resetRequested) {
        this.resetRequested = false;
        hart.reset(this.entry);
      }
      this.syncLines();
      const untilTimer = this.untilNextTimer();
      let slice = Math.min(maxInsns - done, wall ? WALL_SLICE : SLICE_MAX);
      if (untilTimer < slice) slice = untilTimer;
      const before = hart.retired;
      const trapsBefore = hart.trapsTaken;
      let stop: number;
      if (observer) {
        const pc = hart.pc, priv = hart.priv;
        const insn = hart.peekInstruction(pc, priv)?.raw ?? 0;
        stop = hart.run(1);
        if (hart.retired !== before) {
          const rd = writesRd(insn) ? (insn >>> 7) & 31 : 0;
          observer.instruction(pc, priv, insn, rd, hart.x[rd]!);
        }
        if (hart.trapsTaken !== trapsBefore) observer.trap(hart);
      } else {
        stop = hart.run(slice);
        if (onTrap && hart.trapsTaken !== trapsBefore) onTrap(hart);
      }
      this.htif?.poll();
      if (stop === Stop.MonitorTrap && onMonitorTrap) onMonitorTrap();
      else if (stop === Stop.Idle) this.idle();
      if (hart.retired === before) {
        if (++idleEvents >= LIVELOCK_EVENTS) {
          const t = hart.lastTrap;
          return this.result("livelock", undefined,
            `no instruction retired in ${LIVELOCK_EVENTS} consecutive traps: last was ${causeName(t.cause, t.interrupt)} at 0x${hex(t.epc)} (tval 0x${hex(t.tval)}) into ${privName(t.to)}-mode, vector 0x${hex(hart.pc)}`,
            start, t0);
        }
      } else idleEvents = 0;
    }
    hart.accountPrivilege();
    if (this.halted?.terminated) return this.result("terminated", undefined, this.halted.reason, start, t0);
    if (this.halted) return this.result("exit", this.halted.status, this.halted.reason, start, t0);
    return this.result("limit", undefined, `stopped after ${maxInsns} instructions (--max-insns) at pc 0x${hex(hart.pc)} in ${privName(hart.priv)}-mode`, start, t0);
  }

  /** WFI with nothing pending: on the instruction clock, let mtime jump to the timer deadline. */
  private idle(): void {
    if (!(this.clock instanceof InstructionClock)) return;
    const csr = this.hart.csr;
    if (!(csr.mie & (MIP.MTIP | MIP.STIP))) return;
    const wait = this.untilNextTimer();
    if (wait < 0x7fffffff) this.clock.idleTicks += wait;
  }

  private result(status: RunStatus, exitCode: number | undefined, reason: string, start: number, t0: bigint): RunResult {
    this.hart.accountPrivilege();
    this.hart.stopAfterTrap = true;
    this.hart.monitorHook = undefined;
    return {
      status, exitCode, reason,
      retired: this.hart.retired - start,
      hostSeconds: Number(process.hrtime.bigint() - t0) / 1e9,
    };
  }

  stats(): MachineStats {
    const h = this.hart;
    h.accountPrivilege();
    const r = h.retiredByPriv;
    const traps: TrapStat[] = [];
    for (const interrupt of [false, true]) {
      for (let cause = 0; cause < 32; cause++) {
        for (const from of [3, 1, 0]) {
          for (const to of [3, 1]) {
            const count = h.trapCounts[trapCountIndex(interrupt, cause, from, to)]!;
            if (count) traps.push({ cause, interrupt, name: causeName(cause, interrupt), from: privName(from), to: privName(to), count });
          }
        }
      }
    }
    return { retired: { M: r[3]!, S: r[1]!, U: r[0]!, total: h.retired }, traps, engine: { name: this.engine, ...h.jit?.stats } };
  }
}

/** Whether an instruction writes its rd field: U/J types, JALR, loads, OP/OP-IMM, CSR accesses. */
function writesRd(insn: number): boolean {
  switch (insn & 0x7f) {
    case 0x37: case 0x17: case 0x6f: case 0x67: case 0x03: case 0x13: case 0x33: return true;
    case 0x73: return ((insn >>> 12) & 7) !== 0 && ((insn >>> 12) & 7) !== 4;
    default: return false;
  }
}

export function hex(v: number): string {
  return (v >>> 0).toString(16).padStart(8, "0");
}
