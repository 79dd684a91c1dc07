import { createHash } from "node:crypto";
import type { ElfImage } from "./loader/elf.js";
import { ElfError, parseElf } from "./loader/elf.js";
import { explainVirtualKernel, isLinuxImage, parseLinuxImage } from "./loader/linux-image.js";
import { Machine, type MachineStats, type RunHooks, type RunResult } from "./machine.js";
import { TIMEBASE_HZ } from "./devices/clocks.js";
import type { Delegation } from "./monitor/delegation.js";
import { virtFdt } from "./monitor/fdt.js";
import { type CsrPolicy, Monitor, type MonitorEvent, type MonitorStats } from "./monitor/monitor.js";
import { trapCountIndex } from "./hart/hart.js";
import type { EngineName } from "./hart/engine.js";
import { DEFAULT_ISA, type IsaConfig, fdtIsaString, parseIsa } from "./isa/isa-string.js";

export interface BootOptions {
  /** Extensions (default rv32imac); also the device tree's riscv,isa. */
  isa?: IsaConfig;
  delegation: Delegation;
  timeCsr: "native" | "emulate";
  csrPolicy: CsrPolicy;
  ramSize?: number;
  clock?: "instructions" | "wall";
  bootargs?: string;
  /** An initramfs, loaded below the device tree and announced in /chosen linux,initrd-start/end. */
  initrd?: Uint8Array;
  output?: (bytes: Uint8Array) => void;
  readByte?: () => number;
  /** Interpreter or block translator (default: the library default). */
  engine?: EngineName;
  onEvent?: (e: MonitorEvent) => void;
}

export interface BootedMachine {
  machine: Machine;
  monitor: Monitor;
  fdtAddress: number;
}


/**
 * Load an S-mode kernel and start it the way OpenSBI does on QEMU virt: S-mode at the ELF entry,
 * a0 = hart id 0, a1 = the device tree, M-mode owned by the TypeScript monitor.
 */
export function bootKernel(image: ElfImage, name: string, o: BootOptions): BootedMachine {
  const isa = o.isa ?? parseIsa(DEFAULT_ISA);
  const machine = new Machine({
    isa, ramSize: o.ramSize, clock: o.clock, output: o.output, monitorHandlesM: true,
    ...(o.engine ? { engine: o.engine } : {}),
  });
  const virtualKernel = explainVirtualKernel(image, machine.ram.base, machine.ram.size, name);
  if (virtualKernel) throw new ElfError(virtualKernel);
  machine.loadElf(image, name);
  const ram = machine.ram;
  // The device tree goes at the top of RAM (2 MiB-aligned, as QEMU places it), the initrd just below.
  const fdtAddress = placeFdt(image, ram.base, ram.size, FDT_MAX, name);
  let initrd: { start: number; end: number } | undefined;
  if (o.initrd) {
    const end = fdtAddress;
    const start = Math.floor((end - o.initrd.length) / 4096) * 4096;
    const clash = image.segments.some((seg) => seg.memsz > 0 && start < seg.paddr + seg.memsz && seg.paddr < end);
    if (start < ram.base || clash) throw new ElfError(`${name}: no room for the ${o.initrd.length}-byte initrd between the kernel and the device tree; use a larger --memory`);
    ram.bytes.set(o.initrd, start - ram.base);
    initrd = { start, end: start + o.initrd.length };
  }
  const fdt = virtFdt({
    ramBase: ram.base, ramSize: ram.size, timebaseHz: TIMEBASE_HZ, isa: fdtIsaString(isa), mmuType: "riscv,sv32", plic: true,
    ...(o.bootargs !== undefined ? { bootargs: o.bootargs } : {}),
    ...(initrd ? { initrd } : {}),
  });
  if (fdt.length > FDT_MAX) throw new ElfError(`${name}: device tree of ${fdt.length} bytes exceeds ${FDT_MAX}`);
  ram.bytes.set(fdt, fdtAddress - ram.base);

  const monitor = new Monitor(machine, {
    delegation: o.delegation, timeCsr: o.timeCsr, csrPolicy: o.csrPolicy,
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
    ...(o.readByte ? { readByte: o.readByte } : {}),
  });
  monitor.configureHart();
  const hart = machine.hart;
  // Enter S-mode through the same MRET path the monitor uses (MPP = S, mepc = entry).
  hart.csr.mstatus = (hart.csr.mstatus & ~(3 << 11)) | (1 << 11);
  hart.csr.mepc = image.entry >>> 0;
  hart.x[10] = 0;
  hart.x[11] = fdtAddress;
  hart.mret();
  return { machine, monitor, fdtAddress };
}

