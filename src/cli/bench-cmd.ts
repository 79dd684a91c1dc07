import { writeFileSync } from "node:fs";
import { ENGINES, type EngineName } from "../hart/engine.js";
import { type ElfBenchResult, benchElf, benchRows, qemuInfo } from "../bench/elf-bench.js";
import { parse, parseCount } from "./args.js";
import { UsageError } from "./errors.js";
import { table } from "./format.js";
import type { FdWriter } from "./output.js";

export const BENCH_HELP = `Usage: trapvisor bench <elf | Image>... [options]

Measures each file as \`npm run bench\` does: trapvisor in-process (instructions retired, MIPS from
the median of repeated runs), trapvisor as a whole process (the CLI, median wall time) and, when
qemu-system-riscv32 is installed, QEMU on the same file in the same run, with and without one
guest instruction per translation block (QEMU's single-step mode). QEMU runs programs with an HTIF
tohost on -M spike, other M-mode programs on -M virt -bios none, and S-mode kernels (entry
0x80400000, or a Linux Image) on -M virt with the bundled SBI firmware bench/firmware/tvfw.elf.
Ratios are QEMU seconds / trapvisor seconds, whole processes on both sides (start-up included):
above 1 trapvisor is faster. Every run must end with exit status 0 (the guest's own check).

Options:
  --engine E        interp, jit or both (default both)
  --runs N          in-process runs per engine, after one warm-up run (default 5)
  --proc-runs N     rounds of whole-process runs, each round QEMU, QEMU single-step and trapvisor
                    per engine once (default 5; 0 skips them)
  --no-qemu         do not run QEMU
  --append TEXT     kernel command line for kernels (Linux: e.g. "console=hvc0")
  --max-insns N     per-run instruction limit (default 2G)
  --json FILE       also write the results as JSON to FILE ('-': JSON on stdout, no table)
  -h, --help        this help`;

export async function cmdBench(argv: string[], read: (path: string) => Uint8Array, stdout: FdWriter, stderr: FdWriter): Promise<number> {
  const { values, positionals } = parse("bench", argv, {
    engine: { type: "string" },
    runs: { type: "string" },
    "proc-runs": { type: "string" },
    "no-qemu": { type: "boolean" },
    append: { type: "string" },
    "max-insns": { type: "string" },
    json: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    stdout.text(BENCH_HELP + "\n");
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("bench: expected one or more ELF files or Linux Images (see 'trapvisor bench --help')");
  for (const path of positionals) read(path); // every file readable before anything is measured
  const engineText = values.engine ?? "both";
  if (engineText !== "both" && !(ENGINES as readonly string[]).includes(engineText)) {
    throw new UsageError(`--engine expects interp, jit or both, got '${engineText}'`);
  }
  const engines: EngineName[] = engineText === "both" ? [...ENGINES] : [engineText as EngineName];
  const procRuns = values["proc-runs"] === "0" ? 0 : parseCount("--proc-runs", values["proc-runs"], 5);
  const options = {
    engines,
    runs: parseCount("--runs", values.runs, 5),
    procRuns,
    qemu: !values["no-qemu"],
    maxInsns: parseCount("--max-insns", values["max-insns"], 2e9),
    ...(values.append !== undefined ? { append: values.append } : {}),
    log: (line: string) => { stderr.text(`bench: ${line}\n`); stderr.flush(); },
  };
  const results: ElfBenchResult[] = [];
  for (const path of positionals) results.push(await benchElf(path, options));
  const q = options.qemu ? qemuInfo() : null;
  const json = {
    method: {
      mips: `in-process, median of ${options.runs} runs after one warm-up run (tinybench)`,
      seconds: procRuns > 0 ? `whole process, median of ${procRuns} interleaved rounds` : "not measured (--proc-runs 0)",
      ratio: "QEMU seconds / trapvisor seconds, whole processes",
      qemu: q ? q.version : options.qemu ? "qemu-system-riscv32 not found" : "not run (--no-qemu)",
      node: process.version,
    },
    results,
  };
  if (values.json !== undefined && values.json !== "-") writeFileSync(values.json, JSON.stringify(json, null, 2) + "\n");
  if (values.json === "-") {
    stdout.text(JSON.stringify(json, null, 2) + "\n");
    return 0;
  }
  const { header, rows } = benchRows(results);
  stdout.text(table(header, rows) + "\n");
  stdout.text(`MIPS: ${json.method.mips}; seconds: ${json.method.seconds}; QEMU/tv: ${json.method.ratio}\n`);
  stdout.text(`QEMU: ${json.method.qemu}${q?.oneInsn ? `; 1-insn: ${q.oneInsn.join(" ")}` : ""}; node ${process.version}\n`);
  return 0;
}
