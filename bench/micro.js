// Micro-benchmarks (tinybench, in-process, per engine). Every figure is a ratio against a baseline
// measured in the same run: a trap round trip is (the loop with the trapping instruction - the same
// loop with a nop instead) / iterations, so the loop's own instructions cancel out.
//
//   dispatch            ALU-only loop: the cost of fetching, decoding and executing an instruction
//   memory              lw/add/sw over a 4 KiB buffer in M-mode (physical addresses)
//   memory, Sv32        the same loop in S-mode through Sv32 (4 MiB identity superpage)
//   M trap + MRET       ecall in M to a 4-instruction M handler that skips it and returns
//   U->S ecall + SRET   delegated ecall from U to the kernel's stvec handler, which returns with sret
//   S->monitor->S SBI   ecall from S served by the TypeScript monitor (BASE get_spec_version)
import { Bench } from "tinybench";
import { bootKernel } from "../dist/boot.js";
import { PRESETS } from "../dist/monitor/delegation.js";
import { Machine } from "../dist/machine.js";
import * as A from "../dist/isa/encode.js";
import { Csr } from "../dist/isa/csr-addr.js";
import { warmUp } from "../dist/warmup.js";

const ITERATIONS = 20_000;
const KERNEL = 0x80400000;
const SIZE_1M = 1 << 20;

/** words -> an in-memory ElfImage at `base` */
function image(words, base) {
  return { entry: base, segments: [{ paddr: base, vaddr: base, data: new Uint8Array(Uint32Array.from(words).buffer), memsz: words.length * 4 + 4096, flags: 7 }], symbols: new Map() };
}

/** `iterations` passes over `body`, then `exit`. */
function loop(body, exit, iterations = ITERATIONS) {
  return [...A.li(A.s0, iterations), ...body, A.addi(A.s0, A.s0, -1), A.bne(A.s0, A.x0, -4 * (body.length + 1)), ...exit];
}
const srst = [A.addi(A.a0, A.x0, 0), A.addi(A.a1, A.x0, 0), ...A.li(A.a7, 0x53525354), A.addi(A.a6, A.x0, 0), A.ecall()];
const finisher = [...A.li(A.t0, 0x100000), ...A.li(A.t1, 0x5555), A.sw(A.t1, 0, A.t0)];

/** An M-mode program from reset; returns instructions retired. */
function mRun(engine, words, handler) {
  const m = new Machine({ engine, ramSize: 8 << 20 });
  const all = [...words];
  if (handler) {
    while (all.length < 256) all.push(A.nop());
    all.push(...handler);
  }
  m.loadElf(image(all, 0x80000000));
  if (handler) m.hart.csr.mtvec = 0x80000400;
  const r = m.run(1e9);
  if (r.status !== "exit" || r.exitCode !== 0) throw new Error(`micro-benchmark program failed: ${r.reason}`);
  return r.retired;
}

/** An S-mode kernel on the monitor; `setup(machine)` may add page tables. Returns instructions retired. */
function sRun(engine, words, setup) {
  const { machine, monitor } = bootKernel(image(words, KERNEL), "bench", { delegation: PRESETS.opensbi, timeCsr: "native", csrPolicy: "safe", ramSize: 16 << 20, engine });
  setup?.(machine);
  const r = machine.run(1e9, { onMonitorTrap: () => monitor.handle() });
  if (r.status !== "exit" || r.exitCode !== 0) throw new Error(`micro-benchmark kernel failed: ${r.reason}`);
  return r.retired;
}

const alu = [A.addi(A.a0, A.a0, 1), A.xor(A.a1, A.a1, A.a0), A.add(A.a2, A.a2, A.a1), A.slli(A.a3, A.a2, 3), A.sub(A.a4, A.a3, A.a0), A.or(A.a5, A.a4, A.a1), A.and(A.a6, A.a5, A.a2), A.srai(A.a7, A.a6, 2)];
const buffer = (base) => [
  ...A.li(A.t0, base), ...A.li(A.t1, base + 4096),
  A.lw(A.t2, 0, A.t0), A.add(A.t2, A.t2, A.s0), A.sw(A.t2, 0, A.t0), A.addi(A.t0, A.t0, 4), A.bltu(A.t0, A.t1, -16),
];
const skipHandler = (epc, ret) => [A.csrr(A.t5, epc), A.addi(A.t5, A.t5, 4), A.csrw(epc, A.t5), ret];