/** Room kept for the device tree (it is a few KiB; bootargs are the only variable part). */
const FDT_MAX = 64 * 1024;

/** Top of RAM, 2 MiB-aligned as QEMU places it, unless a kernel segment is there. */
function placeFdt(image: ElfImage, ramBase: number, ramSize: number, size: number, name: string): number {
  const end = ramBase + ramSize;
  const overlaps = (at: number): boolean =>
    image.segments.some((s) => s.memsz > 0 && at < s.paddr + s.memsz && s.paddr < at + size);
  for (const align of [2 * 1024 * 1024, 4096, 8]) {
    const at = Math.floor((end - size) / align) * align;
    if (at >= ramBase && !overlaps(at)) return at;
  }
  throw new ElfError(`${name}: no room for the ${size}-byte device tree in RAM above the kernel; use a larger --memory`);
}

export interface BootOutcome {
  result: RunResult;
  stats: MachineStats;
  monitor: MonitorStats;
  /** Traps the hart delivered to S by itself (delegation), by cause. */
  delegated: { cause: number; interrupt: boolean; from: string; count: number }[];
  trapsToM: number;
  trapsToS: number;
  consoleSha256: string;
  console: Uint8Array;
}

/** A booted machine that can run in steps (so an interactive CLI can read the keyboard between them). */
export class BootSession {
  readonly machine: Machine;
  readonly monitor: Monitor;
  private readonly chunks: Uint8Array[] = [];
  private retired = 0;
  private hostSeconds = 0;

  constructor(image: ElfImage, name: string, o: BootOptions, private readonly hooks: RunHooks = {}) {
    const booted = bootKernel(image, name, {
      ...o,
      output: (b) => { this.chunks.push(b.slice()); o.output?.(b); },
    });
    this.machine = booted.machine;
    this.monitor = booted.monitor;
  }

  /** Run up to `maxInsns` more instructions; the result covers every step so far. */
  run(maxInsns: number): RunResult {
    const monitor = this.monitor;
    const r = this.machine.run(maxInsns, { ...this.hooks, onMonitorTrap: () => monitor.handle() });
    this.retired += r.retired;
    this.hostSeconds += r.hostSeconds;
    return { ...r, retired: this.retired, hostSeconds: this.hostSeconds };
  }

  outcome(result: RunResult): BootOutcome {
    const machine = this.machine;
    const console = Buffer.concat(this.chunks);
    const counts = machine.hart.trapCounts;
    const delegated: BootOutcome["delegated"] = [];
    let trapsToM = 0, trapsToS = 0;
    for (const interrupt of [false, true]) {
      for (let cause = 0; cause < 32; cause++) {
        for (const from of [0, 1, 3]) {
          trapsToM += counts[trapCountIndex(interrupt, cause, from, 3)]!;
          const n = counts[trapCountIndex(interrupt, cause, from, 1)]!;
          trapsToS += n;
          if (n) delegated.push({ cause, interrupt, from: from === 0 ? "U" : from === 1 ? "S" : "M", count: n });
        }
      }
    }
    return {
      result, stats: machine.stats(), monitor: this.monitor.stats(), delegated, trapsToM, trapsToS,
      consoleSha256: createHash("sha256").update(console).digest("hex"),
      console,
    };
  }
}

/** Boot, run to completion (or the limit) and gather everything `--stats` and `compare` report. */
export function runBoot(image: ElfImage, name: string, o: BootOptions, maxInsns: number, hooks: RunHooks = {}, onBooted?: (m: Machine) => void): BootOutcome {
  const session = new BootSession(image, name, o, hooks);
  onBooted?.(session.machine);
  return session.outcome(session.run(maxInsns));
}

/** A kernel file as a loadable image: an RV32 ELF, or a RISC-V Linux Image (header magic). */
export function parseKernel(bytes: Uint8Array, name: string, ramBase = 0x80000000): ElfImage {
  return isLinuxImage(bytes) ? parseLinuxImage(bytes, ramBase, name) : parseElf(bytes, name);
}
