import { afterEach, describe, expect, it, vi } from "vitest";
import { MIP, MSTATUS } from "./bits.js";
import { CSR_ROWS } from "./definitions.js";
import { Csr } from "../isa/csr-addr.js";
import { Exception } from "../isa/cause.js";
import { MISA_RV32ISU, type Machine } from "../machine.js";
import {
  a0, a1, csrr, csrrc, csrrci, csrrs, csrrsi, csrrw, csrrwi, csrw, li, load, newMachine, nop, RAM_BASE, step, t0, x0,
} from "../testing/asm.js";

const M = 3, S = 1, U = 0;
const MTVEC = RAM_BASE + 0x800;

/** Run `words` on a fresh hart in `priv` (one event per word). */
function exec(words: number[], priv = M, setup?: (m: Machine) => void): Machine {
  const m = newMachine();
  load(m, words);
  m.hart.csr.mtvec = MTVEC;
  m.hart.priv = priv;
  setup?.(m);
  step(m, words.length);
  return m;
}
const illegal = (m: Machine): boolean => m.hart.trapsTaken === 1 && m.hart.csr.mcause === Exception.IllegalInstruction;
const r = (m: Machine, reg: number): number => m.hart.x[reg]! >>> 0;

/** The value a CSR holds after `csrw csr, value` in M-mode (then read back with csrr). */
function writeRead(csr: number, value: number, setup?: (m: Machine) => void): number {
  const m = exec([...li(t0, value), csrw(csr, t0), csrr(a0, csr)], M, setup);
  expect(m.hart.trapsTaken).toBe(0);
  return r(m, a0);
}

