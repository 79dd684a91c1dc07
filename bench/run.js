// `npm run bench`: trapvisor's benchmark suite. Every figure is a median of repeated runs, and every
// comparison is a ratio against a baseline measured in the same run (never an absolute timed test).
//
//   1. micro-benchmarks (bench/micro.js): dispatch, memory fast paths, trap round trips
//   2. workloads: bench/workloads/*.elf (M-mode C programs: integer, memory, trap-heavy) and
//      bench/guests/*.elf (S-mode kernels on the monitor: SBI-heavy, Sv32 paging), each against
//      QEMU and QEMU single-step when qemu-system-riscv32 is installed (see `trapvisor bench`)
//   3. the Linux boot, when a kernel built by scripts/build-linux.sh is at $TRAPVISOR_LINUX_IMAGE or
//      /tmp/trapvisor-linux/arch/riscv/boot/Image
//   4. delegation: the SBI guest under each delegation preset
//   5. a summary of the performance goals (docs: README "Performance")
//
// Options (after `npm run bench --`): --only SUBSTRING (workloads whose name contains it),
// --engine interp|jit|both, --runs N (in-process, default 3), --proc-runs N (whole-process rounds,
// default 5), --no-qemu, --no-micro, --no-linux, --quick (runs 1, proc-runs 3, rv32imac only),
// --json FILE (everything as JSON).
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { benchElf, benchRows, qemuInfo } from "../dist/bench/elf-bench.js";
import { runBoot } from "../dist/boot.js";
import { parseElf } from "../dist/loader/elf.js";
import { PRESETS } from "../dist/monitor/delegation.js";
import { table } from "../dist/cli/format.js";
import { runMicro } from "./micro.js";

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
function value(name, fallback) {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  if (v === undefined) throw new Error(`${name} needs a value`);
  return v;
}
const count = (name, fallback) => {
  const n = Number(value(name, fallback));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} expects a whole number`);
  return n;
};
const quick = flag("--quick");
const engineArg = value("--engine", "both");
const engines = engineArg === "both" ? ["interp", "jit"] : [engineArg];
const only = value("--only", undefined);
const jsonPath = value("--json", undefined);
const options = {
  engines,
  runs: count("--runs", quick ? 1 : 3),
  procRuns: count("--proc-runs", quick ? 3 : 5),
  qemu: !flag("--no-qemu"),
  maxInsns: 2e9,
  log: (line) => process.stderr.write(`bench: ${line}\n`),
};

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const elfsIn = (dir) => readdirSync(here(dir)).filter((f) => f.endsWith(".elf")).sort().map((f) => here(dir) + f);
const LINUX = process.env.TRAPVISOR_LINUX_IMAGE ?? "/tmp/trapvisor-linux/arch/riscv/boot/Image";
const out = { node: process.version, qemu: options.qemu ? qemuInfo()?.version ?? "not installed" : "not run" };

// 1. Micro-benchmarks
if (!flag("--no-micro")) {
  out.micro = await runMicro({ engines, time: quick ? 300 : 1000, log: options.log });
  console.log("\nMicro-benchmarks (in-process, tinybench medians)");
  console.table(out.micro.rows.map((r) => ({ engine: r.engine, benchmark: r.name, instructions: r.instructions, "median ms": r.medianMs.toFixed(3), MIPS: r.mips.toFixed(1) })));
  console.log("Round trips: (loop with the trap - the same loop with a nop) / iterations");
  console.table(out.micro.trips.map((t) => ({ engine: t.engine, "round trip": t.name, ns: t.ns.toFixed(0), "guest instructions": t.guestInstructions })));
}

// 2. Workloads and guests, 3. Linux
let files = [...elfsIn("./workloads/"), ...elfsIn("./guests/")];
if (quick) files = files.filter((f) => f.includes("rv32imac"));
if (only) files = files.filter((f) => f.includes(only));
out.workloads = [];
for (const f of files) out.workloads.push(await benchElf(f, options));
if (!flag("--no-linux") && (!only || "linux".includes(only))) {
  if (existsSync(LINUX)) out.workloads.push(await benchElf(LINUX, { ...options, append: "console=hvc0 earlycon=sbi quiet" }));
  else options.log(`no Linux kernel at ${LINUX} (scripts/build-linux.sh builds one): Linux boot not measured`);
}
if (out.workloads.length > 0) {
  const { header, rows } = benchRows(out.workloads);
  console.log("\nWorkloads: MIPS in-process (median); seconds whole-process (median of interleaved rounds); ratios QEMU s / trapvisor s");
  console.log(table(header, rows));
}

// 4. Delegation: the SBI guest under each preset (in-process)
const sbiGuest = here("./guests/sbi-rv32imac.elf");
if (!only || "delegation".includes(only)) {
  const image = parseElf(readFileSync(sbiGuest), "sbi-rv32imac.elf");
  out.delegation = [];
  for (const engine of engines) {
    const bench = new Bench({ time: 0, iterations: options.runs || 1, warmupIterations: 1, warmupTime: 0, throws: true });
    const facts = {};
    for (const [name, delegation] of Object.entries(PRESETS)) {
      bench.add(name, () => {
        const o = runBoot(image, "sbi", { delegation, timeCsr: "native", csrPolicy: "safe", engine }, 1e9);
        facts[name] = { instructions: o.result.retired, trapsToM: o.trapsToM, trapsToS: o.trapsToS };
      });
    }
    options.log(`delegation presets, --engine ${engine}`);
    await bench.run();
    for (const t of bench.tasks) out.delegation.push({ engine, preset: t.name, ...facts[t.name], medianMs: t.result.latency.p50 });
  }
  console.log("\nDelegation: bench/guests/sbi-rv32imac.elf per preset (in-process medians)");
  console.table(out.delegation.map((d) => ({ engine: d.engine, preset: d.preset, instructions: d.instructions, "traps to M": d.trapsToM, "traps to S": d.trapsToS, "median ms": d.medianMs.toFixed(1) })));
}

// 5. The goals, from the numbers above
const byName = (n, e) => out.workloads.find((w) => w.name === n)?.engines.find((r) => r.engine === e);
const geo = (xs) => (xs.length ? Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length) : undefined);
const integer = ["crc32", "qsort", "sieve", "bignum"].map((w) => `${w}-rv32imac.elf`);
const memory = ["list", "hash"].map((w) => `${w}-rv32imac.elf`);
const ratios = (names, engine, key) => names.map((n) => byName(n, engine)?.[key]).filter((v) => v !== undefined);
const best = (n) => Math.max(...engines.map((e) => byName(n, e)?.vsQemu ?? 0));
out.goals = {
  interpVsQemuSingleStep: { integer: geo(ratios(integer, "interp", "vsQemuOneInsn")), memory: geo(ratios(memory, "interp", "vsQemuOneInsn")), goal: 1.5 },
  jitVsQemu: { integer: geo(ratios(integer, "jit", "vsQemu")), goal: 0.3 },
  trapsBestVsQemu: { value: byName("traps-rv32imac.elf", "interp") ? best("traps-rv32imac.elf") : undefined, goal: 2.5 },
  sbiRoundTripNs: { value: out.micro ? Math.min(...out.micro.trips.filter((t) => t.name.startsWith("S->monitor")).map((t) => t.ns)) : undefined, goal: 150 },
};
const f = (v, d = 2, unit = "x") => (v === undefined || !Number.isFinite(v) ? "not measured" : `${v.toFixed(d)}${unit}`);
console.log("\nGoals (ratios: geometric means over the rv32imac workloads, whole processes):");
console.log(`  interpreter vs QEMU -singlestep: integer ${f(out.goals.interpVsQemuSingleStep.integer)}, memory ${f(out.goals.interpVsQemuSingleStep.memory)} (goal >= 1.5x)`);
console.log(`  block translator vs QEMU (TCG): integer ${f(out.goals.jitVsQemu.integer)} (goal >= 0.3x)`);
console.log(`  trap-heavy M-mode (traps), best engine vs QEMU: ${f(out.goals.trapsBestVsQemu.value)} (goal >= 2.5x)`);
console.log(`  SBI round trip S -> monitor -> S, best engine: ${f(out.goals.sbiRoundTripNs.value, 0, " ns")} (goal < 150 ns)`);
console.log(`QEMU: ${out.qemu}; node ${out.node}`);
if (jsonPath) writeFileSync(jsonPath, JSON.stringify(out, null, 2) + "\n");
