import { readFileSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { ElfError, parseElf } from "../loader/elf.js";
import { DEFAULT_RAM, Machine } from "../machine.js";
import { type TestOutcome, runTest } from "../testing.js";
import { applyJitEnvironment, engineOption, isaOption, misalignedOption, parse, parseCount, parseSize } from "./args.js";
import type { EngineName } from "../hart/engine.js";
import type { MisalignedPolicy } from "../hart/hart.js";
import type { IsaConfig } from "../isa/isa-string.js";
import { ExitCode, UsageError, guestExitCode } from "./errors.js";
import { formatStats } from "./format.js";
import { FdWriter } from "./output.js";
import { traceObserver } from "./trace.js";
import { warmUp } from "../warmup.js";

const VERSION = "0.1.0";
const DEMO_KERNEL = fileURLToPath(new URL("../../riscv-tests/guests/demo.elf", import.meta.url));

const HELP = `trapvisor ${VERSION} - a RISC-V RV32 system emulator whose M-mode is a TypeScript monitor

Usage: trapvisor <command> [options]

Commands:
  run <elf>            run an RV32 ELF from reset in M-mode at its entry
  boot <kernel>        boot an S-mode kernel (ELF or Linux Image) on the TypeScript M-mode monitor
  compare <kernel>     boot a kernel under several delegation configurations, one table
  test <dir|elf...>    run riscv-tests-format ELFs: one line each, then "N passed, N failed"
  bench <elf...>       instructions, MIPS and whole-process time per engine, against QEMU
  demo                 boot the bundled demo kernel and narrate its privileged events (npm start)
  help [command]       show help for a command

Run 'trapvisor <command> --help' for its options.
Exit codes: the guest's exit status; 2 bad usage or input; 3 instruction limit; 4 trap loop;
5 the monitor terminated the guest (--csr-policy terminate).`;

const RUN_HELP = `Usage: trapvisor run <elf> [options]

Loads an RV32 ELF (ELFCLASS32, EM_RISCV, ET_EXEC) into RAM at 0x80000000 and resets the hart in
M-mode at the ELF entry. The run ends when the guest exits (HTIF tohost, the SiFive test finisher)
and the process exits with the guest's status.

Options:
  --isa ISA         extensions: rv32i, rv32im, rv32ima, rv32imac (default), ..._sstc
  --misaligned P    misaligned loads/stores: complete (default: the hart does them, as Spike
                    --misaligned and QEMU), raise-below-m (S/U raise address-misaligned, M
                    completes), raise (always raise)
  --max-insns N     stop after N retired instructions (default 1G; accepts 50M, 2G); exit code 3
  --trace           print every retired instruction and trap to stderr:
                      <mode> <pc> <insn>  <disassembly>  <reg>=<value>
  --stats           print instructions per privilege and traps by cause, source and target mode
  --clock MODE      mtime source: 'instructions' (default, one tick per instruction, reproducible)
                    or 'wall' (host time at 10 MHz)
  --engine E        interp (the interpreter) or jit (hot blocks translated to JavaScript);
                    default \$TRAPVISOR_ENGINE, else jit
  -m, --memory SIZE RAM size (default 128M)
  -h, --help        this help`;

const TEST_HELP = `Usage: trapvisor test <dir|elf...> [options]

Runs each riscv-tests-format ELF (reset in M-mode; pass/fail reported through 'tohost') and prints
one line per test and the closing line 'N passed, N failed'. Directories are searched recursively
for ELF files (other files are skipped). Exits non-zero if any test fails.

Options:
  --isa ISA         extensions (default rv32imac; the official rv32ui/mi/si tests pass under any)
  --misaligned P    complete (default; rv32ui-p-ma_data needs it), raise-below-m, raise
  --max-insns N     per-test instruction limit (default 100M)
  -j, --jobs N      tests run in parallel (default: number of cores)
  --engine E        interp or jit (default \$TRAPVISOR_ENGINE, else jit)
  -h, --help        this help`;

const DEMO_HELP = `Usage: trapvisor demo

Boots the bundled demo kernel (riscv-tests/guests/demo.elf) in S-mode with the TypeScript monitor
as its firmware and narrates every privileged event on stderr: an SBI call, an M-mode CSR read
from S (emulated), rdtime with the time CSR gated (emulated), a misaligned load (emulated), a
timer interrupt (MTI turned into STI), and a U-mode task whose ecalls and illegal instruction
reach the kernel. Then it prints the statistics table. Equivalent to:
  trapvisor boot riscv-tests/guests/demo.elf --narrate --stats --time-csr emulate
(with the SBI console-output calls left out of the narration).`;

const stdout = new FdWriter(1);
const stderr = new FdWriter(2);

function readInput(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file`);
  }
  if (st.isDirectory()) throw new UsageError(`${path}: is a directory, expected an ELF file`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

function cmdRun(argv: string[]): number {
  const { values, positionals } = parse("run", argv, {
    isa: { type: "string" },
    misaligned: { type: "string" },
    "max-insns": { type: "string" },
    trace: { type: "boolean" },
    stats: { type: "boolean" },
    clock: { type: "string" },
    memory: { type: "string", short: "m" },
    engine: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return print(RUN_HELP);
  if (positionals.length !== 1) throw new UsageError(`run: expected one ELF file, got ${positionals.length} (see 'trapvisor run --help')`);
  const maxInsns = parseCount("--max-insns", values["max-insns"], 1e9);
  const clock = (values.clock) ?? "instructions";
  if (clock !== "instructions" && clock !== "wall") throw new UsageError(`--clock expects 'instructions' or 'wall', got '${clock}'`);
  const ramSize = parseSize("--memory", values.memory, DEFAULT_RAM);
  const path = positionals[0]!;
  return runElf(path, readInput(path), { isa: isaOption(values.isa), misaligned: misalignedOption(values.misaligned), engine: engineOption(values.engine), maxInsns, ramSize, clock, trace: !!values.trace, stats: !!values.stats });
}

interface RunOptions { isa: IsaConfig; misaligned: MisalignedPolicy; engine: EngineName; maxInsns: number; ramSize: number; clock: "instructions" | "wall"; trace: boolean; stats: boolean }

function runElf(path: string, bytes: Uint8Array, o: RunOptions): number {
  const name = basename(path);
  const image = parseElf(bytes, name);
  warmUp([o.engine]);
  const machine = new Machine({ isa: o.isa, misaligned: o.misaligned, engine: o.engine, ramSize: o.ramSize, clock: o.clock, output: (b) => stdout.bytes(b) });
  machine.loadElf(image, name);
  const observer = o.trace ? traceObserver((line) => stderr.text(line)) : undefined;
  const result = machine.run(o.maxInsns, observer ? { observer } : {});
  stdout.flush();
  if (o.stats) stderr.text(formatStats(machine.stats(), result.hostSeconds) + "\n");
  const summary = `${result.retired} instructions, ${result.hostSeconds.toFixed(3)} s`;
  if (result.status === "exit") {
    const code = guestExitCode(result.exitCode!);
    stderr.text(`trapvisor: ${result.reason} (${summary})${code ? `; exit status ${result.exitCode}` : ""}\n`);
    stderr.flush();
    return code;
  }
  stderr.text(`trapvisor: ${result.reason} (${summary})\n`);
  stderr.flush();
  return result.status === "limit" ? ExitCode.limit : ExitCode.livelock;
}

function isElf(path: string): boolean {
  try {
    const b = readFileSync(path).subarray(0, 4);
    return b.length === 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;
  } catch {
    return false;
  }
}

function collectElfs(args: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && isElf(p)) files.push(p);
    }
  };
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      throw new UsageError(`${a}: no such file or directory`);
    }
    if (st.isDirectory()) walk(a);
    else files.push(a);
  }
  return files;
}

async function cmdTest(argv: string[]): Promise<number> {
  const { values, positionals } = parse("test", argv, {
    isa: { type: "string" },
    misaligned: { type: "string" },
    "max-insns": { type: "string" },
    jobs: { type: "string", short: "j" },
    engine: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return print(TEST_HELP);
  if (positionals.length === 0) throw new UsageError("test: expected a directory or ELF files (see 'trapvisor test --help')");
  const maxInsns = parseCount("--max-insns", values["max-insns"], 100e6);
  const isa = isaOption(values.isa);
  const misaligned = misalignedOption(values.misaligned);
  const engine = engineOption(values.engine);
  const files = collectElfs(positionals);
  if (files.length === 0) throw new UsageError(`test: no ELF files found in ${positionals.join(", ")}`);
  const jobs = Math.min(files.length, parseCount("--jobs", values.jobs, availableParallelism()));
  const results = new Array<TestOutcome | undefined>(files.length);
  let printed = 0;
  const report = (i: number, r: TestOutcome): void => {
    results[i] = r;
    while (printed < files.length && results[printed]) {
      const t = results[printed]!;
      stdout.text(`${t.passed ? "PASS" : "FAIL"}  ${files[printed]}  ${t.passed ? `(${t.retired} instructions)` : t.detail}\n`);
      printed++;
    }
    stdout.flush();
  };
  if (jobs <= 1) {
    warmUp([engine]);
    files.forEach((f, i) => report(i, runTest(readFileSync(f), basename(f), maxInsns, { isa, misaligned, engine })));
  } else {
    await runInWorkers(files, jobs, { maxInsns, isa: isa.name, misaligned, engine }, report);
  }
  const passed = results.filter((r) => r?.passed).length;
  const failed = files.length - passed;
  const groups = new Map<string, [number, number]>();
  files.forEach((f, i) => {
    const g = testGroup(f);
    const counts = groups.get(g) ?? [0, 0];
    counts[results[i]?.passed ? 0 : 1]++;
    groups.set(g, counts);
  });
  if (groups.size > 1) for (const [g, [p, f]] of groups) stdout.text(`${g}: ${p} passed, ${f} failed\n`);
  stdout.text(`${passed} passed, ${failed} failed\n`);
  stdout.flush();
  return failed === 0 ? 0 : 1;
}

/** The suite a test belongs to: rv32ui-p, rv32mi-p, ... for official names, else its directory. */
function testGroup(path: string): string {
  const m = /^(rv(?:32|64)[a-z]+-[pv])-/.exec(basename(path));
  return m ? m[1]! : basename(dirname(resolve(path)));
}

async function runInWorkers(files: string[], jobs: number, o: { maxInsns: number; isa: string; misaligned: string; engine: EngineName }, report: (i: number, r: TestOutcome) => void): Promise<void> {
  const { Worker } = await import("node:worker_threads");
  const workerUrl = new URL("./test-worker.js", import.meta.url);
  let next = 0;
  let running = 0;
  return new Promise((resolve, reject) => {
    const feed = (w: Worker): void => {
      if (next >= files.length) {
        void w.terminate();
        if (--running === 0) resolve();
        return;
      }
      const i = next++;
      w.postMessage({ index: i, path: files[i], ...o });
    };
    for (let j = 0; j < jobs; j++) {
      const w = new Worker(workerUrl);
      running++;
      w.on("message", (m: { index: number; outcome: TestOutcome }) => {
        report(m.index, m.outcome);
        feed(w);
      });
      w.on("error", reject);
      feed(w);
    }
  });
}

// Commands beyond run and test load their modules (and the Node modules those need) on demand:
// `trapvisor run` starts faster without them.
const bootCommands = () => import("./boot-cmd.js");
const benchCommand = () => import("./bench-cmd.js");

async function cmdDemo(argv: string[]): Promise<number> {
  const { values } = parse("demo", argv, { help: { type: "boolean", short: "h" } });
  if (values.help) return print(DEMO_HELP);
  stdout.text(`trapvisor demo: booting ${DEMO_KERNEL} in S-mode; M-mode is the TypeScript monitor.\n`);
  stdout.text("Each privileged event is narrated on stderr: what S or U executed, the trap, and who handled it.\n\n");
  stdout.flush();
  return (await bootCommands()).cmdBoot([DEMO_KERNEL, "--narrate", "--stats", "--time-csr", "emulate"], readInput, stdout, stderr, true);
}

function print(text: string): number {
  stdout.text(text + "\n");
  stdout.flush();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  applyJitEnvironment();
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case "-h":
    case "--help":
      return print(HELP);
    case "help":
      if (rest[0] === "run") return print(RUN_HELP);
      if (rest[0] === "test") return print(TEST_HELP);
      if (rest[0] === "demo") return print(DEMO_HELP);
      if (rest[0] === "boot") return print((await bootCommands()).BOOT_HELP);
      if (rest[0] === "compare") return print((await bootCommands()).COMPARE_HELP);
      if (rest[0] === "bench") return print((await benchCommand()).BENCH_HELP);
      return print(HELP);
    case "-V":
    case "--version":
      return print(VERSION);
    case "run":
      return cmdRun(rest);
    case "test":
      return cmdTest(rest);
    case "demo":
      return cmdDemo(rest);
    case "boot":
      return (await bootCommands()).cmdBoot(rest, readInput, stdout, stderr);
    case "compare":
      return (await bootCommands()).cmdCompare(rest, readInput, stdout, stderr);
    case "bench":
      return (await benchCommand()).cmdBench(rest, readInput, stdout, stderr);
    default:
      throw new UsageError(`unknown command '${command}' (commands: run, boot, compare, test, bench, demo, help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    stdout.flush();
    stderr.flush();
    process.exitCode = code;
  },
  (e: unknown) => {
    stdout.flush();
    stderr.flush();
    if (e instanceof UsageError || e instanceof ElfError) {
      process.stderr.write(`trapvisor: ${e.message}\n`);
      process.exitCode = ExitCode.usage;
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`trapvisor: internal error: ${msg}\n(this is a bug in trapvisor; set TRAPVISOR_DEBUG=1 for a stack trace)\n`);
      if (process.env.TRAPVISOR_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exitCode = ExitCode.internal;
    }
  },
);
