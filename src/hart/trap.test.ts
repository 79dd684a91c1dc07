import { describe, expect, it } from "vitest";
import { MIP, MSTATUS } from "../csr/bits.js";
import { CsrFile } from "../csr/csr-file.js";
import { Exception, Interrupt } from "../isa/cause.js";
import { MISA_RV32ISU } from "../machine.js";
import { delegatee, enterTrapCsrs, mretCsrs, pendingInterrupt, sretCsrs, trapVector } from "./trap.js";

const M = 3, S = 1, U = 0;
const EXCEPTIONS = Object.values(Exception);
const INTERRUPTS = Object.values(Interrupt);

describe("delegatee (privileged spec 3.1.8)", () => {
  it("is M unless delegated and below M; delegation never lowers the privilege", () => {
    const actual: string[] = [];
    const expected: string[] = [];
    for (const interrupt of [false, true]) {
      for (const cause of interrupt ? INTERRUPTS : EXCEPTIONS) {
        for (const priv of [U, S, M]) {
          for (const delegated of [false, true]) {
            const bit = delegated ? 1 << cause : 0;
            // Every other bit set in the unused register, so a target chosen from the wrong one shows.
            const medeleg = interrupt ? ~0 : bit;
            const mideleg = interrupt ? bit : ~0;
            const key = `${interrupt ? "irq" : "exc"} ${cause} from ${priv} ${delegated ? "delegated" : "kept"}`;
            actual.push(`${key} -> ${delegatee(cause, interrupt, priv, medeleg, mideleg)}`);
            expected.push(`${key} -> ${priv !== M && delegated ? S : M}`);
          }
        }
      }
    }
    expect(actual).toEqual(expected);
  });

  it("looks only at the cause's own bit", () => {
    expect(delegatee(Exception.Breakpoint, false, U, ~(1 << Exception.Breakpoint), 0)).toBe(M);
    expect(delegatee(Interrupt.SupervisorTimer, true, S, 0, ~(1 << Interrupt.SupervisorTimer))).toBe(M);
  });
});

function csrs(init: { mip?: number; lines?: number; mie?: number; mideleg?: number; mstatus?: number }): CsrFile {
  const c = new CsrFile(MISA_RV32ISU);
  c.mipSoftware = init.mip ?? 0;
  c.mipLines = init.lines ?? 0;
  c.mie = init.mie ?? 0;
  c.mideleg = init.mideleg ?? 0;
  c.mstatus = init.mstatus ?? 0;
  return c;
}

describe("pendingInterrupt (3.1.9)", () => {
  it("returns -1 when nothing is both pending and enabled", () => {
    expect(pendingInterrupt(csrs({ mip: MIP.SSIP, mie: MIP.STIP, mstatus: MSTATUS.MIE }), M)).toBe(-1);
    expect(pendingInterrupt(csrs({ lines: MIP.MTIP, mie: 0, mstatus: MSTATUS.MIE }), M)).toBe(-1);
  });

  it("M-level interrupts: in M only with MIE, below M always", () => {
    const c = csrs({ lines: MIP.MTIP, mie: MIP.MTIP });
    expect([pendingInterrupt(c, M), pendingInterrupt(c, S), pendingInterrupt(c, U)]).toEqual([-1, 7, 7]);
    c.mstatus = MSTATUS.MIE;
    expect(pendingInterrupt(c, M)).toBe(Interrupt.MachineTimer);
    c.mstatus = MSTATUS.SIE; // SIE does not enable M-level interrupts
    expect(pendingInterrupt(c, M)).toBe(-1);
  });

  it("delegated interrupts: never in M (even with MIE), in S only with SIE, in U always", () => {
    const c = csrs({ mip: MIP.STIP, mie: MIP.STIP, mideleg: MIP.STIP, mstatus: MSTATUS.MIE });
    expect([pendingInterrupt(c, M), pendingInterrupt(c, S), pendingInterrupt(c, U)]).toEqual([-1, -1, 5]);
    c.mstatus = MSTATUS.SIE | MSTATUS.MIE;
    expect([pendingInterrupt(c, M), pendingInterrupt(c, S), pendingInterrupt(c, U)]).toEqual([-1, 5, 5]);
  });

  it("an undelegated S-level interrupt is an M-level one", () => {
    const c = csrs({ mip: MIP.SSIP, mie: MIP.SSIP, mstatus: 0 });
    expect([pendingInterrupt(c, M), pendingInterrupt(c, S)]).toEqual([-1, Interrupt.SupervisorSoftware]);
    c.mstatus = MSTATUS.SIE; // SIE is irrelevant for it
    expect(pendingInterrupt(c, M)).toBe(-1);
  });

  it("priority MEI > MSI > MTI > SEI > SSI > STI", () => {
    const order = [MIP.MEIP, MIP.MSIP, MIP.MTIP, MIP.SEIP, MIP.SSIP, MIP.STIP];
    const seen: number[] = [];
    for (let i = 0; i < order.length; i++) {
      const pending = order.slice(i).reduce((a, b) => a | b, 0);
      const c = csrs({ lines: pending & (MIP.MEIP | MIP.MSIP | MIP.MTIP), mip: pending & ~(MIP.MEIP | MIP.MSIP | MIP.MTIP), mie: 0xaaa, mstatus: MSTATUS.MIE });
      seen.push(pendingInterrupt(c, M));
    }
    expect(seen).toEqual([11, 3, 7, 9, 1, 5]);
  });

  it("M-level interrupts win over higher-priority-numbered delegated ones in S", () => {
    // SEI (delegated, enabled in S) and MTI (M-level): M-level goes first regardless of the list order.
    const c = csrs({ lines: MIP.MTIP | MIP.SEIP, mie: MIP.MTIP | MIP.SEIP, mideleg: MIP.SEIP, mstatus: MSTATUS.SIE });
    expect(pendingInterrupt(c, S)).toBe(Interrupt.MachineTimer);
    c.mie = MIP.SEIP;
    expect(pendingInterrupt(c, S)).toBe(Interrupt.SupervisorExternal);
  });
});

