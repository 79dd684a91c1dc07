// A short program through the interpreter before the first real run. V8 optimizes the interpreter
// from the type feedback it has seen; a path that has never run
// when V8 compiles the function later costs a deoptimization and a recompile of the whole, large
// function (tens of milliseconds at the slower tiers each time). Running every kind of instruction
// once up front — fast and slow load/store paths, traps, CSR accesses, atomics, compressed code,
// Sv32 translation — gives V8 complete feedback for a few milliseconds of start-up. Measured on the
// benchmark workloads: interpreter MIPS from ~70-90 to ~110-130, and far less run-to-run spread.
import * as E from "./isa/encode.js";
import { Csr } from "./isa/csr-addr.js";
import { openPmpForSupervisor } from "./hart/pmp.js";
import type { EngineName } from "./hart/engine.js";
import { parseIsa } from "./isa/isa-string.js";
import { Machine } from "./machine.js";

const BASE = 0x80000000;
const DATA = BASE + 0x8000;
const ROOT = BASE + 0x10000; // page table: one identity superpage over the low 4 MiB of RAM
const HANDLER = 224; // word index of the M-mode trap handler
const FUNCTION = 240; // word index of a leaf function (call and return)

/** The warm-up program: `rounds` passes over every instruction class, in M and then in S under Sv32. */
function program(): number[] {
  const w: number[] = [
    ...E.li(E.s0, DATA), E.addi(E.s1, E.x0, 3), ...E.li(E.t0, 0x12345678), ...E.li(E.t1, -7),
  ];
  const loop = w.length;
  w.push(
    E.sw(E.t0, 0, E.s0), E.sh(E.t0, 4, E.s0), E.sb(E.t0, 6, E.s0),
    E.lw(E.a0, 0, E.s0), E.lh(E.a1, 4, E.s0), E.lhu(E.a2, 4, E.s0), E.lb(E.a3, 6, E.s0), E.lbu(E.a4, 6, E.s0),
    E.lw(E.a5, 1, E.s0), E.lh(E.a5, 3, E.s0), E.sw(E.a5, 9, E.s0), E.sh(E.a5, 13, E.s0), // misaligned: slow paths
    E.add(E.t2, E.t0, E.t1), E.sub(E.t2, E.t0, E.t1), E.sll(E.t2, E.t0, E.t1), E.slt(E.t2, E.t0, E.t1),
    E.sltu(E.t2, E.t0, E.t1), E.xor(E.t2, E.t0, E.t1), E.srl(E.t2, E.t0, E.t1), E.sra(E.t2, E.t0, E.t1),
    E.or(E.t2, E.t0, E.t1), E.and(E.t2, E.t0, E.t1),
    E.addi(E.t2, E.t0, 5), E.slti(E.t2, E.t0, 5), E.sltiu(E.t2, E.t0, 5), E.xori(E.t2, E.t0, 5), E.ori(E.t2, E.t0, 5),
    E.andi(E.t2, E.t0, 5), E.slli(E.t2, E.t0, 3), E.srli(E.t2, E.t0, 3), E.srai(E.t2, E.t0, 3),
    E.mul(E.t2, E.t0, E.t1), E.mulh(E.t2, E.t0, E.t1), E.mulhsu(E.t2, E.t0, E.t1), E.mulhu(E.t2, E.t0, E.t1),
    E.div(E.t2, E.t0, E.t1), E.divu(E.t2, E.t0, E.t1), E.rem(E.t2, E.t0, E.t1), E.remu(E.t2, E.t0, E.t1),
    E.lui(E.t2, 0x12345), E.auipc(E.t2, 1), E.addi(E.x0, E.t0, 1),
    E.beq(E.t0, E.t0, 8), E.nop(), E.bne(E.t0, E.t0, 8), E.nop(), E.blt(E.t1, E.t0, 8), E.nop(),
    E.bge(E.t1, E.t0, 8), E.nop(), E.bltu(E.t0, E.t1, 8), E.nop(), E.bgeu(E.t0, E.t1, 8), E.nop(),
    0x00010505, // c.addi a0, 1; c.nop
    E.csrr(E.a6, Csr.mscratch), E.csrw(Csr.mscratch, E.a6), E.csrr(E.a6, Csr.mcycle),
    E.amoaddW(E.a7, E.t0, E.s0), E.lrW(E.a7, E.s0), E.scW(E.a7, E.t0, E.s0), E.fence(), E.fenceI(),
    E.ecall(), // the handler skips it
  );
  w.push(E.jal(E.ra, (FUNCTION - w.length) * 4));
  w.push(E.addi(E.s1, E.s1, -1));
  w.push(E.bne(E.s1, E.x0, (loop - w.length) * 4));
  w.push(E.ebreak()); // into the handler, which ends the run (mcause = breakpoint)
  while (w.length < HANDLER) w.push(E.nop());
  w.push(
    E.csrr(E.t3, Csr.mcause), E.addi(E.t4, E.x0, 3), E.beq(E.t3, E.t4, 20),
    E.csrr(E.t3, Csr.mepc), E.addi(E.t3, E.t3, 4), E.csrw(Csr.mepc, E.t3), E.mret(),
    ...E.li(E.t3, 0x100000), ...E.li(E.t4, 0x5555), E.sw(E.t4, 0, E.t3), // test finisher: pass
  );
  while (w.length < FUNCTION) w.push(E.nop());
  w.push(E.addi(E.a0, E.a0, 1), E.jalr(E.x0, E.ra, 0));
  return w;
}

let warmed = false;

/**
 * Run the warm-up once per process when `engines` include interp; later calls return at once. The
 * jit engine is not warmed up: its translated functions are new code that V8 learns in the guest
 * anyway, and Jit.prime keeps them from deoptimizing on their ways out. Measured (whole process,
 * paired, medians of 11): without the warm-up's ~8 ms the jit engine ran crc32, qsort, bignum and
 * hash ~5% faster, sieve and traps ~3%, the sbi guest 7%; the Linux boot ~1% slower.
 */
export function warmUp(engines: readonly EngineName[] = ["interp", "jit"]): void {
  if (warmed || !engines.includes("interp")) return;
  warmed = true;
  const bytes = new Uint8Array(Uint32Array.from(program()).buffer);
  for (const paging of [false, true]) {
    const m = new Machine({ engine: "interp", isa: parseIsa("rv32imac"), ramSize: 1 << 20, misaligned: "complete" });
    m.ram.bytes.set(bytes, 0);
    m.hart.reset(BASE);
    if (paging) {
      // The same program in S-mode under Sv32 (loads and stores through the fast TLB, page walks).
      m.ram.write(ROOT - BASE + 4 * (BASE >>> 22), 4, ((BASE >>> 12) << 10) | 0xcf);
      const csr = m.hart.csr;
      openPmpForSupervisor(csr);
      csr.satp = (0x80000000 | (ROOT >>> 12)) >>> 0;
      csr.medeleg = 0;
      m.hart.memoryConfigChanged();
      m.hart.priv = 1;
    }
    m.hart.csr.mtvec = BASE + HANDLER * 4;
    // In short slices: V8 allocates a function's feedback vector only after several calls (8 in
    // Node 20), and the interpreter stays in its loop across CSR accesses and traps, so a few
    // long calls would record no feedback for most of the M-mode pass (measured: three
    // deoptimizations of the interpreter in the guest that follows, ~100 ms).
    for (let i = 0; i < 4000 && m.run(4).status === "limit"; i++);
  }
}
