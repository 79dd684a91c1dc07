// Benchmarking one ELF (or Linux Image) the way `trapvisor bench` and `npm run bench` report it:
// trapvisor in-process (instructions, MIPS: median of repeated runs, tinybench), trapvisor as a
// whole process (the CLI, median wall time), and — when qemu-system-riscv32 is installed — QEMU
// on the same file in the same run, with and without one instruction per translation block.
// Every figure is a median of repeated runs; ratios are QEMU seconds / trapvisor seconds, whole
// processes on both sides (start-up included).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { parseKernel, runBoot } from "../boot.js";
import type { EngineName } from "../hart/engine.js";
import { ElfError, type ElfImage, parseElf } from "../loader/elf.js";
import { isLinuxImage } from "../loader/linux-image.js";
import { Machine } from "../machine.js";
import { PRESETS } from "../monitor/delegation.js";
import { warmUp } from "../warmup.js";

/** The CLI as installed (the bundle `npm run build` writes; the same path from dist/bench and dist/bin). */
const CLI = fileURLToPath(new URL("../bin/main.js", import.meta.url));
/** The M-mode SBI firmware QEMU runs S-mode kernels on (QEMU 7.2 ships none for RV32). */
export const TVFW = fileURLToPath(new URL("../../bench/firmware/tvfw.elf", import.meta.url));
const QEMU = "qemu-system-riscv32";
/** Kernels start where QEMU virt and `trapvisor boot` put an RV32 S-mode kernel. */
const KERNEL_BASE = 0x80400000;

/** How a file runs: from reset in M-mode (HTIF tohost, or the test finisher), or as an S-mode kernel. */
export type ElfKind = "htif" | "machine" | "kernel";

export interface BenchOptions {
  engines: EngineName[];
  /** In-process runs per engine (median); one extra warm-up run precedes them. */
  runs: number;
  /** Rounds of whole-process runs (each round runs QEMU and trapvisor per engine once; medians). */
  procRuns: number;
  /** Compare with QEMU when it is installed. */
  qemu: boolean;
  /** Kernel command line for kernels (Linux). */
  append?: string;
  maxInsns: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** The trapvisor CLI to time (default: the installed bundle, dist/bin/main.js). */
  cli?: string;
}

export interface EngineResult {
  engine: EngineName;
  instructions: number;
  /** Median in-process run, seconds. */
  inProcessS: number;
  mips: number;
  /** Median whole-process wall time of the CLI, seconds (undefined when procRuns = 0). */
  processS?: number;
  /** QEMU seconds / trapvisor seconds (whole processes). */
  vsQemu?: number;
  vsQemuOneInsn?: number;
}

export interface ElfBenchResult {
  name: string;
  path: string;
  kind: ElfKind;
  engines: EngineResult[];
  qemu?: { command: string; s: number; oneInsnS?: number; oneInsnFlag?: string };
}

export interface QemuInfo {
  version: string;
  /** The flag for one guest instruction per translation block (QEMU's own single-step mode). */
  oneInsn: string[] | undefined;
}

let qemuCache: QemuInfo | null | undefined;

/** QEMU's version and single-step flag, or null when qemu-system-riscv32 is not installed. */
export function qemuInfo(): QemuInfo | null {
  if (qemuCache !== undefined) return qemuCache;
  const v = spawnSync(QEMU, ["--version"], { encoding: "utf8" });
  if (v.error || v.status !== 0) return (qemuCache = null);
  const accel = spawnSync(QEMU, ["-accel", "tcg,help"], { encoding: "utf8" });
  const help = spawnSync(QEMU, ["-help"], { encoding: "utf8" });
  let oneInsn: string[] | undefined;
  if (/one-insn-per-tb/.test(`${accel.stdout}${accel.stderr}`)) oneInsn = ["-accel", "tcg,one-insn-per-tb=on"];
  else if (/^-singlestep\b/m.test(help.stdout ?? "")) oneInsn = ["-singlestep"];
  return (qemuCache = { version: v.stdout.split("\n")[0]!.trim(), oneInsn });
}

/** Parse an ELF or Linux Image and say how it runs. */
export function loadBenchImage(path: string, bytes: Uint8Array): { image: ElfImage; kind: ElfKind } {
  const name = basename(path);
  if (isLinuxImage(bytes)) return { image: parseKernel(bytes, name), kind: "kernel" };
  const image = parseElf(bytes, name);
  if (image.symbols.has("tohost")) return { image, kind: "htif" };
  return { image, kind: image.entry >>> 0 === KERNEL_BASE ? "kernel" : "machine" };
}

/** The QEMU command line that runs the same file (without the qemu binary). */
export function qemuArgs(path: string, kind: ElfKind, append: string | undefined): string[] {
  if (kind === "htif") return ["-nographic", "-M", "spike", "-bios", "none", "-kernel", path];
  if (kind === "machine") return ["-nographic", "-M", "virt", "-bios", "none", "-kernel", path];
  // The hart QEMU emulates for kernels is the one trapvisor's device tree describes: rv32imac,
  // no Sstc (the timer goes through SBI set_timer), no H/F/D.
  return ["-nographic", "-M", "virt", "-cpu", "rv32,sstc=false,h=false,f=false,d=false", "-m", "128M",
    "-bios", TVFW, "-kernel", path, ...(append !== undefined ? ["-append", append] : [])];
}

