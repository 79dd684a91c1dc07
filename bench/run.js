// trapvisor benchmarks (tinybench). Every claim is a ratio against a baseline measured in the same
// run: a trap round trip is (loop with the trap - the same loop with a nop) / iterations.
// Run with `npm run bench` (builds first). Add --json for machine-readable output.
// Then the C workloads of bench/workloads/ against QEMU (bench/workloads.js; its options pass through,
// e.g. `npm run bench -- --only traps --runs 5`; --no-workloads skips them).
import { readFileSync } from "node:fs";
import { Bench } from "tinybench";
import { bootKernel } from "../dist/boot.js";
import { PRESETS } from "../dist/monitor/delegation.js";
import { Machine } from "../dist/machine.js";
import { parseElf } from "../dist/loader/elf.js";
import * as A from "../dist/testing/asm.js";
import { optionsFromArgv, printWorkloads, runWorkloads } from "./workloads.js";

const ITERATIONS = 20_000;
const KERNEL = 0x80400000;
const json = process.argv.includes("--json");

/** words -> an in-memory ElfImage at `base` */
function image(words, base) {
  return { entry: base, segments: [{ paddr: base, vaddr: base, data: new Uint8Array(Uint32Array.from(words).buffer), memsz: words.length * 4 + 4096, flags: 5 }], symbols: new Map() };
}

/** loop ITERATIONS times over `body`, then SRST shutdown (S-mode) or the test finisher (M-mode). */
function loop(body, exit) {
  return [...A.li(A.s0, ITERATIONS), ...body, A.addi(A.s0, A.s0, -1), A.bne(A.s0, A.x0, -4 * (body.length + 1)), ...exit];
}
const srst = [A.addi(A.a0, A.x0, 0), A.addi(A.a1, A.x0, 0), ...A.li(A.a7, 0x53525354), A.addi(A.a6, A.x0, 0), A.ecall()];
const finisher = [...A.li(A.t0, 0x100000), ...A.li(A.t1, 0x5555), A.sw(A.t1, 0, A.t0)];
const sbiCall = [...A.li(A.a7, 0x10), A.addi(A.a6, A.x0, 0), A.ecall()]; // BASE get_spec_version
const sbiNop = [...A.li(A.a7, 0x10), A.addi(A.a6, A.x0, 0), A.nop()];

function bootRun(words) {
  const { machine, monitor } = bootKernel(image(words, KERNEL), "bench", { delegation: PRESETS.opensbi, timeCsr: "native", csrPolicy: "safe", ramSize: 8 << 20 });
  const r = machine.run(1e9, { onMonitorTrap: () => monitor.handle() });
  if (r.status !== "exit" || r.exitCode !== 0) throw new Error(`bench guest failed: ${r.reason}`);
  return r.retired;
}

// M-mode: mtvec handler that skips the ecall: csrr t0,mepc; addi t0,t0,4; csrw mepc,t0; mret
function mModeRun(withTrap) {
  const handlerAt = 64; // word index of the handler
  const prologue = [...A.li(A.t0, 0x80000000 + handlerAt * 4), A.csrw(0x305, A.t0)];
  const body = loop([withTrap ? A.ecall() : A.nop()], finisher);
  const words = [...prologue, ...body];
  while (words.length < handlerAt) words.push(A.nop());
  words.push(A.csrr(A.t0, 0x341), A.addi(A.t0, A.t0, 4), A.csrw(0x341, A.t0), A.mret());
  const m = new Machine({ ramSize: 8 << 20 });
  m.loadElf(image(words, 0x80000000));
  const r = m.run(1e9);
  if (r.status !== "exit") throw new Error(`bench program failed: ${r.reason}`);
  return r.retired;
}