describe("access rules from the address (privileged spec 2.1)", () => {
  it("a CSR is readable only at or above the privilege in bits 9:8", () => {
    const table: [string, number, number][] = [
      ["sstatus", Csr.sstatus, S], ["sscratch", Csr.sscratch, S], ["satp", Csr.satp, S],
      ["mstatus", Csr.mstatus, M], ["mscratch", Csr.mscratch, M], ["mhartid", Csr.mhartid, M], ["pmpcfg0", Csr.pmpcfg0, M],
      ["tselect", Csr.tselect, M], ["mcycle", Csr.mcycle, M],
    ];
    const actual: string[] = [];
    const expected: string[] = [];
    for (const [name, addr, min] of table) {
      for (const priv of [U, S, M]) {
        actual.push(`${name} in ${priv}: ${illegal(exec([csrr(a0, addr)], priv)) ? "illegal" : "ok"}`);
        expected.push(`${name} in ${priv}: ${priv >= min ? "ok" : "illegal"}`);
      }
    }
    expect(actual).toEqual(expected);
  });

  it("sweep of all 4096 addresses: nothing below its privilege is accessible; read-only ones never take writes", () => {
    const m = newMachine();
    const bad: string[] = [];
    const run = (word: number, priv: number): boolean => {
      load(m, [word]);
      m.hart.csr.mtvec = MTVEC;
      m.hart.csr.mcounteren = ~0;
      m.hart.csr.scounteren = ~0;
      m.hart.priv = priv;
      const traps = m.hart.trapsTaken;
      step(m, 1);
      return m.hart.trapsTaken === traps;
    };
    for (let addr = 0; addr < 4096; addr++) {
      const min = (addr >>> 8) & 3;
      for (const priv of [U, S]) {
        if (priv < min && run(csrr(a0, addr), priv)) bad.push(`read 0x${addr.toString(16)} in ${priv}`);
      }
      // A row exists for every implemented CSR; an extension's CSRs (Sstc) also need the extension.
      const row = CSR_ROWS[addr];
      const exists = row !== undefined && (addr !== Csr.stimecmp && addr !== Csr.stimecmph);
      if (run(csrr(a0, addr), M) !== exists) bad.push(`read 0x${addr.toString(16)} in M: exists=${exists}`);
      if (addr >>> 10 === 3 && run(csrrw(a0, addr, a0), M)) bad.push(`write to read-only 0x${addr.toString(16)}`);
    }
    expect(bad).toEqual([]);
  });

  it("read-only CSR: csrrw/csrrwi/csrrs with rs1!=x0 are illegal; csrrs rs1=x0, csrrsi/csrrci 0 are legal", () => {
    expect(illegal(exec([csrrw(a0, Csr.mhartid, x0)]))).toBe(true);
    expect(illegal(exec([csrrwi(a0, Csr.mvendorid, 0)]))).toBe(true);
    expect(illegal(exec([csrrwi(x0, Csr.cycle, 0)]))).toBe(true);
    // rs1 is a register other than x0 holding zero: still a write attempt.
    expect(illegal(exec([csrrs(a0, Csr.mhartid, a1)]))).toBe(true);
    expect(illegal(exec([csrrci(a0, Csr.marchid, 1)]))).toBe(true);
    const m = exec([csrrs(a0, Csr.mimpid, x0), csrrsi(a1, Csr.mhartid, 0), csrrci(t0, Csr.cycle, 0), csrrc(x0, Csr.instret, x0)]);
    expect([m.hart.trapsTaken, m.hart.retired, r(m, a0), r(m, a1)]).toEqual([0, 4, 0, 0]);
  });

  it("illegal CSR access: mtval = the instruction, epc = its address, rd unchanged", () => {
    const word = csrrw(a0, Csr.mstatus, x0);
    const m = exec([word], S, (mm) => { mm.hart.x[a0] = 7; });
    expect([m.hart.csr.mcause, m.hart.csr.mepc, m.hart.csr.mtval, r(m, a0), m.hart.pc]).toEqual([2, RAM_BASE, word, 7, MTVEC]);
  });

  it.each([
    ["ustatus (no N)", 0x000], ["fflags (no F)", 0x001], ["frm", 0x002], ["seed (no Zkr)", 0x015],
    ["dcsr (debug mode only)", 0x7b0], ["dpc", 0x7b1], ["reserved 0x321", 0x321], ["custom 0x7c0", 0x7c0],
    ["scountovf (no Sscofpmf)", 0xda0], ["hstatus (no H)", 0x600], ["mseccfg", 0x747], ["vstart (no V)", 0x008],
  ])("missing CSR %s is illegal even in M", (_name, addr) => {
    expect(illegal(exec([csrr(a0, addr)]))).toBe(true);
  });

  describe("read and write suppression (Zicsr)", () => {
    afterEach(() => { vi.restoreAllMocks(); });
    it("csrrw with rd=x0 does not read; with rd!=x0 it does", () => {
      const row = CSR_ROWS[Csr.mscratch]!;
      const read = vi.spyOn(row, "read");
      exec([csrrw(x0, Csr.mscratch, a0)]);
      expect(read).toHaveBeenCalledTimes(0);
      exec([csrrw(a1, Csr.mscratch, a0)]);
      expect(read).toHaveBeenCalledTimes(1);
    });
    it("csrrs/csrrc with rs1=x0 and csrrsi/csrrci with uimm=0 do not write", () => {
      const row = CSR_ROWS[Csr.mscratch]!;
      const write = vi.spyOn(row, "write");
      exec([csrrs(a0, Csr.mscratch, x0), csrrc(a0, Csr.mscratch, x0), csrrsi(a0, Csr.mscratch, 0), csrrci(a0, Csr.mscratch, 0)]);
      expect(write).toHaveBeenCalledTimes(0);
      exec([csrrs(a0, Csr.mscratch, a1)]); // a1 = 0, but rs1 != x0: a write
      expect(write).toHaveBeenCalledTimes(1);
    });
  });

  it("csrrs/csrrc set and clear the register's bits; immediate forms use uimm", () => {
    const m = exec([
      ...li(t0, 0xf0f0), csrw(Csr.mscratch, t0), ...li(t0, 0x0ff0), csrrs(a0, Csr.mscratch, t0), csrrc(a1, Csr.mscratch, t0),
      csrrsi(x0, Csr.sscratch, 0x15), csrrci(x0, Csr.sscratch, 0x05), csrrwi(t0, Csr.sscratch, 31),
    ]);
    expect([r(m, a0), r(m, a1), m.hart.csr.mscratch, r(m, t0), m.hart.csr.sscratch]).toEqual([0xf0f0, 0xfff0, 0xf000, 0x10, 31]);
  });
});