describe("trapVector (3.1.7)", () => {
  it("direct mode: everything to BASE", () => {
    expect(trapVector(0x80001000, Exception.IllegalInstruction, false)).toBe(0x80001000);
    expect(trapVector(0x80001000, Interrupt.MachineTimer, true)).toBe(0x80001000);
  });
  it("vectored mode: interrupts to BASE + 4*cause, exceptions to BASE", () => {
    expect(trapVector(0x80001001, Interrupt.MachineTimer, true)).toBe(0x8000101c);
    expect(trapVector(0x80001001, Interrupt.SupervisorSoftware, true)).toBe(0x80001004);
    expect(trapVector(0x80001001, Exception.EcallFromU, false)).toBe(0x80001000);
  });
});

describe("enterTrapCsrs / mretCsrs / sretCsrs", () => {
  it("entry into M stacks MIE into MPIE, records MPP, clears MIE", () => {
    const c = csrs({ mstatus: MSTATUS.MIE | MSTATUS.SIE });
    c.mtvec = 0x80000100;
    const pc = enterTrapCsrs(c, S, M, Exception.IllegalInstruction, false, 0x80000010, 0xdead);
    expect(pc).toBe(0x80000100);
    expect([c.mepc, c.mcause, c.mtval]).toEqual([0x80000010, 2, 0xdead]);
    expect(c.mstatus).toBe(MSTATUS.MPIE | MSTATUS.SIE | (S << 11));
  });

  it("entry into S stacks SIE into SPIE, records SPP, leaves M fields alone", () => {
    const c = csrs({ mstatus: MSTATUS.SIE | MSTATUS.MIE | (3 << 11) });
    c.stvec = 0x80000201; // vectored
    const pc = enterTrapCsrs(c, U, S, Interrupt.SupervisorTimer, true, 0x80000020, 0);
    expect(pc).toBe(0x80000214);
    expect([c.sepc, c.scause >>> 0, c.stval]).toEqual([0x80000020, 0x80000005, 0]);
    expect(c.mstatus).toBe(MSTATUS.SPIE | MSTATUS.MIE | (3 << 11));
    expect([c.mepc, c.mcause]).toEqual([0, 0]);
  });

  it("mret: MIE <- MPIE, MPIE <- 1, MPP <- U, MPRV cleared unless returning to M", () => {
    const c = csrs({ mstatus: MSTATUS.MPIE | MSTATUS.MPRV | (S << 11) });
    expect(mretCsrs(c)).toBe(S);
    expect(c.mstatus).toBe(MSTATUS.MIE | MSTATUS.MPIE);
    c.mstatus = MSTATUS.MPRV | (M << 11);
    expect(mretCsrs(c)).toBe(M);
    expect(c.mstatus).toBe(MSTATUS.MPRV | MSTATUS.MPIE);
  });

  it("sret: SIE <- SPIE, SPIE <- 1, SPP <- U, MPRV cleared", () => {
    const c = csrs({ mstatus: MSTATUS.SPIE | MSTATUS.SPP | MSTATUS.MPRV | MSTATUS.MIE });
    expect(sretCsrs(c)).toBe(S);
    expect(c.mstatus).toBe(MSTATUS.SIE | MSTATUS.SPIE | MSTATUS.MIE);
    c.mstatus = MSTATUS.SIE;
    expect(sretCsrs(c)).toBe(U);
    expect(c.mstatus).toBe(MSTATUS.SPIE);
  });
});