// S-mode loop over a 4 KiB buffer (load, add, store, branch), with Sv32 paging on or off: the cost of
// translation. Paging maps the kernel's 4 MiB with one identity superpage (satp set before start).
function pagingRun(paging) {
  const buf = KERNEL + 0x10000;
  const body = [
    ...A.li(A.t0, buf), ...A.li(A.t1, buf + 4096),
    A.lw(A.t2, 0, A.t0), A.add(A.t2, A.t2, A.s0), A.sw(A.t2, 0, A.t0), A.addi(A.t0, A.t0, 4), A.bltu(A.t0, A.t1, -16),
  ];
  const words = [...A.li(A.s0, 200), ...body, A.addi(A.s0, A.s0, -1), A.bne(A.s0, A.x0, -4 * (body.length + 1)), ...srst];
  const { machine, monitor } = bootKernel(image(words, KERNEL), "bench", { delegation: PRESETS.opensbi, timeCsr: "native", csrPolicy: "safe", ramSize: 8 << 20 });
  if (paging) {
    const root = 0x80200000;
    const pte = (((KERNEL >>> 12) << 10) | 0xcf) >>> 0; // V R W X A D, identity 4 MiB superpage
    machine.ram.write(root - machine.ram.base + 4 * (KERNEL >>> 22), 4, pte);
    machine.hart.csr.satp = (0x80000000 | (root >>> 12)) >>> 0;
    machine.hart.memoryConfigChanged();
  }
  const r = machine.run(1e9, { onMonitorTrap: () => monitor.handle() });
  if (r.status !== "exit" || r.exitCode !== 0) throw new Error(`paging bench failed: ${r.reason}`);
  return r.retired;
}

function sieveRun() {
  const m = new Machine({});
  m.loadElf(parseElf(readFileSync(new URL("../riscv-tests/rv32ui/sieve.elf", import.meta.url)), "sieve.elf"));
  const r = m.run(1e9);
  if (r.exitCode !== 0) throw new Error("sieve failed");
  return r.retired;
}

const insns = {};
const bench = new Bench({ time: 1500, warmupTime: 300 });
bench
  .add("S->monitor->S SBI call loop", () => { insns["S->monitor->S SBI call loop"] = bootRun(loop(sbiCall, srst)); })
  .add("same loop, nop instead of ecall", () => { insns["same loop, nop instead of ecall"] = bootRun(loop(sbiNop, srst)); })
  .add("M-mode ecall + mret loop", () => { insns["M-mode ecall + mret loop"] = mModeRun(true); })
  .add("same loop, nop instead of ecall (M)", () => { insns["same loop, nop instead of ecall (M)"] = mModeRun(false); })
  .add("sieve (rv32ui/sieve.elf)", () => { insns["sieve (rv32ui/sieve.elf)"] = sieveRun(); })
  .add("S-mode memory loop, paging off", () => { insns["S-mode memory loop, paging off"] = pagingRun(false); })
  .add("S-mode memory loop, Sv32 paging on", () => { insns["S-mode memory loop, Sv32 paging on"] = pagingRun(true); });

await bench.run();

const median = (name) => bench.tasks.find((t) => t.name === name).result.latency.p50; // ms
const rows = bench.tasks.map((t) => {
  const ms = t.result.latency.p50;
  return { workload: t.name, instructions: insns[t.name], medianMs: ms, mips: insns[t.name] / (ms * 1e3), samples: t.result.latency.samples.length };
});
const sbiNs = ((median("S->monitor->S SBI call loop") - median("same loop, nop instead of ecall")) * 1e6) / ITERATIONS;
const mTrapNs = ((median("M-mode ecall + mret loop") - median("same loop, nop instead of ecall (M)")) * 1e6) / ITERATIONS;
const derived = {
  sbiRoundTripNs: sbiNs,
  sbiRoundTripGuestInstructions: 1, // the ecall itself; the monitor runs no guest instructions
  mModeTrapRoundTripNs: mTrapNs,
  mModeTrapRoundTripGuestInstructions: 5, // ecall + 4-instruction handler ending in mret
  pagingSlowdown: median("S-mode memory loop, Sv32 paging on") / median("S-mode memory loop, paging off"),
};
if (!json) {
  console.table(rows.map((r) => ({ ...r, medianMs: r.medianMs.toFixed(3), mips: r.mips.toFixed(1) })));
  console.log(`SBI round trip S -> TypeScript monitor -> S: ${sbiNs.toFixed(0)} ns (median-based, ${ITERATIONS} calls), 1 guest instruction (the ecall)`);
  console.log(`M-mode trap round trip (ecall -> guest handler -> mret): ${mTrapNs.toFixed(0)} ns, 5 guest instructions`);
  console.log(`Sv32 paging on vs off, same S-mode loop: ${derived.pagingSlowdown.toFixed(2)}x the time`);
}
const workloads = process.argv.includes("--no-workloads") ? undefined : await runWorkloads({ ...optionsFromArgv(process.argv), log: json ? () => {} : (s) => console.error(s) });
if (json) console.log(JSON.stringify({ rows, derived, workloads }, null, 2));
else if (workloads) printWorkloads(workloads);
