// The TypeScript M-mode monitor, tested with tiny S-mode kernels (DESIGN.md example 7): each test
// assembles a few instructions at the kernel entry, boots them the way `trapvisor boot` does and
// reads the outcome from registers, RAM, CSRs and the monitor's statistics.
// SBI: riscv-non-isa/riscv-sbi-doc v2.0; traps: privileged spec 1.12.
import { describe, expect, it } from "vitest";
import { type BootOptions, type BootOutcome, bootKernel, runBoot } from "../boot.js";
import { parseIsa } from "../isa/isa-string.js";

/** These kernels are RV32I code and some check base-ISA facts (misa, IALIGN=32). */
const RV32I = parseIsa("rv32i");
import { VirtMap } from "../bus/bus.js";
import { MIP, MSTATUS } from "../csr/bits.js";
import { Exception, INTERRUPT_FLAG, Interrupt } from "../isa/cause.js";
import { Csr } from "../isa/csr-addr.js";
import type { ElfImage } from "../loader/elf.js";
import { MISA_RV32ISU, type Machine } from "../machine.js";
import {
  a0, a1, a2, a6, a7, addi, bge, csrr, csrrc, csrrs, csrrsi, csrrw, csrw, ebreak, ecall, j, jal, jalr,
  lh, lhu, li, lw, nop, ra, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, sh, sret, sw, t0, t1, t2, t6,
  wfi, x0, zero,
} from "../testing/asm.js";
import { type Delegation, PRESETS } from "./delegation.js";
import type { CsrPolicy, MonitorStats } from "./monitor.js";
import { Eid, IMPL_ID, IMPL_VERSION, SPEC_VERSION, SbiError } from "./sbi-ids.js";

// ---- A two-pass kernel assembler: words, labels, and branches/addresses that refer to labels. ----

const ENTRY = 0x80400000;
const RAM_SIZE = 8 << 20; // RAM ends at 0x80800000
const RAM_END = VirtMap.ram + RAM_SIZE;
const IMAGE_SIZE = 0x2000;
/** Where `rec` stores (a0, a1) pairs, one pair per call, through s1. */
const RESULTS = ENTRY + 0x1800;

interface Label { label: string }
interface Org { org: number }
interface Ref { words: number; emit(at: (name: string) => number, pc: number): readonly number[] }
type Item = number | readonly number[] | Label | Org | Ref;

const label = (name: string): Label => ({ label: name });
/** Continue at ENTRY + offset. */
const org = (offset: number): Org => ({ org: offset });
/** One instruction whose offset operand is `name` relative to the instruction itself. */
const to = (name: string, insn: (offset: number) => number): Ref => ({ words: 1, emit: (at, pc) => [insn(at(name) - pc)] });
/** `la rd, name` as lui + addi. */
const la = (rd: number, name: string): Ref => ({ words: 2, emit: (at) => li(rd, at(name)) });
const mv = (rd: number, rs: number): number => addi(rd, rs, 0);
const spin = (): number => j(0);

function isLabel(i: Item): i is Label { return typeof i === "object" && "label" in i; }
function isOrg(i: Item): i is Org { return typeof i === "object" && "org" in i; }
function isRef(i: Item): i is Ref { return typeof i === "object" && "emit" in i; }

interface Program { image: ElfImage; at(name: string): number }

function assemble(items: readonly Item[]): Program {
  const labels = new Map<string, number>();
  const at = (name: string): number => {
    const a = labels.get(name);
    if (a === undefined) throw new Error(`no label ${name}`);
    return a;
  };
  const walk = (emit?: (pc: number, words: readonly number[]) => void): void => {
    let pc = ENTRY;
    for (const item of items) {
      if (typeof item === "number") { emit?.(pc, [item]); pc += 4; }
      else if (isLabel(item)) labels.set(item.label, pc);
      else if (isOrg(item)) {
        if (ENTRY + item.org < pc) throw new Error(`org 0x${item.org.toString(16)} overlaps code`);
        pc = ENTRY + item.org;
      } else if (isRef(item)) { emit?.(pc, item.emit(at, pc)); pc += 4 * item.words; }
      else { emit?.(pc, item); pc += 4 * item.length; }
    }
  };
  walk(); // labels first, so references may point forward
  const data = new Uint8Array(IMAGE_SIZE);
  const view = new DataView(data.buffer);
  walk((pc, words) => words.forEach((w, i) => view.setUint32(pc - ENTRY + 4 * i, w >>> 0, true)));
  return {
    image: { entry: ENTRY, segments: [{ paddr: ENTRY, vaddr: ENTRY, data, memsz: IMAGE_SIZE, flags: 7 }], symbols: new Map() },
    at,
  };
}

// ---- Kernel idioms ----

/** `ecall` with a7 = eid, a6 = fid, a0.. = args. */
const sbi = (eid: number, fid: number, ...args: number[]): number[] =>
  [...li(a7, eid), ...li(a6, fid), ...args.flatMap((v, i) => li(a0 + i, v)), ecall()];
/** Store the call's (a0, a1) at s1 and advance s1: the kernel's result log. */
const rec = (): number[] => [sw(a0, 0, s1), sw(a1, 4, s1), addi(s1, s1, 8)];
const logStart = (): number[] => li(s1, RESULTS);
/** Enter U-mode at `name` with sret (SPP = U; SPIE as given). */
const toUser = (name: string, spie = false): Item[] => [
  la(t0, name), csrw(Csr.sepc, t0),
  ...li(t1, MSTATUS.SPP), csrrc(x0, Csr.sstatus, t1),
  ...li(t1, MSTATUS.SPIE), spie ? csrrs(x0, Csr.sstatus, t1) : csrrc(x0, Csr.sstatus, t1),
  sret(),
];
/** TIME set_timer(time + ticks), reading time natively. */
const setTimerIn = (ticks: number): number[] =>
  [csrr(t0, Csr.time), addi(a0, t0, ticks), ...li(a1, 0), ...li(a7, Eid.time), ...li(a6, 0), ecall()];
/** stvec = label (| mode). */
const setStvec = (name: string, mode = 0): Item[] => [la(t0, name), ...(mode ? [addi(t0, t0, mode)] : []), csrw(Csr.stvec, t0)];
/** A handler that records scause/sepc/stval/sstatus in s8..s11 and stops at `trapSpin`. */
const recordingHandler = (): Item[] => [
  label("trap"),
  csrr(s8, Csr.scause), csrr(s9, Csr.sepc), csrr(s10, Csr.stval), csrr(s11, Csr.sstatus),
  label("trapSpin"), spin(),
];
/** A handler that counts traps in s7, records the last scause/sepc/stval in s8..s10 and skips the instruction. */
const skippingHandler = (): Item[] => [
  label("trap"),
  addi(s7, s7, 1), csrr(s8, Csr.scause), csrr(s9, Csr.sepc), csrr(s10, Csr.stval),
  csrr(t6, Csr.sepc), addi(t6, t6, 4), csrw(Csr.sepc, t6), sret(),
];

// ---- Running ----

interface Options extends Partial<BootOptions> {
  maxInsns?: number;
  /** Runs after boot, before the first instruction. */
  before?: (m: Machine) => void;
}