describe("WARL fields", () => {
  it("mstatus: only the implemented fields take writes (SUM writable: satp can hold Sv32)", () => {
    const all = MSTATUS.SIE | MSTATUS.MIE | MSTATUS.SPIE | MSTATUS.MPIE | MSTATUS.SPP | MSTATUS.MPP | MSTATUS.MPRV |
      MSTATUS.SUM | MSTATUS.MXR | MSTATUS.TVM | MSTATUS.TW | MSTATUS.TSR;
    expect(all).toBe(0x007e19aa);
    expect(writeRead(Csr.mstatus, 0xffffffff)).toBe(0x007e19aa);
  });

  it("mstatus.MPP never holds 2: a write of 2 keeps the old mode, the rest of the write lands", () => {
    expect(writeRead(Csr.mstatus, (2 << 11) | MSTATUS.MIE, (m) => { m.hart.csr.mstatus = 1 << 11; })).toBe((1 << 11) | MSTATUS.MIE);
    expect(writeRead(Csr.mstatus, 2 << 11, (m) => { m.hart.csr.mstatus = 3 << 11; })).toBe(3 << 11);
    expect(writeRead(Csr.mstatus, 0, (m) => { m.hart.csr.mstatus = 3 << 11; })).toBe(0);
  });

  it("mstatush reads 0 and ignores writes", () => {
    expect(writeRead(Csr.mstatush, 0xffffffff)).toBe(0);
  });

  it.each([["mtvec", Csr.mtvec], ["stvec", Csr.stvec]])("%s: MODE 0 and 1 kept; reserved MODE values never read back", (_n, csr) => {
    expect(writeRead(csr, 0x80001000)).toBe(0x80001000);
    expect(writeRead(csr, 0x80001001)).toBe(0x80001001);
    expect(writeRead(csr, 0x80001002) & 3).toBeLessThan(2);
    expect(writeRead(csr, 0x80001003) & 3).toBeLessThan(2);
    expect((writeRead(csr, 0x80001003) & ~3) >>> 0).toBe(0x80001000);
  });

  it("medeleg: ecall-from-M (bit 11) and reserved bits are read-only 0", () => {
    expect(writeRead(Csr.medeleg, 0xffffffff)).toBe(0x0000b3ff);
    expect(writeRead(Csr.medeleg, 1 << 11)).toBe(0);
  });

  it("mideleg holds only SSI, STI, SEI", () => {
    expect(writeRead(Csr.mideleg, 0xffffffff)).toBe(MIP.SSIP | MIP.STIP | MIP.SEIP);
  });

  it("mie holds exactly the six implemented interrupt enables", () => {
    expect(writeRead(Csr.mie, 0xffffffff)).toBe(0xaaa);
  });

  it("mip: SSIP/STIP/SEIP writable; MSIP/MTIP/MEIP follow the devices only", () => {
    expect(writeRead(Csr.mip, 0xffffffff)).toBe(MIP.SSIP | MIP.STIP | MIP.SEIP);
    expect(writeRead(Csr.mip, 0, (m) => { m.hart.csr.mipLines = MIP.MTIP | MIP.MSIP; })).toBe(MIP.MTIP | MIP.MSIP);
  });

  it("mip read-modify-write uses the software SEIP bit, not the external line (3.1.9)", () => {
    const m = exec([csrrsi(a0, Csr.mip, MIP.SSIP)], M, (mm) => { mm.hart.csr.mipLines = MIP.SEIP; });
    expect(r(m, a0)).toBe(MIP.SEIP);
    expect(m.hart.csr.mipSoftware).toBe(MIP.SSIP);
    expect(m.hart.csr.mip).toBe(MIP.SSIP | MIP.SEIP);
  });

  it("misa writes are ignored", () => {
    expect(writeRead(Csr.misa, 0)).toBe(MISA_RV32ISU);
    expect(MISA_RV32ISU).toBe(0x40140100);
  });

  it.each([["mepc", Csr.mepc], ["sepc", Csr.sepc]])("%s: bits 1:0 read zero without C", (_n, csr) => {
    expect(writeRead(csr, 0x80000007)).toBe(0x80000004);
    expect(writeRead(csr, 0xfffffffe)).toBe(0xfffffffc);
  });

  it("mcountinhibit: TM (bit 1) is read-only 0", () => {
    expect(writeRead(Csr.mcountinhibit, 7) & 7).toBe(5);
  });

  it("menvcfg holds only FIOM; menvcfgh reads 0; senvcfg holds only FIOM", () => {
    expect(writeRead(Csr.menvcfg, 0xffffffff)).toBe(1);
    expect(writeRead(Csr.menvcfgh, 0xffffffff)).toBe(0);
    expect(writeRead(Csr.senvcfg, 0xffffffff)).toBe(1);
  });

  it("machine information registers read 0 (mhartid = 0 here)", () => {
    const m = exec([csrr(a0, Csr.mvendorid), csrr(a1, Csr.marchid), csrr(t0, Csr.mimpid), csrr(x0 + 6, Csr.mhartid), csrr(x0 + 7, Csr.mconfigptr)], M,
      (mm) => { mm.hart.x.fill(-1); });
    expect(Array.from(m.hart.x.slice(5, 8)).concat([m.hart.x[a0]!, m.hart.x[a1]!])).toEqual([0, 0, 0, 0, 0]);
  });

  it("no triggers: tselect/tdata1 read 0, tinfo reads 1", () => {
    expect([writeRead(Csr.tselect, 5), writeRead(Csr.tdata1, 0xffffffff), writeRead(Csr.tinfo, 0)]).toEqual([0, 0, 1]);
  });
});