/** Identity 4 MiB superpage over the kernel window, satp on (S-mode runs translated). */
function sv32(machine) {
  const root = 0x80200000;
  machine.ram.write(root - machine.ram.base + 4 * (KERNEL >>> 22), 4, (((KERNEL >>> 12) << 10) | 0xcf) >>> 0);
  machine.hart.csr.satp = (0x80000000 | (root >>> 12)) >>> 0;
  machine.hart.memoryConfigChanged();
}

/**
 * A kernel that enters U at `user` (sret with SPP = 0) and serves U's ecalls at stvec: each returns
 * past the ecall, except a7 = 93 (exit), which shuts down through SBI SRST.
 */
function userKernel(userBody) {
  const user = 64, handler = 32;
  const k = [
    ...A.li(A.t0, KERNEL + handler * 4), A.csrw(Csr.stvec, A.t0),
    ...A.li(A.t0, KERNEL + user * 4), A.csrw(Csr.sepc, A.t0),
    ...A.li(A.t0, 1 << 8), A.csrrc(A.x0, Csr.sstatus, A.t0), // SPP = U
    A.sret(),
  ];
  while (k.length < handler) k.push(A.nop());
  k.push(A.addi(A.t4, A.x0, 93), A.beq(A.a7, A.t4, 20), ...skipHandler(Csr.sepc, A.sret()), A.nop(), ...srst);
  while (k.length < user) k.push(A.nop());
  k.push(...loop(userBody, [A.addi(A.a7, A.x0, 93), A.ecall()]));
  return k;
}

export const MICRO = [
  { name: "dispatch (ALU loop)", insns: (e) => mRun(e, loop(alu, finisher, 200_000)) },
  { name: "memory (lw/add/sw, M-mode)", insns: (e) => mRun(e, loop(buffer(0x80010000), finisher, 400)) },
  { name: "memory (lw/add/sw, S-mode, Sv32)", insns: (e) => sRun(e, loop(buffer(KERNEL + 0x10000), srst, 400), sv32) },
  { name: "M trap + MRET", pair: "M nop", insns: (e) => mRun(e, loop([A.ecall()], finisher), skipHandler(Csr.mepc, A.mret())) },
  { name: "M nop", baseline: true, insns: (e) => mRun(e, loop([A.nop()], finisher), skipHandler(Csr.mepc, A.mret())) },
  { name: "U->S ecall + SRET (delegated)", pair: "U nop", insns: (e) => sRun(e, userKernel([A.addi(A.a7, A.x0, 1), A.ecall()])) },
  { name: "U nop", baseline: true, insns: (e) => sRun(e, userKernel([A.addi(A.a7, A.x0, 1), A.nop()])) },
  { name: "S->monitor->S SBI call", pair: "S nop", insns: (e) => sRun(e, loop([...A.li(A.a7, 0x10), A.addi(A.a6, A.x0, 0), A.ecall()], srst)) },
  { name: "S nop", baseline: true, insns: (e) => sRun(e, loop([...A.li(A.a7, 0x10), A.addi(A.a6, A.x0, 0), A.nop()], srst)) },
];

/**
 * Run every micro-benchmark under each engine. Returns rows { engine, name, instructions, medianMs,
 * mips } and round trips { engine, name, ns, guestInstructions }.
 */
export async function runMicro({ engines = ["interp", "jit"], time = 1000, log = () => {} } = {}) {
  warmUp(engines);
  const rows = [];
  const trips = [];
  for (const engine of engines) {
    const insns = {};
    const bench = new Bench({ time, warmupTime: 200, throws: true });
    for (const m of MICRO) bench.add(m.name, () => { insns[m.name] = m.insns(engine); });
    log(`micro-benchmarks, --engine ${engine}`);
    await bench.run();
    const p50 = (name) => bench.tasks.find((t) => t.name === name).result.latency.p50;
    for (const m of MICRO) {
      if (m.baseline) continue;
      const ms = p50(m.name);
      rows.push({ engine, name: m.name, instructions: insns[m.name], medianMs: ms, mips: insns[m.name] / (ms * 1e3), samples: bench.tasks.find((t) => t.name === m.name).result.latency.samples.length });
      if (m.pair) {
        trips.push({
          engine, name: m.name,
          ns: ((ms - p50(m.pair)) * 1e6) / ITERATIONS,
          guestInstructions: (insns[m.name] - insns[m.pair]) / ITERATIONS + 1, // the trap's own instructions (the nop it replaces counted)
        });
      }
    }
  }
  return { rows, trips };
}