interface Run {
  out: BootOutcome;
  m: Machine;
  p: Program;
  /** Register value, unsigned. */
  u(r: number): number;
  /** Register value, signed (SBI errors). */
  s(r: number): number;
  /** `n` (error, value) pairs logged by `rec`, signed. */
  log(n: number): [number, number][];
  text: string;
}

function run(items: readonly Item[], o: Options = {}): Run {
  const p = assemble(items);
  let machine: Machine | undefined;
  const out = runBoot(p.image, "kernel", {
    isa: RV32I, delegation: PRESETS.opensbi!, timeCsr: "native", csrPolicy: "safe", ramSize: RAM_SIZE, ...o,
  }, o.maxInsns ?? 2000, {}, (m) => { machine = m; o.before?.(m); });
  const m = machine!;
  const word = (addr: number): number => m.ram.read(addr - m.ram.base, 4) | 0;
  return {
    out, m, p,
    u: (r) => m.hart.x[r]! >>> 0,
    s: (r) => m.hart.x[r]!,
    log: (n) => Array.from({ length: n }, (_, i) => [word(RESULTS + 8 * i), word(RESULTS + 8 * i + 4)]),
    text: new TextDecoder().decode(out.console),
  };
}

const E = SbiError;
const preset = (name: string): Delegation => PRESETS[name]!;
const trapRow = (st: MonitorStats, cause: number, interrupt: boolean, from: string, handledBy: string): number =>
  st.traps.find((t) => t.cause === cause && t.interrupt === interrupt && t.from === from && t.handledBy === handledBy)?.count ?? 0;
const sbiCount = (st: MonitorStats, call: string): number => st.sbiCalls.find((c) => c.call === call)?.count ?? 0;
const ramBytes = (m: Machine, addr: number, n: number): number[] => Array.from(m.ram.bytes.subarray(addr - m.ram.base, addr - m.ram.base + n));

// =====================================================================================================

describe("boot state", () => {
  for (const name of ["none", "opensbi", "all"]) {
    for (const timeCsr of ["native", "emulate"] as const) {
      it(`enters the kernel in S-mode with a0 = 0, a1 = FDT (preset ${name}, time ${timeCsr})`, () => {
        const { image } = assemble([spin()]);
        const { machine, fdtAddress } = bootKernel(image, "kernel", { isa: RV32I, delegation: preset(name), timeCsr, csrPolicy: "safe", ramSize: RAM_SIZE });
        const h = machine.hart;
        expect(h.priv).toBe(1);
        expect(h.pc).toBe(ENTRY);
        expect(h.x[a0]).toBe(0);
        expect(h.x[a1]! >>> 0).toBe(fdtAddress);
        expect(fdtAddress % 8).toBe(0);
        expect(machine.bus.isRam(fdtAddress, 40)).toBe(true);
        expect(ramBytes(machine, fdtAddress, 4)).toEqual([0xd0, 0x0d, 0xfe, 0xed]);
        const totalSize = new DataView(machine.ram.bytes.buffer).getUint32(fdtAddress - machine.ram.base + 4);
        expect(fdtAddress + totalSize).toBeLessThanOrEqual(RAM_END);
        expect(h.csr.medeleg).toBe(preset(name).medeleg);
        expect(h.csr.mideleg).toBe(preset(name).mideleg);
        expect((h.csr.mcounteren >>> 1) & 1).toBe(timeCsr === "native" ? 1 : 0);
        expect(h.csr.mstatus & MSTATUS.SIE).toBe(0);
      });
    }
  }

  it("the kernel's first instructions see a0 = hart 0 and a1 = the device tree", () => {
    const r = run([mv(s2, a0), mv(s3, a1), lw(s4, 0, a1), spin()]);
    expect(r.u(s2)).toBe(0);
    expect(r.u(s3) % 8).toBe(0);
    expect(r.u(s4)).toBe(0xedfe0dd0); // 0xd00dfeed big-endian, read little-endian
  });
});

// =====================================================================================================

describe("SBI calling convention (binary encoding)", () => {
  it("returns error in a0 and value in a1; mepc advances past the ECALL; sepc is untouched", () => {
    const r = run([label("call"), ...sbi(Eid.base, 0), label("after"), spin()], {
      before: (m) => { m.hart.csr.sepc = 0x80401230; },
    });
    expect(r.s(a0)).toBe(E.success);
    expect(r.u(a1)).toBe(SPEC_VERSION);
    expect(r.m.hart.pc).toBe(r.p.at("after"));
    expect(r.m.hart.priv).toBe(1);
    expect(r.m.hart.csr.mepc).toBe(r.p.at("after"));
    expect(r.m.hart.csr.sepc).toBe(0x80401230);
  });

  it("preserves every register but a0 and a1", () => {
    const r = run([ecall(), spin()], {
      before: (m) => {
        for (let i = 1; i < 32; i++) m.hart.x[i] = 0x1000 * i + 7;
        m.hart.x[a7] = Eid.dbcn; m.hart.x[a6] = 2; m.hart.x[a0] = 0x21; // console_write_byte('!')
      },
    });
    expect(r.text).toBe("!");
    const expected = Array.from({ length: 32 }, (_, i) => (i === 0 ? 0 : 0x1000 * i + 7));
    expected[a7] = Eid.dbcn; expected[a6] = 2; expected[a0] = E.success; expected[a1] = 0;
    expect(Array.from(r.m.hart.x)).toEqual(expected);
  });

  it("legacy calls return in a0 only and leave a1 alone", () => {
    // a6 (FID) is ignored by the legacy extensions.
    const r = run([...li(a1, 0x5a5a), ...li(a6, 123), ...li(a7, Eid.legacyConsolePutchar), ...li(a0, 0x41), ecall(), spin()]);
    expect(r.text).toBe("A");
    expect(r.s(a0)).toBe(0);
    expect(r.u(a1)).toBe(0x5a5a);
  });

  it("unknown extensions and unknown functions return SBI_ERR_NOT_SUPPORTED", () => {
    const calls: [number, number][] = [
      [0x0a000000, 0], [0x504d55, 0] /* PMU */, [0x53555350, 0] /* SUSP */, [0x09, 0] /* legacy reserved */,
      [0x03, 0] /* legacy clear_ipi, not implemented */,
      [Eid.base, 7], [Eid.time, 1], [Eid.ipi, 1], [Eid.rfence, 7], [Eid.hsm, 4], [Eid.srst, 1], [Eid.dbcn, 3],
      [Eid.base, -1],
    ];
    const r = run([...logStart(), ...calls.flatMap(([e, f]) => [...sbi(e, f), ...rec()]), spin()], { maxInsns: 5000 });
    expect(r.log(calls.length).map(([err]) => err)).toEqual(calls.map(() => E.notSupported));
  });
});

// =====================================================================================================

