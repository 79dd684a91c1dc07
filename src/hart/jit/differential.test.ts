import { describe, expect, it } from "vitest";
import { bootKernel } from "../../boot.js";
import { parseIsa } from "../../isa/isa-string.js";
import { Csr } from "../../isa/csr-addr.js";
import type { Machine } from "../../machine.js";
import { PRESETS } from "../../monitor/delegation.js";
import * as A from "../../testing/asm.js";
import { xorshift32 } from "../../testing/random.js";

// Differential test: the same random program under the interpreter and under the block translator
// (translating on first visit) must leave exactly the same architectural state after the same number
// of instructions: registers, pc, privilege, every CSR, RAM, counters, traps, the run's result.

const PROGRAM = 0x80000000;
const DATA = 0x80004000;
const WORDS = 384;
/** Trap handlers that skip the trapping instruction (xepc += 4) and return, right after the program. */
const M_HANDLER = PROGRAM + WORDS * 4;
const S_HANDLER = M_HANDLER + 32;

/** Registers the generator keeps as pointers: s0 into data, s1 into the program (self-modifying stores),
 *  s2 into the randomly mapped 4 KiB pages at 0x40000000 (Sv32 runs; nothing there without paging). */
const PTR_DATA = A.s0, PTR_CODE = A.s1, PTR_MAPPED = A.s2;
const MAPPED = 0x40000000;
const CSRS = [Csr.mscratch, Csr.mepc, Csr.mcause, Csr.mtval, Csr.mstatus, Csr.mie, Csr.mip, Csr.sscratch, Csr.sepc,
  Csr.scause, Csr.stval, Csr.sstatus, Csr.sie, Csr.sip, Csr.satp, Csr.cycle, Csr.instret, Csr.time, Csr.minstret,
  Csr.mcycle, Csr.misa, Csr.mhartid, Csr.mvendorid, Csr.medeleg, Csr.mideleg, Csr.mcounteren, 0x7ff, Csr.stvec, Csr.mtvec];

/** A random instruction, mostly valid, with memory operands near the data and code pointers. */
function randomInsn(next: () => number, i: number, compressed: boolean, sbi = false): number[] {
  const r = (): number => next() % 32;
  const small = (): number => (next() % 64) - 32;
  const kind = next() % 100;
  // Branch targets inside the program, mostly forward so that execution keeps meeting new code.
  const target = (): number => {
    const t = next() % 10 < 7 ? i + 1 + (next() % 48) : i - 1 - (next() % 48);
    return (Math.max(0, Math.min(WORDS - 1, t)) - i) * 4;
  };
  if (sbi && kind < 8) { // an SBI call the monitor serves in place: BASE (fid 0-6), or an unknown one
    const eid = next() % 4 === 0 ? 0x0badc0de & 0x7ff : 0x10;
    return [A.addi(A.a7, A.x0, eid), A.addi(A.a6, A.x0, next() % 8), A.addi(A.a0, A.a0, 1), A.ecall()];
  }
  if (kind < 30) { // ALU
    const ops = [A.add, A.sub, A.sll, A.slt, A.sltu, A.xor, A.srl, A.sra, A.or, A.and];
    const mops = [0, 1, 2, 3, 4, 5, 6, 7].map((f3) => (rd: number, a: number, b: number) => A.rType(0x33, rd, f3, a, b, 1));
    if (next() % 3 === 0) return [mops[next() % 8]!(r(), r(), r())];
    if (next() % 2) return [ops[next() % ops.length]!(r(), r(), r())];
    const iops = [A.addi, A.slti, A.sltiu, A.xori, A.ori, A.andi];
    if (next() % 4 === 0) return [[A.slli, A.srli, A.srai][next() % 3]!(r(), r(), next() % 32)];
    return [iops[next() % iops.length]!(r(), r(), (next() % 4096) - 2048)];
  }
  if (kind < 34) return [next() % 2 ? A.lui(r(), next() & 0xfffff) : A.auipc(r(), next() & 0xfffff)];
  if (kind < 50) { // loads and stores, some misaligned, some into the program itself
    const base = next() % 8 === 0 ? PTR_CODE : next() % 3 === 0 ? PTR_MAPPED : PTR_DATA;
    const off = small() * (next() % 4 === 0 ? 1 : 4) + (next() % 6 === 0 ? 1 + (next() % 3) : 0);
    const loads = [A.lb, A.lh, A.lw, A.lbu, A.lhu];
    const stores = [A.sb, A.sh, A.sw];
    if (base === PTR_CODE && next() % 2) return [stores[next() % 3]!(r(), off, base)];
    return next() % 2 ? [loads[next() % loads.length]!(r(), off, base)] : [stores[next() % 3]!(r(), off, base)];
  }
  if (kind < 62) return [A.bType([0, 1, 4, 5, 6, 7][next() % 6]!, r(), r(), target())];
  if (kind < 65) return [A.jal(next() % 2 ? A.ra : A.x0, target())];
  if (kind < 67) return [A.auipc(A.t6, 0), A.jalr(next() % 2 ? A.ra : A.x0, A.t6, (next() % 64) * 4 - 128 + (next() % 5 === 0 ? 2 : 0))];
  if (kind < 77) { // CSR accesses
    const csr = CSRS[next() % CSRS.length]!;
    const op = [A.csrrw, A.csrrs, A.csrrc, A.csrrwi, A.csrrsi, A.csrrci][next() % 6]!;
    return [op(r(), csr, next() % 4 === 0 ? 0 : r())];
  }
  if (kind < 85) { // privileged and system
    const sys = [A.ecall(), A.ebreak(), A.mret(), A.sret(), A.wfi(), A.fence(), A.fenceI(), A.sfenceVma(r(), r())];
    return [sys[next() % sys.length]!];
  }
  if (kind < 90) { // atomics on the data pointer (aligned or not)
    const f5 = [0x02, 0x03, 0x01, 0x00, 0x04, 0x0c, 0x08, 0x10, 0x14, 0x18, 0x1c][next() % 11]!;
    return [((f5 << 27) | ((f5 === 0x02 ? 0 : r()) << 20) | (PTR_DATA << 15) | (2 << 12) | (r() << 7) | 0x2f) >>> 0];
  }
  if (kind < 97 && compressed) return [(next() & 0xffff) | ((next() & 0xffff) << 16)]; // two RVC halves
  return [next()]; // anything
}