describe("supervisor views of M registers (4.1)", () => {
  it("sstatus shows only the S fields of mstatus", () => {
    const m = exec([csrr(a0, Csr.sstatus)], S, (mm) => { mm.hart.csr.mstatus = 0x007a19aa; });
    expect(r(m, a0)).toBe(MSTATUS.SIE | MSTATUS.SPIE | MSTATUS.SPP | MSTATUS.MXR);
  });

  it("a write through sstatus changes only SIE/SPIE/SPP/SUM/MXR of mstatus", () => {
    const sView = MSTATUS.SIE | MSTATUS.SPIE | MSTATUS.SPP | MSTATUS.SUM | MSTATUS.MXR;
    const m = exec([...li(t0, -1), csrw(Csr.sstatus, t0)], S, (mm) => { mm.hart.csr.mstatus = MSTATUS.MIE | (3 << 11) | MSTATUS.TSR; });
    expect(m.hart.csr.mstatus).toBe(MSTATUS.MIE | (3 << 11) | MSTATUS.TSR | sView);
    const m2 = exec([csrw(Csr.sstatus, x0)], S, (mm) => { mm.hart.csr.mstatus = 0x007e19aa; });
    expect(m2.hart.csr.mstatus).toBe(0x007e19aa & ~sView);
  });

  it("sie: only delegated bits are visible and writable, and they are mie's bits", () => {
    const m = exec([...li(t0, -1), csrw(Csr.sie, t0), csrr(a0, Csr.sie)], S, (mm) => {
      mm.hart.csr.mideleg = MIP.SSIP | MIP.STIP;
      mm.hart.csr.mie = MIP.MTIP;
    });
    expect([r(m, a0), m.hart.csr.mie]).toEqual([MIP.SSIP | MIP.STIP, MIP.MTIP | MIP.SSIP | MIP.STIP]);
    const m2 = exec([...li(t0, -1), csrw(Csr.sie, t0), csrr(a0, Csr.sie)], S);
    expect([r(m2, a0), m2.hart.csr.mie]).toEqual([0, 0]);
  });

  it("sip: SSIP writable only when delegated; STIP/SEIP read-only through sip", () => {
    const m = exec([...li(t0, -1), csrw(Csr.sip, t0), csrr(a0, Csr.sip)], S, (mm) => {
      mm.hart.csr.mideleg = MIP.SSIP | MIP.STIP | MIP.SEIP;
    });
    expect([r(m, a0), m.hart.csr.mip]).toEqual([MIP.SSIP, MIP.SSIP]);
    const m2 = exec([...li(t0, -1), csrw(Csr.sip, t0), csrw(Csr.sip, x0)], S, (mm) => {
      mm.hart.csr.mipSoftware = MIP.STIP;
    });
    expect(m2.hart.csr.mip).toBe(MIP.STIP);
    const m3 = exec([csrw(Csr.sip, x0), csrr(a0, Csr.sip)], S, (mm) => {
      mm.hart.csr.mideleg = MIP.SSIP | MIP.STIP; mm.hart.csr.mipSoftware = MIP.SSIP | MIP.STIP; mm.hart.csr.mipLines = MIP.MTIP;
    });
    expect([r(m3, a0), m3.hart.csr.mip]).toEqual([MIP.STIP, MIP.STIP | MIP.MTIP]);
  });

  it("satp: MODE, ASID (9 bits) and PPN are all writable with Sv32 (4.1.11)", () => {
    expect(writeRead(Csr.satp, 0x80012345)).toBe(0x80012345);
    expect(writeRead(Csr.satp, 0xffffffff)).toBe(0xffffffff);
    expect(writeRead(Csr.satp, 0)).toBe(0);
  });
});