describe("SBI BASE", () => {
  it("reports spec version 2.0, the implementation and the machine IDs", () => {
    const r = run([...logStart(), ...[0, 1, 2, 4, 5, 6].flatMap((fid) => [...sbi(Eid.base, fid), ...rec()]), spin()]);
    expect(r.log(6)).toEqual([
      [E.success, 0x02000000], [E.success, IMPL_ID], [E.success, IMPL_VERSION],
      [E.success, 0], [E.success, 0], [E.success, 0], // mvendorid, marchid, mimpid read 0 on this hart
    ]);
    expect(SPEC_VERSION).toBe(0x02000000);
  });

  it("probe_extension: nonzero for every implemented extension (legacy too), 0 otherwise", () => {
    const implemented = [Eid.base, Eid.time, Eid.ipi, Eid.rfence, Eid.hsm, Eid.srst, Eid.dbcn,
      Eid.legacySetTimer, Eid.legacyConsolePutchar, Eid.legacyConsoleGetchar, Eid.legacyShutdown];
    const missing = [0x504d55 /* PMU */, 0x53555350 /* SUSP */, 0x43505043 /* CPPC */, 0x12345678, 0x03, 0x09];
    const all = [...implemented, ...missing];
    const r = run([...logStart(), ...all.flatMap((e) => [...sbi(Eid.base, 3, e), ...rec()]), spin()], { maxInsns: 5000 });
    const log = r.log(all.length);
    expect(log.map(([err]) => err)).toEqual(all.map(() => E.success));
    expect(log.slice(0, implemented.length).map(([, v]) => v !== 0)).toEqual(implemented.map(() => true));
    expect(log.slice(implemented.length).map(([, v]) => v)).toEqual(missing.map(() => 0));
  });
});

// =====================================================================================================

describe("SBI TIME and the timer path", () => {
  it("set_timer programs mtimecmp (64 bits from a0/a1) and clears STIP", () => {
    const r = run([...sbi(Eid.time, 0, 0x89abcdef, 0x1234), mv(s2, a0), spin()], {
      before: (m) => { m.hart.csr.mipSoftware |= MIP.STIP; },
    });
    expect(r.s(s2)).toBe(E.success);
    expect(r.m.clint.mtimecmp).toBe(0x0000123489abcdefn);
    expect(r.m.hart.csr.mip & MIP.STIP).toBe(0);
    expect(r.m.hart.csr.mie & MIP.MTIP).toBe(MIP.MTIP);
  });

  it("an expired timer becomes STIP with MTIE masked; the next set_timer clears STIP and unmasks MTIE", () => {
    const r = run([
      ...sbi(Eid.time, 0, 20, 0), // fires after ~20 instructions; STIE is off so S does not take it
      ...li(t0, 100), label("wait"), addi(t0, t0, -1), to("wait", (o) => bge(t0, t6, o)), // t6 = 0
      csrr(s2, Csr.sip), csrr(s3, Csr.sie),
      ...sbi(Eid.time, 0, -1, -1),
      csrr(s4, Csr.sip),
      spin(),
    ]);
    expect(r.u(s2) & MIP.STIP).toBe(MIP.STIP);
    expect(r.u(s3) & MIP.STIP).toBe(0);
    expect(r.u(s4) & MIP.STIP).toBe(0);
    expect(r.m.hart.csr.mie & MIP.MTIP).toBe(MIP.MTIP);
    expect(trapRow(r.out.monitor, Interrupt.MachineTimer, true, "S", "forwarded")).toBe(1);
  });

  it("while STIP is pending MTIE stays masked (the monitor sees one MTI per set_timer)", () => {
    const r = run([...sbi(Eid.time, 0, 5, 0), spin()], { maxInsns: 500 });
    expect(r.m.hart.csr.mie & MIP.MTIP).toBe(0);
    expect(r.m.hart.csr.mip & MIP.STIP).toBe(MIP.STIP);
    expect(trapRow(r.out.monitor, Interrupt.MachineTimer, true, "S", "forwarded")).toBe(1);
  });

  it("reaches S as a supervisor timer interrupt exactly once per set_timer", () => {
    // Handler: count in s0; re-arm 30 ticks ahead twice, then disarm with set_timer(-1).
    const r = run([
      ...setStvec("handler"),
      ...setTimerIn(30),
      ...li(t0, MIP.STIP), csrrs(x0, Csr.sie, t0), csrrsi(x0, Csr.sstatus, MSTATUS.SIE),
      label("idle"), spin(),
      org(0x200), label("handler"),
      addi(s0, s0, 1), csrr(s5, Csr.scause), csrr(s6, Csr.sepc),
      ...li(t1, 3), to("disarm", (o) => bge(s0, t1, o)),
      ...setTimerIn(30), sret(),
      label("disarm"), ...sbi(Eid.time, 0, -1, -1), sret(),
    ], { maxInsns: 3000 });
    expect(r.u(s0)).toBe(3);
    expect(r.u(s5)).toBe((INTERRUPT_FLAG | Interrupt.SupervisorTimer) >>> 0);
    expect(r.u(s6)).toBe(r.p.at("idle"));
    expect(r.out.delegated.filter((d) => d.interrupt && d.cause === Interrupt.SupervisorTimer)).toEqual([
      { cause: Interrupt.SupervisorTimer, interrupt: true, from: "S", count: 3 },
    ]);
    expect(trapRow(r.out.monitor, Interrupt.MachineTimer, true, "S", "forwarded")).toBe(3);
    expect(sbiCount(r.out.monitor, "TIME set_timer")).toBe(4);
    expect(r.m.hart.pc).toBe(r.p.at("idle"));
  });

  it("with vectored stvec the timer interrupt enters at base + 4 * 5", () => {
    const r = run([
      ...setStvec("vec", 1),
      ...sbi(Eid.time, 0, 10, 0),
      ...li(t0, MIP.STIP), csrrs(x0, Csr.sie, t0), csrrsi(x0, Csr.sstatus, MSTATUS.SIE),
      spin(),
      // Every slot k jumps to "common" with ra = vec + 4k + 4.
      org(0x400), label("vec"), ...Array.from({ length: 16 }, () => to("common", (o) => jal(ra, o))),
      label("common"), csrr(s8, Csr.scause), label("commonSpin"), spin(),
    ], { maxInsns: 500 });
    expect(r.u(s8)).toBe((INTERRUPT_FLAG | Interrupt.SupervisorTimer) >>> 0);
    expect(r.u(ra) - 4).toBe(r.p.at("vec") + 4 * Interrupt.SupervisorTimer);
    expect(r.m.hart.pc).toBe(r.p.at("commonSpin"));
  });

  it("legacy set_timer programs mtimecmp, clears STIP and returns 0 in a0", () => {
    const r = run([...li(a7, Eid.legacySetTimer), ...li(a0, 0x1000), ...li(a1, 2), ecall(), mv(s2, a0), mv(s3, a1), spin()], {
      before: (m) => { m.hart.csr.mipSoftware |= MIP.STIP; },
    });
    expect(r.s(s2)).toBe(0);
    expect(r.u(s3)).toBe(2);
    expect(r.m.clint.mtimecmp).toBe(0x200001000n);
    expect(r.m.hart.csr.mip & MIP.STIP).toBe(0);
  });
});

// =====================================================================================================