/** Edge-heavy register values: signs, zero, extremes and plain random words. */
function randomValue(next: () => number): number {
  const edges = [0, 1, -1, 0x7fffffff, -0x80000000, 0x80000000 - 1, 2, -2, 31, 32, 0xffff, 0x8000];
  return next() % 3 === 0 ? edges[next() % edges.length]! : next() | 0;
}

/** Registers set to random values, pointers set, random code, a jump back, then the two handlers. */
function randomProgram(next: () => number, compressed: boolean, sbi = false): number[] {
  const words: number[] = [];
  for (let r = 1; r < 32; r++) if (r !== PTR_DATA && r !== PTR_CODE && r !== PTR_MAPPED) words.push(...A.li(r, randomValue(next)));
  words.push(...A.li(PTR_DATA, DATA), ...A.li(PTR_CODE, PROGRAM + 0x200), ...A.li(PTR_MAPPED, MAPPED + 0x1000 * (next() % 8)));
  const bodyStart = words.length;
  while (words.length < WORDS - 1) words.push(...randomInsn(next, words.length, compressed, sbi));
  words.length = WORDS - 1;
  words.push(A.jal(A.x0, (bodyStart - (WORDS - 1)) * 4));
  const skip = (epc: number, ret: number): number[] => [A.csrr(A.t5, epc), A.addi(A.t5, A.t5, 4), A.csrw(epc, A.t5), ret];
  words.push(...skip(Csr.mepc, A.mret()), 0, 0, 0, 0, ...skip(Csr.sepc, A.sret()));
  return words;
}

/** Everything architectural (and the counters trapvisor reports) as one comparable object. */
function snapshot(m: Machine, result: unknown): unknown {
  const h = m.hart;
  h.accountPrivilege();
  const csr: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(h.csr)) csr[k] = ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : typeof v === "bigint" ? v.toString() : v;
  let ramHash = 0;
  const bytes = m.ram.bytes;
  for (let i = 0; i < bytes.length; i++) ramHash = (Math.imul(ramHash, 31) + bytes[i]!) | 0;
  return {
    result, x: Array.from(h.x), pc: h.pc, priv: h.priv, retired: h.retired, byPriv: Array.from(h.retiredByPriv),
    traps: h.trapsTaken, trapCounts: Array.from(h.trapCounts), lastTrap: { ...h.lastTrap }, reservation: h.reservation, csr, ramHash,
  };
}


type Setup = (m: Machine, next: () => number) => void;

/** Totals over the jit runs: the test means something only if translated code ran a lot. */
const totals = { translations: 0, retired: 0, translated: 0, invalidations: 0, runs: 0 };
function account(m: Machine): void {
  const s = m.hart.jit?.stats;
  if (!s) return;
  totals.translations += s.translations;
  totals.invalidations += s.invalidations;
  totals.retired += m.hart.retired;
  totals.translated += s.retiredTranslated;
  totals.runs++;
}

function compareMachine(seed: number, isa: string, setup: Setup, insns: number, threshold: number): void {
  const run = (engine: "interp" | "jit"): unknown => {
    const next = xorshift32(seed);
    const words = randomProgram(next, isa.includes("c"));
    const m = A.newMachine({ engine, isa: parseIsa(isa), misaligned: next() % 2 ? "complete" : "raise-below-m" });
    A.load(m, words, PROGRAM);
    setup(m, next);
    const r = m.run(insns);
    account(m);
    return snapshot(m, { status: r.status, exitCode: r.exitCode, retired: r.retired });
  };
  const interp = run("interp");
  const jit = A.withHotThreshold(threshold, () => run("jit"));
  expect(jit, `seed 0x${seed.toString(16)} (${isa})`).toEqual(interp);
}

