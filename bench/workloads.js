// Workload benchmarks: the C programs in bench/workloads/ (riscv-tests-format ELFs, rv32i and
// rv32imac builds), each run under trapvisor and, when installed, under QEMU in the same run.
//
//   trapvisor MIPS   in-process (Machine.run, tinybench), median of --runs runs after one warmup run
//   trapvisor s      whole process (`node dist/cli/main.js run X`), median of --proc-runs runs
//   QEMU s           whole process (`qemu-system-riscv32 -nographic -M spike -bios none -kernel X`),
//                    median of --qemu-runs runs; "1-insn" adds -singlestep (QEMU < 8.1) or
//                    -accel tcg,one-insn-per-tb=on (8.1+): one guest instruction per translation block
//   ratio            QEMU s / trapvisor s, both whole-process wall time (startup included on both sides)
//
// Used by bench/run.js (`npm run bench`); runs alone with `node bench/workloads.js` after `npm run build`.
// Options: --json, --runs N (default 3), --proc-runs N (3), --qemu-runs N (5), --only SUBSTRING,
// --no-qemu, --no-proc.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { Machine } from "../dist/machine.js";
import { parseElf } from "../dist/loader/elf.js";

const DIR = fileURLToPath(new URL("./workloads/", import.meta.url));
const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const QEMU = "qemu-system-riscv32";

/** Every committed workload ELF: [{ name: "crc32-rv32i", path }], sorted by workload then ISA. */
export function workloadElfs(dir = DIR) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".elf"))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), path: dir + f }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs one ELF in-process as `trapvisor run` does (default machine); throws unless it exits 0. */
function runInProcess(image, name) {
  const m = new Machine({ misaligned: "complete" });
  m.loadElf(image, name);
  const r = m.run(2e9);
  if (r.status !== "exit" || r.exitCode !== 0) throw new Error(`${name}: ${r.reason}`);
  return r.retired;
}

/** Wall time of one child process in seconds; throws unless it exits 0. */
function timeProcess(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], timeout: 120_000 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status ?? r.signal}: ${String(r.stderr).trim()}`);
  return s;
}

/** QEMU's version and the flag for one instruction per translation block, or null if QEMU is absent. */
export function qemuInfo() {
  const v = spawnSync(QEMU, ["--version"], { encoding: "utf8" });
  if (v.error || v.status !== 0) return null;
  const version = v.stdout.split("\n")[0].trim();
  const accel = spawnSync(QEMU, ["-accel", "tcg,help"], { encoding: "utf8" });
  const help = spawnSync(QEMU, ["-help"], { encoding: "utf8" });
  let oneInsn = null;
  if (/one-insn-per-tb/.test(`${accel.stdout}${accel.stderr}`)) oneInsn = ["-accel", "tcg,one-insn-per-tb=on"];
  else if (/^-singlestep\b/m.test(help.stdout ?? "")) oneInsn = ["-singlestep"];
  return { version, oneInsn };
}

export async function runWorkloads(opts = {}) {
  const { runs = 3, procRuns = 3, qemuRuns = 5, only, qemu = true, proc = true, log = () => {} } = opts;
  const elfs = workloadElfs().filter((w) => !only || w.name.includes(only));
  const q = qemu ? qemuInfo() : null;
  const rows = [];
  for (const w of elfs) {
    const image = parseElf(readFileSync(w.path), w.name);
    let instructions = 0;
    const bench = new Bench({ time: 0, iterations: runs, warmupTime: 0, warmupIterations: 1, throws: true });
    bench.add(w.name, () => { instructions = runInProcess(image, w.name); });
    await bench.run();
    const inProcessMs = bench.tasks[0].result.latency.p50;
    const row = { workload: w.name, instructions, trapvisorMips: instructions / (inProcessMs * 1e3), trapvisorInProcessS: inProcessMs / 1e3 };
    if (proc) row.trapvisorProcessS = median(Array.from({ length: procRuns }, () => timeProcess(process.execPath, [CLI, "run", w.path])));
    if (q) {
      const base = ["-nographic", "-M", "spike", "-bios", "none", "-kernel", w.path];
      row.qemuS = median(Array.from({ length: qemuRuns }, () => timeProcess(QEMU, base)));
      if (q.oneInsn) row.qemuOneInsnS = median(Array.from({ length: qemuRuns }, () => timeProcess(QEMU, [...q.oneInsn, ...base])));
      if (row.trapvisorProcessS) {
        row.ratioQemu = row.qemuS / row.trapvisorProcessS;
        if (row.qemuOneInsnS) row.ratioQemuOneInsn = row.qemuOneInsnS / row.trapvisorProcessS;
      }
    }
    rows.push(row);
    log(`  ${w.name}: ${instructions} instructions, ${row.trapvisorMips.toFixed(1)} MIPS`);
  }
  return {
    method: {
      trapvisorMips: `in-process Machine.run, tinybench, median of ${runs} runs after 1 warmup run`,
      trapvisorProcessS: proc ? `whole process: node dist/cli/main.js run X, median of ${procRuns}` : "not measured (--no-proc)",
      qemuS: q ? `whole process: ${QEMU} -nographic -M spike -bios none -kernel X, median of ${qemuRuns}` : "QEMU not measured (not installed or --no-qemu)",
      qemuOneInsnS: q?.oneInsn ? `the same with ${q.oneInsn.join(" ")}` : "not measured",
      ratio: "QEMU s / trapvisor s, both whole-process wall time",
      qemuVersion: q?.version ?? null,
      node: process.version,
    },
    rows,
  };
}

const fmt = (x, digits) => (x === undefined ? "-" : x.toFixed(digits));

export function printWorkloads({ method, rows }) {
  console.log("\nWorkloads (bench/workloads/*.elf): trapvisor MIPS in-process; seconds are whole-process wall time, medians");
  console.table(rows.map((r) => ({
    workload: r.workload,
    instructions: r.instructions,
    "trapvisor MIPS": fmt(r.trapvisorMips, 1),
    "trapvisor s": fmt(r.trapvisorProcessS, 3),
    "QEMU s": fmt(r.qemuS, 3),
    "QEMU 1-insn s": fmt(r.qemuOneInsnS, 3),
    "QEMU/trapvisor": fmt(r.ratioQemu, 3),
    "QEMU 1-insn/trapvisor": fmt(r.ratioQemuOneInsn, 3),
  })));
  console.log(`QEMU: ${method.qemuVersion ?? "not measured"}; 1-insn: ${method.qemuOneInsnS}; node ${method.node}`);
}

function argValue(argv, flag, dflt) {
  const i = argv.indexOf(flag);
  if (i < 0) return dflt;
  const v = argv[i + 1];
  if (v === undefined) throw new Error(`${flag} needs a value`);
  return v;
}

export function optionsFromArgv(argv) {
  const num = (flag, d) => {
    const n = Number(argValue(argv, flag, d));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a positive integer`);
    return n;
  };
  return {
    runs: num("--runs", 3),
    procRuns: num("--proc-runs", 3),
    qemuRuns: num("--qemu-runs", 5),
    only: argValue(argv, "--only", undefined),
    qemu: !argv.includes("--no-qemu"),
    proc: !argv.includes("--no-proc"),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const json = process.argv.includes("--json");
  const result = await runWorkloads({ ...optionsFromArgv(process.argv), log: json ? () => {} : (s) => console.error(s) });
  if (json) console.log(JSON.stringify(result, null, 2));
  else printWorkloads(result);
}