describe("SBI IPI", () => {
  it("send_ipi to hart 0 raises SSIP; hart_mask_base = -1 means every hart", () => {
    const r = run([
      ...logStart(),
      ...sbi(Eid.ipi, 0, 1, 0), ...rec(), csrr(s2, Csr.sip), csrrc(x0, Csr.sip, t2),
      ...sbi(Eid.ipi, 0, 0, -1), ...rec(), csrr(s3, Csr.sip), csrrc(x0, Csr.sip, t2),
      ...sbi(Eid.ipi, 0, 0, 0), ...rec(), csrr(s4, Csr.sip),
      spin(),
    ], { before: (m) => { m.hart.x[t2] = MIP.SSIP; } });
    expect(r.log(3)).toEqual([[E.success, 0], [E.success, 0], [E.success, 0]]);
    expect(r.u(s2) & MIP.SSIP).toBe(MIP.SSIP);
    expect(r.u(s3) & MIP.SSIP).toBe(MIP.SSIP);
    expect(r.u(s4) & MIP.SSIP).toBe(0); // empty mask: nobody
  });

  it("a hart that does not exist is SBI_ERR_INVALID_PARAM and raises nothing", () => {
    const r = run([
      ...logStart(),
      ...sbi(Eid.ipi, 0, 2, 0), ...rec(), // hart 1
      ...sbi(Eid.ipi, 0, 1, 5), ...rec(), // hart 5
      ...sbi(Eid.ipi, 0, 3, 0), ...rec(), // harts 0 and 1
      csrr(s2, Csr.sip), spin(),
    ]);
    expect(r.log(3)).toEqual([[E.invalidParam, 0], [E.invalidParam, 0], [E.invalidParam, 0]]);
    expect(r.u(s2) & MIP.SSIP).toBe(0);
  });

  it("the IPI reaches S as a supervisor software interrupt at base + 4 * 1 with vectored stvec", () => {
    const r = run([
      ...setStvec("vec", 1),
      ...li(t0, MIP.SSIP), csrrs(x0, Csr.sie, t0),
      ...sbi(Eid.ipi, 0, 1, 0),
      csrrsi(x0, Csr.sstatus, MSTATUS.SIE),
      label("main"), spin(),
      org(0x400), label("vec"), spin(),
      label("ssi"), csrr(s8, Csr.scause), csrr(s9, Csr.sepc), label("ssiSpin"), spin(),
    ], { maxInsns: 500 });
    // vec + 4 is slot 1: "ssi" is exactly there
    expect(r.p.at("ssi")).toBe(r.p.at("vec") + 4 * Interrupt.SupervisorSoftware);
    expect(r.u(s8)).toBe((INTERRUPT_FLAG | Interrupt.SupervisorSoftware) >>> 0);
    expect(r.u(s9)).toBe(r.p.at("main"));
    expect(r.m.hart.pc).toBe(r.p.at("ssiSpin"));
  });

  it("a CLINT MSIP write becomes SSIP for the guest (MSI forwarded by the monitor)", () => {
    const r = run([...li(t0, VirtMap.clint), ...li(t1, 1), sw(t1, 0, t0), nop(), csrr(s2, Csr.sip), spin()]);
    expect(r.u(s2) & MIP.SSIP).toBe(MIP.SSIP);
    expect(r.m.clint.msip).toBe(0);
    expect(trapRow(r.out.monitor, Interrupt.MachineSoftware, true, "S", "forwarded")).toBe(1);
  });
});

// =====================================================================================================

describe("SBI RFENCE", () => {
  it("fence_i, sfence_vma and sfence_vma_asid succeed on hart 0", () => {
    const r = run([
      ...logStart(),
      ...sbi(Eid.rfence, 0, 1, 0), ...rec(),
      ...sbi(Eid.rfence, 1, 1, 0, 0x1000, 0x2000), ...rec(),
      ...sbi(Eid.rfence, 1, 0, -1, 0, 0), ...rec(), // everything, every hart
      ...sbi(Eid.rfence, 1, 1, 0, 0x1000, -1), ...rec(), // size 2^XLEN - 1: whole address space
      ...sbi(Eid.rfence, 2, 1, 0, 0, 0, 7), ...rec(),
      spin(),
    ]);
    expect(r.log(5)).toEqual([[E.success, 0], [E.success, 0], [E.success, 0], [E.success, 0], [E.success, 0]]);
  });

  it("the hypervisor fences are SBI_ERR_NOT_SUPPORTED (no H extension)", () => {
    const r = run([...logStart(), ...[3, 4, 5, 6].flatMap((fid) => [...sbi(Eid.rfence, fid, 1, 0, 0, 0, 0), ...rec()]), spin()]);
    expect(r.log(4)).toEqual([[E.notSupported, 0], [E.notSupported, 0], [E.notSupported, 0], [E.notSupported, 0]]);
  });

  it("an invalid hart mask is SBI_ERR_INVALID_PARAM; a wrapping range is SBI_ERR_INVALID_ADDRESS", () => {
    const r = run([
      ...logStart(),
      ...sbi(Eid.rfence, 0, 2, 0), ...rec(),
      ...sbi(Eid.rfence, 1, 1, 3, 0, 0), ...rec(),
      ...sbi(Eid.rfence, 2, 0x80000000, 0, 0, 0, 1), ...rec(),
      ...sbi(Eid.rfence, 1, 1, 0, 0xfffff000, 0x2000), ...rec(),
      spin(),
    ]);
    expect(r.log(4)).toEqual([[E.invalidParam, 0], [E.invalidParam, 0], [E.invalidParam, 0], [E.invalidAddress, 0]]);
  });
});

// =====================================================================================================