describe("counter enables (3.1.11)", () => {
  it("cycle/time/instret/hpmcounter readable in S with mcounteren, in U with mcounteren and scounteren", () => {
    const counters: [string, number, number][] = [
      ["cycle", Csr.cycle, 0], ["time", Csr.time, 1], ["instret", Csr.instret, 2], ["hpmcounter3", Csr.hpmcounter3, 3],
      ["cycleh", Csr.cycleh, 0], ["timeh", Csr.timeh, 1], ["instreth", Csr.instreth, 2], ["hpmcounter31h", Csr.hpmcounter3h + 28, 31],
    ];
    const actual: string[] = [];
    const expected: string[] = [];
    for (const [name, addr, bit] of counters) {
      for (const priv of [U, S, M]) {
        for (const men of [0, 1]) {
          for (const sen of [0, 1]) {
            const m = exec([csrr(a0, addr)], priv, (mm) => {
              mm.hart.csr.mcounteren = men ? 1 << bit : ~(1 << bit);
              mm.hart.csr.scounteren = sen ? 1 << bit : ~(1 << bit);
            });
            const key = `${name} priv=${priv} mcounteren=${men} scounteren=${sen}`;
            actual.push(`${key}: ${illegal(m) ? "illegal" : "ok"}`);
            const ok = priv === M || (priv === S && men === 1) || (priv === U && men === 1 && sen === 1);
            expected.push(`${key}: ${ok ? "ok" : "illegal"}`);
          }
        }
      }
    }
    expect(actual).toEqual(expected);
  });

  it("time reads mtime (instruction clock), instret and cycle read the counters", () => {
    const m = exec([nop(), nop(), csrr(a0, Csr.time), csrr(a1, Csr.instret), csrr(t0, Csr.timeh)], U, (mm) => {
      mm.hart.csr.mcounteren = 7; mm.hart.csr.scounteren = 7;
    });
    expect([r(m, a0), r(m, a1), r(m, t0)]).toEqual([2, 3, 0]);
  });

  it("mhpmcounters read 0 and ignore writes", () => {
    expect([writeRead(Csr.mhpmcounter3, 5), writeRead(Csr.mhpmcounter3h + 28, 5), writeRead(Csr.mhpmevent3, 5)]).toEqual([0, 0, 0]);
  });
});

describe("PMP configuration WARL (3.7.1)", () => {
  it("reserved bits 6:5 read 0; R=0,W=1 is not kept", () => {
    expect(writeRead(Csr.pmpcfg0, 0x7f7f7f7f)).toBe(0x1f1f1f1f);
    expect(writeRead(Csr.pmpcfg0 + 1, 0x0f0e0302)).toBe(0x0f0c0300);
  });

  it("a locked entry ignores writes to its cfg byte and its pmpaddr; other bytes still take writes", () => {
    const m = exec([
      csrw(Csr.pmpaddr0, x0), // undo the firmware-style open entry 0 that load() sets up
      ...li(t0, 0x81), csrw(Csr.pmpcfg0, t0), // entry 0: L, R, OFF
      ...li(t0, 0x1f1f1f00), csrw(Csr.pmpcfg0, t0), csrr(a0, Csr.pmpcfg0),
      ...li(t0, 0x1234), csrw(Csr.pmpaddr0, t0), csrw(Csr.pmpaddr0 + 1, t0), csrr(a1, Csr.pmpaddr0),
    ]);
    expect([r(m, a0), r(m, a1), m.hart.csr.pmpaddr[1]]).toEqual([0x1f1f1f81, 0, 0x1234]);
  });

  it("a locked TOR entry also locks the pmpaddr below it", () => {
    const m = exec([
      csrw(Csr.pmpaddr0, x0), // undo the firmware-style open entry 0 that load() sets up
      ...li(t0, 0x1234), csrw(Csr.pmpaddr0 + 2, t0),
      ...li(t0, 0x8900), csrw(Csr.pmpcfg0, t0), // entry 1 = 0x89: L, A=TOR, R
      ...li(t0, 0x5678), csrw(Csr.pmpaddr0, t0), csrw(Csr.pmpaddr0 + 1, t0), csrw(Csr.pmpaddr0 + 2, t0),
      csrw(Csr.pmpaddr0 + 3, t0),
    ]);
    expect(Array.from(m.hart.csr.pmpaddr.slice(0, 4))).toEqual([0, 0, 0x5678, 0x5678]);
    expect(m.hart.csr.pmpcfg[1]).toBe(0x89);
  });

  it("a locked NAPOT entry does not lock the pmpaddr below it", () => {
    // entry 1 = 0x99: L, A=NAPOT, R
    const m = exec([...li(t0, 0x9900), csrw(Csr.pmpcfg0, t0), ...li(t0, 0x5678), csrw(Csr.pmpaddr0, t0), csrw(Csr.pmpaddr0 + 1, t0)]);
    expect(Array.from(m.hart.csr.pmpaddr.slice(0, 2))).toEqual([0x5678, 0]);
  });

  it("all 16 pmpcfg and 64 pmpaddr registers exist on RV32", () => {
    const m = exec([csrr(a0, Csr.pmpcfg0 + 15), csrr(a1, Csr.pmpaddr0 + 63), csrw(Csr.pmpcfg0 + 15, x0)]);
    expect([m.hart.trapsTaken, m.hart.retired]).toEqual([0, 3]);
  });
});