/** One in-process run; throws unless the guest exits with status 0. Returns instructions retired. */
function runOnce(image: ElfImage, name: string, kind: ElfKind, engine: EngineName, o: BenchOptions): number {
  if (kind === "kernel") {
    const out = runBoot(image, name, {
      delegation: PRESETS.opensbi, timeCsr: "native", csrPolicy: "safe", engine,
      ...(o.append !== undefined ? { bootargs: o.append } : {}),
    }, o.maxInsns);
    if (out.result.status !== "exit" || out.result.exitCode !== 0) throw new ElfError(`${name}: ${out.result.reason}`);
    return out.result.retired;
  }
  const m = new Machine({ engine, misaligned: "complete" });
  m.loadElf(image, name);
  const r = m.run(o.maxInsns);
  if (r.status !== "exit" || r.exitCode !== 0) throw new ElfError(`${name}: ${r.reason}`);
  return r.retired;
}

/** Wall time of one child process in seconds; throws unless it exits 0. */
function timeProcess(cmd: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], timeout: 600_000 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new ElfError(`${basename(cmd)} ${args.join(" ")}: exit ${r.status ?? r.signal}: ${String(r.stderr).trim().split("\n").pop()}`);
  return s;
}

/** Median latency (seconds) of `runs` calls of `f`, after one warm-up call, measured by tinybench. */
async function median(runs: number, f: () => void): Promise<number> {
  const bench = new Bench({ time: 0, iterations: runs, warmupTime: 0, warmupIterations: 1, throws: true });
  bench.add("run", f);
  await bench.run();
  const p50 = bench.tasks[0]!.result?.latency?.p50;
  if (p50 === undefined) throw new Error("tinybench reported no latency");
  return p50 / 1e3;
}

export async function benchElf(path: string, o: BenchOptions): Promise<ElfBenchResult> {
  warmUp(o.engines);
  const name = basename(path);
  const log = o.log ?? (() => {});
  const { image, kind } = loadBenchImage(path, readFileSync(path));
  const result: ElfBenchResult = { name, path, kind, engines: [] };
  for (const engine of o.engines) {
    log(`${name}: trapvisor --engine ${engine} in-process, ${o.runs} runs`);
    let instructions = 0;
    const inProcessS = await median(o.runs, () => { instructions = runOnce(image, name, kind, engine, o); });
    result.engines.push({ engine, instructions, inProcessS, mips: instructions / inProcessS / 1e6 });
  }
  if (o.procRuns === 0) return result;

  // Whole processes, in interleaved rounds (QEMU, QEMU single-step, trapvisor per engine, then again)
  // so that a machine whose speed drifts during the run weighs on every column alike.
  const q = o.qemu ? qemuInfo() : null;
  if (q && kind === "kernel" && !existsSync(TVFW)) throw new ElfError(`${TVFW}: the firmware QEMU needs is missing`);
  const qArgs = qemuArgs(path, kind, o.append);
  const commands: { label: string; cmd: string; args: string[]; times: number[] }[] = [];
  if (q) {
    commands.push({ label: "QEMU", cmd: QEMU, args: qArgs, times: [] });
    if (q.oneInsn) commands.push({ label: `QEMU ${q.oneInsn.join(" ")}`, cmd: QEMU, args: [...q.oneInsn, ...qArgs], times: [] });
  }
  for (const engine of o.engines) {
    commands.push({
      label: `trapvisor --engine ${engine}`, cmd: process.execPath, times: [],
      args: [o.cli ?? CLI, kind === "kernel" ? "boot" : "run", path, "--engine", engine, "--max-insns", String(o.maxInsns),
        ...(kind === "kernel" && o.append !== undefined ? ["--append", o.append] : [])],
    });
  }
  for (let round = 1; round <= o.procRuns; round++) {
    log(`${name}: whole processes, round ${round} of ${o.procRuns} (${commands.map((c) => c.label).join(", ")})`);
    for (const c of commands) c.times.push(timeProcess(c.cmd, c.args));
  }
  if (q) {
    result.qemu = { command: [QEMU, ...qArgs].join(" "), s: medianOf(commands[0]!.times) };
    if (q.oneInsn) {
      result.qemu.oneInsnS = medianOf(commands[1]!.times);
      result.qemu.oneInsnFlag = q.oneInsn.join(" ");
    }
  }
  result.engines.forEach((r, i) => {
    r.processS = medianOf(commands[commands.length - o.engines.length + i]!.times);
    if (result.qemu) {
      r.vsQemu = result.qemu.s / r.processS;
      if (result.qemu.oneInsnS !== undefined) r.vsQemuOneInsn = result.qemu.oneInsnS / r.processS;
    }
  });
  return result;
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fixed = (v: number | undefined, d: number): string => (v === undefined ? "-" : v.toFixed(d));

/** Rows for a table: one per (file, engine). */
export function benchRows(results: ElfBenchResult[]): { header: string[]; rows: (string | number)[][] } {
  const header = ["workload", "engine", "instructions", "MIPS", "trapvisor s", "QEMU s", "QEMU 1-insn s", "QEMU/tv", "1-insn/tv"];
  const rows = results.flatMap((r) => r.engines.map((e) => [
    r.name, e.engine, e.instructions, fixed(e.mips, 1), fixed(e.processS, 3), fixed(r.qemu?.s, 3), fixed(r.qemu?.oneInsnS, 3),
    fixed(e.vsQemu, 2), fixed(e.vsQemuOneInsn, 2),
  ]));
  return { header, rows };
}