describe("SBI HSM", () => {
  it("hart_start(0) is SBI_ERR_ALREADY_AVAILABLE; hart_start(5) is SBI_ERR_INVALID_PARAM", () => {
    const r = run([
      ...logStart(),
      ...sbi(Eid.hsm, 0, 0, ENTRY, 0), ...rec(),
      ...sbi(Eid.hsm, 0, 5, ENTRY, 0), ...rec(),
      spin(),
    ]);
    expect(r.log(2).map(([e]) => e)).toEqual([E.alreadyAvailable, E.invalidParam]);
  });

  it("hart_get_status(0) is STARTED (0); hart_get_status(9) is SBI_ERR_INVALID_PARAM", () => {
    const r = run([...logStart(), ...sbi(Eid.hsm, 2, 0), ...rec(), ...sbi(Eid.hsm, 2, 9), ...rec(), spin()]);
    const [[e0, v0], [e9]] = r.log(2) as [[number, number], [number, number]];
    expect([e0, v0, e9]).toEqual([E.success, 0, E.invalidParam]);
  });

  it("a default retentive suspend returns SBI_SUCCESS at the next instruction", () => {
    const r = run([...sbi(Eid.hsm, 3, 0, 0, 0), label("after"), mv(s2, a0), spin()]);
    expect(r.s(s2)).toBe(E.success);
    expect(r.m.hart.pc).toBe(r.p.at("after") + 4);
  });

  it("a non-retentive suspend resumes in S at resume_addr with a0 = hartid, a1 = opaque, SIE = 0, satp = 0", () => {
    const r = run([
      ...li(t0, 0x123), csrw(Csr.satp, t0), // bare mode with a nonzero PPN
      csrrsi(x0, Csr.sstatus, MSTATUS.SIE),
      la(a1, "resume"),
      ...li(a7, Eid.hsm), ...li(a6, 3), ...li(a0, 0x80000000), ...li(a2, 0xcafe1234), ecall(),
      label("fallthrough"), ...li(s5, 1), spin(),
      org(0x100), label("resume"),
      mv(s2, a0), mv(s3, a1), csrr(s4, Csr.sstatus), csrr(s6, Csr.satp), label("resumeSpin"), spin(),
    ]);
    expect(r.m.hart.pc).toBe(r.p.at("resumeSpin"));
    expect(r.m.hart.priv).toBe(1);
    expect(r.u(s2)).toBe(0);
    expect(r.u(s3)).toBe(0xcafe1234);
    expect(r.u(s4) & MSTATUS.SIE).toBe(0);
    expect(r.u(s6)).toBe(0);
    expect(r.u(s5)).toBe(0);
  });

  it("reserved and unimplemented platform suspend types are SBI_ERR_INVALID_PARAM; a bad resume_addr is SBI_ERR_INVALID_ADDRESS", () => {
    const types = [1, 0x0fffffff, 0x10000000, 0x7fffffff, 0x80000001, 0x8fffffff, 0x90000000, 0xffffffff];
    const r = run([
      ...logStart(),
      ...types.flatMap((t) => [...sbi(Eid.hsm, 3, t, ENTRY, 0), ...rec()]),
      ...sbi(Eid.hsm, 3, 0x80000000, 0x1000, 0), ...rec(),
      spin(),
    ], { maxInsns: 5000 });
    expect(r.log(types.length + 1).map(([e]) => e)).toEqual([...types.map(() => E.invalidParam), E.invalidAddress]);
  });

  it("hart_stop stops the only hart: the run ends", () => {
    const r = run([...sbi(Eid.hsm, 1), ...li(s2, 1), spin()]);
    expect(r.out.result.status).toBe("exit");
    expect(r.out.result.exitCode).toBe(0);
    expect(r.u(s2)).toBe(0);
  });
});

// =====================================================================================================

describe("SBI SRST", () => {
  it("shutdown with no reason exits 0", () => {
    const r = run([...sbi(Eid.srst, 0, 0, 0), ...li(s2, 1), spin()]);
    expect(r.out.result.status).toBe("exit");
    expect(r.out.result.exitCode).toBe(0);
    expect(r.out.result.reason).toMatch(/shutdown/);
    expect(r.u(s2)).toBe(0);
  });

  it("shutdown for a system failure exits 1", () => {
    const r = run([...sbi(Eid.srst, 0, 0, 1), spin()]);
    expect(r.out.result.status).toBe("exit");
    expect(r.out.result.exitCode).toBe(1);
    expect(r.out.result.reason).toMatch(/failure/);
  });

  it("a reserved reset type or reason is SBI_ERR_INVALID_PARAM and the kernel keeps running", () => {
    const r = run([
      ...logStart(),
      ...sbi(Eid.srst, 0, 3, 0), ...rec(),
      ...sbi(Eid.srst, 0, 0xefffffff, 0), ...rec(),
      ...sbi(Eid.srst, 0, 0, 2), ...rec(),
      ...sbi(Eid.srst, 0, 0, 0xdfffffff), ...rec(),
      ...li(s2, 42), spin(),
    ]);
    expect(r.log(4).map(([e]) => e)).toEqual([E.invalidParam, E.invalidParam, E.invalidParam, E.invalidParam]);
    expect(r.out.result.status).toBe("limit");
    expect(r.u(s2)).toBe(42);
  });

  // ext-sys-reset.adoc, "SRST System Reset Errors": SBI_ERR_INVALID_PARAM when "at least one of reset_type or
  // reset_reason is reserved or is platform-specific and unimplemented"; NOT_SUPPORTED is only for a type that
  // "is not reserved and is implemented". This platform implements no vendor types or reasons.
  it("an unimplemented vendor/platform reset type (0xF0000000..) is SBI_ERR_INVALID_PARAM", () => {
    const r = run([...logStart(), ...sbi(Eid.srst, 0, 0xf0000000, 0), ...rec(), ...sbi(Eid.srst, 0, 0xffffffff, 0), ...rec(), spin()]);
    expect(r.log(2).map(([e]) => e)).toEqual([E.invalidParam, E.invalidParam]);
  });

  it("an unimplemented vendor/platform reset reason (0xF0000000..) is SBI_ERR_INVALID_PARAM, not a shutdown", () => {
    const r = run([...logStart(), ...sbi(Eid.srst, 0, 0, 0xf0000000), ...rec(), spin()]);
    expect(r.out.result.status).toBe("limit");
    expect(r.log(1).map(([e]) => e)).toEqual([E.invalidParam]);
  });

  it("legacy shutdown exits 0", () => {
    const r = run([...li(a7, Eid.legacyShutdown), ecall(), ...li(s2, 1), spin()]);
    expect(r.out.result.status).toBe("exit");
    expect(r.out.result.exitCode).toBe(0);
    expect(r.u(s2)).toBe(0);
  });
});

// =====================================================================================================

describe("SBI DBCN and the legacy console", () => {
  const message = [...new TextEncoder().encode("hello, monitor\n")];
  const withMessage = (code: Item[]): Item[] => [...code, org(0x1000), label("msg"), ...packWords(message)];

  it("console_write prints a RAM buffer and returns the byte count", () => {
    const r = run(withMessage([...logStart(), la(t0, "msg"), ...li(a7, Eid.dbcn), ...li(a6, 0), ...li(a0, message.length), mv(a1, t0), ...li(a2, 0), ecall(), ...rec(), spin()]));
    expect(r.text).toBe("hello, monitor\n");
    expect(r.log(1)).toEqual([[E.success, message.length]]);
  });

  it("a buffer outside RAM or with base_addr_hi != 0 is SBI_ERR_INVALID_PARAM and prints nothing", () => {
    const r = run(withMessage([
      ...logStart(),
      ...sbi(Eid.dbcn, 0, 4, 0x1000, 0), ...rec(),
      ...sbi(Eid.dbcn, 0, 4, RAM_END - 2, 0), ...rec(), // runs off the end of RAM
      la(t0, "msg"), ...li(a7, Eid.dbcn), ...li(a6, 0), ...li(a0, 4), mv(a1, t0), ...li(a2, 1), ecall(), ...rec(),
      ...sbi(Eid.dbcn, 1, 4, 0x1000, 0), ...rec(),
      spin(),
    ]));
    expect(r.log(4).map(([e]) => e)).toEqual([E.invalidParam, E.invalidParam, E.invalidParam, E.invalidParam]);
    expect(r.text).toBe("");
  });

  it("console_write_byte prints one byte and returns value 0", () => {
    const r = run([...logStart(), ...sbi(Eid.dbcn, 2, 0x17a), ...rec(), spin()]);
    expect(r.text).toBe("z");
    expect(r.log(1)).toEqual([[E.success, 0]]);
  });

  it("console_read with no input returns 0 bytes and leaves the buffer alone", () => {
    const r = run(withMessage([...logStart(), la(t0, "msg"), ...li(a7, Eid.dbcn), ...li(a6, 1), ...li(a0, 4), mv(a1, t0), ...li(a2, 0), ecall(), ...rec(), spin()]));
    expect(r.log(1)).toEqual([[E.success, 0]]);
    expect(ramBytes(r.m, r.p.at("msg"), 4)).toEqual(message.slice(0, 4));
  });

  it("console_read copies the available input into the buffer and returns the count", () => {
    const input = [0x61, 0x62];
    const r = run(withMessage([...logStart(), la(t0, "msg"), ...li(a7, Eid.dbcn), ...li(a6, 1), ...li(a0, 4), mv(a1, t0), ...li(a2, 0), ecall(), ...rec(), spin()]), {
      readByte: () => input.shift() ?? -1,
    });
    expect(r.log(1)).toEqual([[E.success, 2]]);
    expect(ramBytes(r.m, r.p.at("msg"), 4)).toEqual([0x61, 0x62, ...message.slice(2, 4)]);
  });

  it("legacy console_putchar prints; console_getchar returns -1 without input, else the byte", () => {
    const input = [0x71];
    const r = run([
      ...li(a7, Eid.legacyConsolePutchar), ...li(a0, 0x4f), ecall(), mv(s2, a0),
      ...li(a7, Eid.legacyConsoleGetchar), ecall(), mv(s3, a0),
      ...li(a7, Eid.legacyConsoleGetchar), ecall(), mv(s4, a0),
      spin(),
    ], { readByte: () => input.shift() ?? -1 });
    expect(r.text).toBe("O");
    expect([r.s(s2), r.s(s3), r.s(s4)]).toEqual([0, 0x71, -1]);
  });

  it("legacy console_getchar with no console input at all returns -1", () => {
    const r = run([...li(a7, Eid.legacyConsoleGetchar), ecall(), mv(s2, a0), spin()]);
    expect(r.s(s2)).toBe(-1);
  });
});

