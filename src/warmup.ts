// A short program through the interpreter before the first real run. V8 optimizes the interpreter
// from the type feedback it has seen; a path that has never run when V8 compiles the function costs
// a deoptimization and a recompile of the whole, large function (tens of milliseconds at the slower
// tiers each time). Running every kind of instruction and event once up front (fast and slow
// load/store paths, faults, MMIO, traps, CSR accesses, interrupts, atomics, compressed and
// page-straddling code, Sv32 translation) gives V8 complete feedback; then the warm-up gets V8 to
// compile the interpreter at once, in the background, while the caller loads its program.
// Measured (whole process, interp): the integer workloads 7-10% faster than with a warm-up that
// left the compile to the guest's first milliseconds, the Linux boot 0.71 -> 0.51 s; no
// deoptimization of the interpreter in any benchmark workload, guest or the Linux boot.
import * as E from "./isa/encode.js";
import { Csr } from "./isa/csr-addr.js";
import { openPmpForSupervisor } from "./hart/pmp.js";
import type { EngineName } from "./hart/engine.js";
import { parseIsa } from "./isa/isa-string.js";
import { Machine } from "./machine.js";

const BASE = 0x80000000;
const DATA = BASE + 0x8000;
const CLINT_MTIME = 0x0200bff8;
const ROOT = BASE + 0x10000; // page table: one identity superpage over the low 4 MiB of RAM
const HANDLER = 224; // word index of the M-mode trap handler
const SPIN = 248; // word index of an endless two-instruction loop
const S_HANDLER = 252; // word index of the S-mode handler (interrupts only: clears SSIP, sret)
/** Byte offset of a leaf function (c.addi; addi; ret) whose addi straddles the page end. */
const FUNCTION = 0xffc;
const TIER_UP_CALLS = 400, TIER_UP_SLICE = 32;