const mMode: Setup = (m, next) => {
  m.hart.csr.mtvec = next() % 2 ? M_HANDLER : (PROGRAM + (next() % WORDS) * 4) >>> 0;
  m.hart.csr.mie = next() & 0xaaa;
};

const supervisor: Setup = (m, next) => {
  const csr = m.hart.csr;
  // Identity superpage for the program/data megapage and a few random 4 KiB mappings below it.
  const root = 0x80040000, leaf = 0x80041000;
  const ram = m.ram;
  const pte = (pa: number, flags: number): number => (((pa >>> 12) << 10) | flags) >>> 0;
  ram.write(root - ram.base + 4 * (PROGRAM >>> 22), 4, pte(PROGRAM, 0xcf | (next() % 3 === 0 ? 0x10 : 0)));
  ram.write(root - ram.base + 4 * 0x100, 4, pte(leaf, 0x01));
  for (let i = 0; i < 16; i++) ram.write(leaf - ram.base + 4 * i, 4, pte(PROGRAM + (next() % 32) * 4096, (next() & 0xde) | 0x01));
  if (next() % 4) csr.satp = (0x80000000 | (root >>> 12)) >>> 0;
  csr.mstatus = (next() & 0x000e0000) | ((next() % 2) << 11); // MPRV/SUM/MXR, MPP = U or S
  csr.medeleg = next() & 0xb3ff;
  csr.mideleg = 0x222;
  csr.stvec = next() % 2 ? S_HANDLER : (PROGRAM + (next() % WORDS) * 4) >>> 0;
  csr.mtvec = next() % 2 ? M_HANDLER : (PROGRAM + (next() % WORDS) * 4) >>> 0;
  m.hart.memoryConfigChanged();
  m.hart.priv = [0, 1, 3][next() % 3]!; // U, S, or M (with MPRV sometimes)
};

describe("differential: interpreter and block translator agree on random programs", () => {
  it("M-mode, rv32i and rv32imac, self-modifying stores included", () => {
    const next = xorshift32(0x4a17_0001);
    for (let round = 0; round < 150; round++) compareMachine(next(), round % 2 ? "rv32imac" : "rv32i", mMode, 4000, 1);
  });

  it("S and U under Sv32 and PMP, with delegation", () => {
    const next = xorshift32(0x4a17_0002);
    for (let round = 0; round < 150; round++) compareMachine(next(), "rv32imac", supervisor, 4000, 1);
  });

  it("hot thresholds above one (code interpreted first, then translated mid-run)", () => {
    const next = xorshift32(0x4a17_0003);
    for (let round = 0; round < 60; round++) compareMachine(next(), "rv32imac", round % 2 ? mMode : supervisor, 6000, 2 + (round % 5));
  });

  it("S-mode kernels under the monitor (SBI, emulation, forwarding)", () => {
    const next = xorshift32(0x4a17_0004);
    const presets = Object.values(PRESETS);
    for (let round = 0; round < 80; round++) {
      const seed = next();
      const run = (engine: "interp" | "jit"): unknown => {
        const r = xorshift32(seed);
        const words = randomProgram(r, true, true);
        const image = { entry: 0x80400000, segments: [{ paddr: 0x80400000, vaddr: 0x80400000, data: new Uint8Array(Uint32Array.from(words).buffer), memsz: 0x6000, flags: 7 }], symbols: new Map<string, number>() };
        const { machine, monitor } = bootKernel(image, "diff", {
          delegation: presets[round % presets.length]!, timeCsr: round % 2 ? "native" : "emulate", csrPolicy: "emulate", ramSize: 8 << 20, engine,
        });
        machine.hart.csr.stvec = r() % 2 ? 0x80400000 + S_HANDLER - PROGRAM : (0x80400000 + (r() % WORDS) * 4) >>> 0;
        const res = machine.run(5000, { onMonitorTrap: () => monitor.handle() });
        account(machine);
        return { ...(snapshot(machine, { status: res.status, exitCode: res.exitCode, retired: res.retired }) as object), monitor: monitor.stats().traps };
      };
      const interp = run("interp");
      const jit = A.withHotThreshold(1, () => run("jit"));
      expect(jit, `seed 0x${seed.toString(16)}`).toEqual(interp);
    }
  });

  it("ran translated code (the comparisons above mean something)", () => {
    console.log(totals);
    expect(totals.translations).toBeGreaterThan(500);
    expect(totals.retired).toBeGreaterThan(1_000_000);
  });
});