function packWords(bytes: readonly number[]): number[] {
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    words.push(((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24)) >>> 0);
  }
  return words;
}

// =====================================================================================================

describe("trap-and-emulate: misaligned loads and stores", () => {
  const DATA = [0x11, 0x22, 0x33, 0x44, 0x85, 0x96, 0xa7, 0xb8];
  const accesses = (): Item[] => [
    la(t0, "data"), la(t1, "out"),
    lw(s2, 1, t0), lw(s3, 3, t0), lh(s4, 3, t0), lhu(s5, 3, t0), lh(s6, 1, t0),
    ...li(t2, 0xdeadbeef), sw(t2, 1, t1), sh(t2, 7, t1),
  ];
  const data: Item[] = [org(0x1000), label("data"), ...packWords(DATA), label("out"), 0, 0, 0];

  for (const from of ["S", "U"] as const) {
    it(`lw/lh/lhu/sw/sh from ${from} are done byte by byte, with exact values and bytes`, () => {
      const body: Item[] = from === "S"
        ? [...accesses(), label("done"), spin()]
        : [...toUser("user"), org(0x300), label("user"), ...accesses(), label("done"), spin()];
      const r = run([...body, ...data]);
      expect(r.m.hart.pc).toBe(r.p.at("done"));
      expect(r.m.hart.priv).toBe(from === "S" ? 1 : 0);
      expect([r.u(s2), r.u(s3), r.u(s4), r.u(s5), r.u(s6)]).toEqual([0x85443322, 0xa7968544, 0xffff8544, 0x8544, 0x3322]);
      expect(ramBytes(r.m, r.p.at("out"), 12)).toEqual([0, 0xef, 0xbe, 0xad, 0xde, 0, 0, 0xef, 0xbe, 0, 0, 0]);
      const st = r.out.monitor;
      expect(trapRow(st, Exception.LoadMisaligned, false, from, "emulated")).toBe(5);
      expect(trapRow(st, Exception.StoreMisaligned, false, from, "emulated")).toBe(2);
      expect(st.emulated).toBe(7);
    });
  }

  it("a misaligned load into x0 leaves x0 zero", () => {
    const r = run([la(t0, "data"), lw(zero, 1, t0), mv(s2, zero), spin(), ...data]);
    expect(r.m.hart.x[0]).toBe(0);
    expect(r.u(s2)).toBe(0);
  });

  it("a misaligned load crossing the end of RAM is a load access fault with stval = the first missing byte", () => {
    const r = run([...setStvec("trap"), ...li(t0, RAM_END - 2), label("load"), lw(s2, 0, t0), spin(), org(0x200), ...recordingHandler()]);
    expect(r.m.hart.pc).toBe(r.p.at("trapSpin"));
    expect(r.u(s8)).toBe(Exception.LoadAccessFault);
    expect(r.u(s9)).toBe(r.p.at("load"));
    expect(r.u(s10)).toBe(RAM_END);
    expect(r.u(s2)).toBe(0);
  });

  it("a misaligned store crossing the end of RAM is a store access fault and writes no byte", () => {
    const r = run([
      ...setStvec("trap"), ...li(t0, RAM_END - 3), ...li(t1, -1), label("store"), sw(t1, 0, t0), spin(),
      org(0x200), ...recordingHandler(),
    ]);
    expect(r.u(s8)).toBe(Exception.StoreAccessFault);
    expect(r.u(s9)).toBe(r.p.at("store"));
    expect(r.u(s10)).toBe(RAM_END);
    expect(ramBytes(r.m, RAM_END - 3, 3)).toEqual([0, 0, 0]);
  });
});

// =====================================================================================================

describe("trap-and-emulate: time with mcounteren.TM clear", () => {
  const reads = (): number[] => [nop(), nop(), csrr(s2, Csr.time), csrr(s3, Csr.timeh)];

  it("rdtime/rdtimeh from S read mtime, the same value a native read gives", () => {
    const emulated = run([...reads(), label("done"), spin()], { timeCsr: "emulate" });
    const native = run([...reads(), label("done"), spin()], { timeCsr: "native" });
    expect(emulated.m.hart.pc).toBe(emulated.p.at("done"));
    expect([emulated.u(s2), emulated.u(s3)]).toEqual([2, 0]); // instruction clock: 2 instructions retired
    expect([native.u(s2), native.u(s3)]).toEqual([2, 0]);
    expect(trapRow(emulated.out.monitor, Exception.IllegalInstruction, false, "S", "emulated")).toBe(2);
    expect(native.out.monitor.traps).toEqual([]);
  });

  it("rdtime from U is emulated when scounteren.TM is set", () => {
    const prog = (): Item[] => [csrrsi(x0, Csr.scounteren, 2), ...toUser("user"), org(0x100), label("user"), ...reads(), label("done"), spin()];
    const emulated = run(prog(), { timeCsr: "emulate" });
    const native = run(prog(), { timeCsr: "native" });
    expect(emulated.m.hart.priv).toBe(0);
    expect(emulated.m.hart.pc).toBe(emulated.p.at("done"));
    expect([emulated.u(s2), emulated.u(s3)]).toEqual([native.u(s2), native.u(s3)]);
    expect(native.u(s2)).toBeGreaterThan(0);
    expect(trapRow(emulated.out.monitor, Exception.IllegalInstruction, false, "U", "emulated")).toBe(2);
  });

  it("rdtime from U with scounteren.TM clear is forwarded to S as an illegal instruction", () => {
    for (const timeCsr of ["emulate", "native"] as const) {
      const r = run([...setStvec("trap"), ...toUser("user"), org(0x100), label("user"), label("rd"), csrr(s2, Csr.time), spin(),
        org(0x200), ...recordingHandler()], { timeCsr });
      expect(r.m.hart.pc).toBe(r.p.at("trapSpin"));
      expect(r.u(s8)).toBe(Exception.IllegalInstruction);
      expect(r.u(s9)).toBe(r.p.at("rd"));
      expect(r.u(s10)).toBe(csrr(s2, Csr.time));
      expect((r.u(s11) & MSTATUS.SPP) >>> 8).toBe(0);
      expect(trapRow(r.out.monitor, Exception.IllegalInstruction, false, "U", "forwarded")).toBe(1);
    }
  });

  it("a write to time from S is forwarded as an illegal instruction, not emulated", () => {
    const r = run([...setStvec("trap"), label("wr"), csrrw(x0, Csr.time, t0), spin(), org(0x200), ...recordingHandler()], { timeCsr: "emulate" });
    expect(r.u(s8)).toBe(Exception.IllegalInstruction);
    expect(r.u(s9)).toBe(r.p.at("wr"));
    expect(r.u(s10)).toBe(csrrw(x0, Csr.time, t0));
  });
});