/** The warm-up program: `rounds` passes over every instruction class, in M and then in S under Sv32. */
function program(): number[] {
  const w: number[] = [
    ...E.li(E.s0, DATA), E.addi(E.s1, E.x0, 3), ...E.li(E.t0, 0x12345678), ...E.li(E.t1, -7),
    E.addi(E.s2, E.x0, 0), ...E.li(E.s3, CLINT_MTIME),
  ];
  const loop = w.length;
  w.push(
    E.sw(E.t0, 0, E.s0), E.sh(E.t0, 4, E.s0), E.sb(E.t0, 6, E.s0), E.sw(E.t0, 8, E.s0), // the first store of a round misses the fast TLB
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
  w.push(E.jal(E.ra, FUNCTION - w.length * 4));
  w.push(E.addi(E.s1, E.s1, -1));
  w.push(E.bne(E.s1, E.x0, (loop - w.length) * 4));
  // Once, after the rounds (V8 needs each path seen once, traps are slow before it compiles, and it
  // records nothing for a function before its feedback vector exists, after several calls):
  w.push(
    // Accesses that fault (M: nothing at 0; S: 0 unmapped), of every width, which the handler
    // skips, and an MMIO load (M; a page fault in S).
    E.lb(E.a5, 0, E.s2), E.lh(E.a5, 0, E.s2), E.lw(E.a5, 0, E.s2), E.lbu(E.a5, 0, E.s2), E.lhu(E.a5, 0, E.s2),
    E.sb(E.a5, 0, E.s2), E.sh(E.a5, 0, E.s2), E.sw(E.a5, 0, E.s2), E.lw(E.a5, 0, E.s3),
    // In S with SSI delegated: an interrupt pending with SIE clear, then taken into the S handler.
    // (In M, sip shows nothing undelegated, and S interrupts are not taken. Interrupts in M are left
    // out: writing mie and mip there made trap-heavy M-mode guests run 5-10% slower afterwards.)
    E.addi(E.t6, E.x0, 2), E.csrrs(E.x0, Csr.sie, E.t6), E.csrrs(E.x0, Csr.sip, E.t6), E.nop(), E.csrrsi(E.x0, Csr.sstatus, 2), E.nop(),
    E.csrrci(E.x0, Csr.sstatus, 2), E.csrrc(E.x0, Csr.sie, E.t6),
    0, // an illegal instruction (all zeros)
    E.jalr(E.ra, E.s2, 0), // a call to 0: the fetch faults (M: no memory there; S: unmapped)
  );
  w.push(E.ebreak()); // into the handler, which ends the run (mcause = breakpoint)
  if (w.length > HANDLER) throw new Error("warm-up program overlaps its handler");
  while (w.length < HANDLER) w.push(E.nop());
  // The M-mode handler: a breakpoint ends the run; a fetch fault returns to ra (the call that
  // faulted); anything else resumes after the instruction (4 bytes: no 16-bit one traps here).
  const FETCH = 11, FINISH = 13; // instruction indexes in the handler
  w.push(
    E.csrr(E.t3, Csr.mcause),
    E.addi(E.t4, E.x0, 3), E.beq(E.t3, E.t4, 4 * (FINISH - 2)),
    E.addi(E.t4, E.x0, 1), E.beq(E.t3, E.t4, 4 * (FETCH - 4)),
    E.addi(E.t4, E.x0, 12), E.beq(E.t3, E.t4, 4 * (FETCH - 6)),
    E.csrr(E.t3, Csr.mepc), E.addi(E.t3, E.t3, 4), E.csrw(Csr.mepc, E.t3), E.mret(),
    E.csrw(Csr.mepc, E.ra), E.mret(), // FETCH
    ...E.li(E.t3, 0x100000), ...E.li(E.t4, 0x5555), E.sw(E.t4, 0, E.t3), // FINISH: test finisher, pass
  );
  if (w.length > SPIN) throw new Error("warm-up handler overlaps what follows");
  while (w.length < SPIN) w.push(E.nop());
  w.push(E.addi(E.t5, E.t5, 1), E.jal(E.x0, -4));
  while (w.length < S_HANDLER) w.push(E.nop());
  w.push(E.csrrc(E.x0, Csr.sip, E.t6), E.sret());
  while (w.length < FUNCTION / 4) w.push(E.nop());
  const add = E.addi(E.a0, E.a0, 1), ret = E.jalr(E.x0, E.ra, 0);
  w.push(0x0505 /* c.addi a0, 1 */ | ((add & 0xffff) << 16), (add >>> 16) | ((ret & 0xffff) << 16), ret >>> 16);
  return w;
}

let warmed = false;
/**
 * The last warm-up machine, kept alive: V8's type feedback holds the maps (object shapes) of the
 * objects it saw only weakly, and a map no live object uses may be collected; a guest's objects then
 * get new maps that the compiled interpreter's feedback does not know (it deoptimized at random).
 */
const retained: Machine[] = [];

/**
 * Run the warm-up once per process when `engines` include interp; later calls return at once. The
 * jit engine's programs need no warm-up: its translated functions are new code that V8 learns in
 * the guest anyway, and Jit.prime keeps them from deoptimizing on their ways out. Measured (whole
 * process, paired): with the warm-up the jit engine ran crc32 20% slower, qsort 17%, traps 12%
 * (the interpreter's background compile competes with the translations'). Kernels are the
 * exception (the boot commands warm up under both engines, see src/cli/boot-cmd.ts).
 */
export function warmUp(engines: readonly EngineName[] = ["interp", "jit"]): void {
  if (warmed || !engines.includes("interp")) return;
  warmed = true;
  const bytes = new Uint8Array(Uint32Array.from(program()).buffer);
  // CSRs are uint32: V8 first keeps the CSR file's fields as small integers and changes the
  // object's shape when one first holds 2^31 or more (mtvec, satp and xepc at 0x8..., the
  // monitor's mcounteren). Code V8 compiled for the old shape then deoptimizes when it meets a
  // CSR file of the new one: the interpreter, compiled during this warm-up, did so at once in every
  // guest the monitor boots. Every field of the first CSR file holding 2^31 once settles the shape.
  for (const paging of [false, true]) {
    const m = new Machine({ engine: "interp", isa: parseIsa("rv32imac"), ramSize: 1 << 20, misaligned: "complete" });
    if (!paging) {
      const fields = m.hart.csr as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(fields)) if (typeof v === "number") { fields[k] = 2 ** 31; fields[k] = v; }
    }
    m.ram.bytes.set(bytes, 0);
    m.hart.reset(BASE);
    if (paging) {
      // The same program in S-mode under Sv32 (loads and stores through the fast TLB, page walks).
      m.ram.write(ROOT - BASE + 4 * (BASE >>> 22), 4, ((BASE >>> 12) << 10) | 0xcf);
      const csr = m.hart.csr;
      openPmpForSupervisor(csr);
      csr.satp = (0x80000000 | (ROOT >>> 12)) >>> 0;
      csr.medeleg = 0;
      csr.mideleg = 2; // SSI
      m.hart.memoryConfigChanged();
      m.hart.priv = 1;
    }
    m.hart.csr.mtvec = BASE + HANDLER * 4;
    m.hart.csr.stvec = BASE + S_HANDLER * 4;
    // In short slices: V8 allocates a function's feedback vector only after several calls (8 in
    // Node 20), and the interpreter stays in its loop across CSR accesses and traps, so a few
    // long calls would record no feedback for most of the M-mode pass (measured: three
    // deoptimizations of the interpreter in the guest that follows, ~100 ms).
    let status = "limit";
    for (let i = 0; i < 4000 && status === "limit"; i++) status = m.run(4).status;
    if (status !== "exit") throw new Error(`warm-up program did not finish (${paging ? "S" : "M"} pass)`);
    if (paging) {
      // Last, many short calls on a two-instruction loop, to spend V8's interrupt budget: V8 marks
      // the interpreter for optimization here (in Node 20 after fewer than 100 of these calls) and
      // compiles it in the background while the caller loads its program. The guest then starts
      // with the compile under way, and no second, on-stack-replacement compile of the loop
      // competes with it (as when V8 marked the loop only in the guest's first, long call). Short
      // calls: a marking in the middle of a long call starts that second compile too. Measured: the
      // guest's first fast slice 40-52 -> 15-23 ms after its start, for ~1.5 ms here.
      m.hart.reset(BASE + SPIN * 4);
      for (let i = 0; i < TIER_UP_CALLS; i++) m.hart.interpret(TIER_UP_SLICE);
      retained.push(m);
    }
  }
}