// =====================================================================================================

describe("trap-and-emulate: S-mode access to M-mode CSRs (--csr-policy)", () => {
  const withHandler = (code: Item[]): Item[] => [...setStvec("trap"), ...code, label("done"), spin(), org(0x300), ...skippingHandler()];
  const policy = (csrPolicy: CsrPolicy, code: Item[], o: Options = {}): Run => run(withHandler(code), { csrPolicy, ...o });

  it("safe: mhartid, misa, mvendorid reads are emulated", () => {
    const r = policy("safe", [csrr(s2, Csr.mhartid), csrr(s3, Csr.misa), csrr(s4, Csr.mvendorid), ...li(s5, 77), csrr(s5, Csr.marchid)]);
    expect(r.m.hart.pc).toBe(r.p.at("done"));
    expect([r.u(s2), r.u(s3), r.u(s4), r.u(s5)]).toEqual([0, MISA_RV32ISU, 0, 0]);
    expect(r.u(s7)).toBe(0);
    expect(r.out.monitor.emulated).toBe(4);
  });

  it("safe: writes and other M-CSRs are forwarded as illegal instructions", () => {
    const r = policy("safe", [label("w"), csrrw(x0, Csr.mscratch, t0), label("r"), csrr(s2, Csr.mstatus)]);
    expect(r.u(s7)).toBe(2);
    expect([r.u(s8), r.u(s9), r.u(s10)]).toEqual([Exception.IllegalInstruction, r.p.at("r"), csrr(s2, Csr.mstatus)]);
    expect(r.out.monitor.forwarded).toBe(2);
    expect(r.out.monitor.emulated).toBe(0);
  });

  it("emulate: reads give the real values; writes go to shadows that later reads see but the hart never does", () => {
    const r = policy("emulate", [
      csrr(s2, Csr.mscratch),
      ...li(t0, 0x5678), csrrw(s3, Csr.mscratch, t0), csrr(s4, Csr.mscratch),
      ...li(t0, -1), csrrw(x0, Csr.medeleg, t0), csrr(s5, Csr.medeleg),
      csrrsi(x0, Csr.mstatus, MSTATUS.MIE), // shadow only: the hart's MIE stays 0
      csrr(s6, Csr.mhartid),
      label("illegal"), 0xffffffff, // still reaches the monitor (and S) though the shadow medeleg says "delegated"
    ], { before: (m) => { m.hart.csr.mscratch = 0x1234; } });
    expect(r.m.hart.pc).toBe(r.p.at("done"));
    expect([r.u(s2), r.u(s3), r.u(s4), r.u(s5), r.u(s6)]).toEqual([0x1234, 0x1234, 0x5678, 0xffffffff, 0]);
    expect(r.m.hart.csr.mscratch).toBe(0x1234);
    expect(r.m.hart.csr.medeleg).toBe(PRESETS.opensbi!.medeleg);
    expect(r.m.hart.csr.mstatus & MSTATUS.MIE).toBe(0);
    expect(r.u(s7)).toBe(1);
    expect([r.u(s8), r.u(s9), r.u(s10)]).toEqual([Exception.IllegalInstruction, r.p.at("illegal"), 0xffffffff]);
    expect(trapRow(r.out.monitor, Exception.IllegalInstruction, false, "S", "forwarded")).toBe(1);
  });

  it("emulate: a write to a read-only M-CSR is still an illegal instruction", () => {
    const r = policy("emulate", [label("w"), csrrw(x0, Csr.mvendorid, t0)]);
    expect(r.u(s7)).toBe(1);
    expect([r.u(s8), r.u(s9)]).toEqual([Exception.IllegalInstruction, r.p.at("w")]);
  });

  it("forward: every M-CSR access is an illegal instruction in scause with stval = the instruction bits", () => {
    const r = policy("forward", [label("r"), csrr(s2, Csr.mhartid)]);
    expect(r.u(s7)).toBe(1);
    expect([r.u(s8), r.u(s9), r.u(s10)]).toEqual([Exception.IllegalInstruction, r.p.at("r"), csrr(s2, Csr.mhartid)]);
    expect(r.out.monitor.emulated).toBe(0);
  });

  it("terminate: the run ends 'terminated', naming the instruction, pc and privilege", () => {
    const r = policy("terminate", [nop(), label("r"), csrr(a0, Csr.mstatus), ...li(s2, 1)]);
    expect(r.out.result.status).toBe("terminated");
    expect(r.out.result.exitCode).toBeUndefined();
    const reason = r.out.result.reason;
    expect(reason).toContain("mstatus");
    expect(reason).toContain(r.p.at("r").toString(16));
    expect(reason).toContain(csrr(a0, Csr.mstatus).toString(16));
    expect(reason).toMatch(/S-mode/);
    expect(r.u(s2)).toBe(0);
    expect(trapRow(r.out.monitor, Exception.IllegalInstruction, false, "S", "terminated")).toBe(1);
  });

  it("from U, M-CSRs are forwarded whatever the policy", () => {
    for (const csrPolicy of ["safe", "emulate", "terminate"] as const) {
      const r = run([...setStvec("trap"), ...toUser("user"), org(0x100), label("user"), label("r"), csrr(s2, Csr.mhartid), spin(),
        org(0x200), ...recordingHandler()], { csrPolicy });
      expect(r.out.result.status).toBe("limit");
      expect([r.u(s8), r.u(s9), r.u(s10)]).toEqual([Exception.IllegalInstruction, r.p.at("r"), csrr(s2, Csr.mhartid)]);
    }
  });
});

// =====================================================================================================

describe("forwarding is indistinguishable from delegation", () => {
  interface Case { name: string; code: Item[]; cause: number; tval: (p: Program) => number; from: "S" | "U" }
  const cases: Case[] = [
    { name: "wfi from U", from: "U", code: [label("at"), wfi()], cause: Exception.IllegalInstruction, tval: () => wfi() },
    { name: "illegal word from U", from: "U", code: [label("at"), 0xffffffff], cause: Exception.IllegalInstruction, tval: () => 0xffffffff },
    { name: "ecall from U", from: "U", code: [label("at"), ecall()], cause: Exception.EcallFromU, tval: () => 0 },
    { name: "ebreak from U", from: "U", code: [label("at"), ebreak()], cause: Exception.Breakpoint, tval: (p) => p.at("at") },
    { name: "illegal word from S", from: "S", code: [label("at"), 0xffffffff], cause: Exception.IllegalInstruction, tval: () => 0xffffffff },
    { name: "load access fault from S", from: "S", code: [label("at"), lw(t1, 0, zero)], cause: Exception.LoadAccessFault, tval: () => 0 },
    { name: "store access fault from U", from: "U", code: [...li(t1, 0x1000), label("at"), sw(t1, 4, t1)], cause: Exception.StoreAccessFault, tval: () => 0x1004 },
    {
      name: "misaligned jump target from U", from: "U", code: [...li(t1, ENTRY + 0x802), label("at"), jalr(zero, t1, 0)],
      cause: Exception.InstructionMisaligned, tval: () => ENTRY + 0x802,
    },
    {
      name: "fetch access fault from S", from: "S", code: [...li(t1, 0x2000), jalr(zero, t1, 0)], cause: Exception.InstructionAccessFault,
      tval: () => 0x2000,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: same scause, sepc, stval, sstatus and pc under 'none' (monitor) and 'all' (hart)`, () => {
      const snapshot = (delegation: Delegation) => {
        const r = run([
          ...setStvec("trap", 1), // vectored: exceptions still enter at the base
          csrrsi(x0, Csr.sstatus, MSTATUS.SIE),
          ...(c.from === "U" ? toUser("code", true) : []),
          label("code"), ...c.code, spin(),
          org(0x400), ...recordingHandler(),
        ], { delegation });
        return {
          r,
          view: {
            pc: r.m.hart.pc, priv: r.m.hart.priv, scause: r.u(s8), sepc: r.u(s9), stval: r.u(s10),
            spp: (r.u(s11) >>> 8) & 1, spie: (r.u(s11) >>> 5) & 1, sie: (r.u(s11) >>> 1) & 1,
          },
        };
      };
      const monitor = snapshot(preset("none"));
      const hart = snapshot(preset("all"));
      const p = monitor.r.p;
      const epc = c.cause === Exception.InstructionAccessFault ? 0x2000 : p.at("at");
      expect(monitor.view).toEqual({
        pc: p.at("trapSpin"), priv: 1, scause: c.cause, sepc: epc, stval: c.tval(p),
        spp: c.from === "S" ? 1 : 0, spie: 1, sie: 0,
      });
      expect(hart.view).toEqual(monitor.view);
      expect(monitor.r.out.monitor.forwarded).toBe(1);
      expect(trapRow(monitor.r.out.monitor, c.cause, false, c.from, "forwarded")).toBe(1);
      expect(hart.r.out.monitor.traps).toEqual([]);
      expect(hart.r.out.delegated).toEqual([{ cause: c.cause, interrupt: false, from: c.from, count: 1 }]);
    });
  }

  it("a software-set SSIP and an SBI IPI enter S identically", () => {
    const snapshot = (raise: Item[]) => {
      const r = run([
        ...setStvec("vec", 1), ...li(t0, MIP.SSIP), csrrs(x0, Csr.sie, t0), ...raise,
        csrrsi(x0, Csr.sstatus, MSTATUS.SIE), label("main"), spin(),
        org(0x400), label("vec"), spin(), csrr(s8, Csr.scause), csrr(s9, Csr.sepc), csrr(s11, Csr.sstatus), label("ssiSpin"), spin(),
      ], { maxInsns: 500 });
      return { pc: r.m.hart.pc - r.p.at("vec"), scause: r.u(s8), sepc: r.u(s9) - r.p.at("main"), sstatus: r.u(s11) };
    };
    const viaHart = snapshot([csrrsi(x0, Csr.sip, MIP.SSIP), nop(), nop(), nop(), nop(), nop(), nop(), nop()]);
    const viaMonitor = snapshot(sbi(Eid.ipi, 0, 1, 0));
    expect(viaMonitor).toEqual(viaHart);
    expect(viaHart.scause).toBe((INTERRUPT_FLAG | 1) >>> 0);
  });
});

// =====================================================================================================

describe("a kernel without an S-mode trap handler", () => {
  it("S-mode fault with stvec = 0: the run ends 'terminated' with a clear reason", () => {
    const r = run([0xffffffff, spin()], { maxInsns: 100_000 });
    expect(r.out.result.status).toBe("terminated");
    expect(r.out.result.reason).toMatch(/no S-mode trap handler/);
    expect(r.out.result.reason).toMatch(/stvec/);
  });

  it("U-mode fault with stvec = 0 ends the same way", () => {
    const r = run([...toUser("user"), org(0x100), label("user"), lw(t0, 0, zero), spin()], { maxInsns: 100_000 });
    expect(r.out.result.status).toBe("terminated");
    expect(r.out.result.reason).toMatch(/no S-mode trap handler/);
  });

  it("under preset 'all' (fetch faults delegated) the run still ends, as a livelock with the trap named", () => {
    const r = run([0xffffffff, spin()], { delegation: preset("all"), maxInsns: 1_000_000 });
    expect(r.out.result.status).not.toBe("limit");
    expect(r.out.result.reason).toMatch(/instruction access fault/);
  });
});

// =====================================================================================================

describe("statistics", () => {
  it("counts traps by (cause, from, handledBy), SBI calls by name, and time spent in the monitor", () => {
    const r = run([
      ...setStvec("trap"),
      ...sbi(Eid.base, 0), ...sbi(Eid.base, 0), ...sbi(Eid.dbcn, 2, 0x2e),
      la(t0, "data"), lw(s2, 1, t0), // misaligned: emulated
      0xffffffff, // illegal: forwarded
      ...toUser("user"),
      org(0x200), ...skippingHandler(),
      org(0x300), label("user"), la(t0, "data"), lh(s3, 1, t0), spin(),
      org(0x400), label("data"), 0, 0,
    ]);
    const st = r.out.monitor;
    expect(trapRow(st, Exception.EcallFromS, false, "S", "sbi")).toBe(3);
    expect(trapRow(st, Exception.LoadMisaligned, false, "S", "emulated")).toBe(1);
    expect(trapRow(st, Exception.LoadMisaligned, false, "U", "emulated")).toBe(1);
    expect(trapRow(st, Exception.IllegalInstruction, false, "S", "forwarded")).toBe(1);
    expect(st.traps.every((t) => t.to === "M")).toBe(true);
    expect(st.traps.find((t) => t.cause === Exception.EcallFromS)?.name).toBe("environment call from S-mode");
    expect(sbiCount(st, "BASE get_spec_version")).toBe(2);
    expect(sbiCount(st, "DBCN console_write_byte")).toBe(1);
    expect([st.sbi, st.emulated, st.forwarded]).toEqual([3, 2, 1]);
    expect(st.monitorSeconds).toBeGreaterThan(0);
    expect(r.out.trapsToM).toBe(6);
  });
});
