import { describe, expect, it } from "vitest";
import { Csr } from "./isa/csr-addr.js";
import { a0, a1, csrrc, csrrs, csrw, jal, li, load, lw, newMachine, sw, t0, t1, wfi, x0 } from "./testing/asm.js";
import { parseIsa } from "./isa/isa-string.js";

const MTIMECMP = 0x02004000;
const MTIME = 0x0200bff8;

describe("machine run loop", () => {
  it("WFI with the timer armed lets mtime jump to the deadline instead of spinning", () => {
    const m = newMachine();
    load(m, [
      ...li(t0, MTIMECMP), ...li(t1, 1_000_000), sw(t1, 0, t0), sw(x0, 4, t0), // mtimecmp = 1e6
      ...li(t1, 0x80), csrrs(x0, Csr.mie, t1), // MTIE, but mstatus.MIE = 0: WFI wakes, no trap
      wfi(),
      ...li(t0, MTIME), lw(a0, 0, t0),
      csrrs(a1, Csr.mip, x0),
      jal(x0, 0),
    ]);
    const r = m.run(200);
    expect(r.status).toBe("limit");
    expect(m.hart.x[a0]! >>> 0).toBeGreaterThanOrEqual(1_000_000);
    expect(m.hart.x[a1]! & 0x80).toBe(0x80); // MTIP pending when WFI resumed
    expect(m.hart.retired).toBe(200);
  });

  it("WFI with nothing armed is a no-op: time does not jump", () => {
    const m = newMachine();
    load(m, [wfi(), ...li(t0, MTIME), lw(a0, 0, t0), jal(x0, 0)]);
    m.run(10);
    expect(m.hart.x[a0]).toBeLessThan(10);
  });

  it("misaligned: complete makes the hart do U-mode misaligned loads and stores itself (no trap)", () => {
    const m = newMachine({ misaligned: "complete" });
    load(m, [
      ...li(t0, 0x80000101), ...li(t1, 0x11223344), sw(t1, 0, t0), lw(a0, 0, t0),
      jal(x0, 0),
    ]);
    m.hart.csr.mstatus = 0; // MPP = U
    m.hart.csr.mepc = m.hart.pc;
    m.hart.mret();
    m.run(7);
    expect([m.hart.priv, m.hart.x[a0], m.hart.trapsTaken]).toEqual([0, 0x11223344, 0]);
  });

  it("a trap loop that retires nothing ends the run with a clear reason", () => {
    const m = newMachine();
    load(m, [...li(t0, 0x40000000), csrw(Csr.mtvec, t0), jal(x0, 0x40)]); // mtvec points at nothing
    const r = m.run(1e9);
    expect(r.status).toBe("livelock");
    expect(r.reason).toMatch(/instruction access fault .* into M-mode, vector 0x40000000/);
  });
});

describe("misa.C (3.1.1)", () => {
  it("clearing C takes effect only when the next instruction is 4-byte aligned; then RVC encodings are illegal", () => {
    const m = newMachine({ isa: parseIsa("rv32imac") });
    const C = 1 << 2;
    // word 0..1: li t0, C ; word 2: csrrc x0, misa, t0 at pc 0x80000008 -> next pc 0x8000000c (aligned): clears C
    load(m, [...li(t0, C), csrrc(x0, Csr.misa, t0), 0x00000001 /* c.nop (16 bits) + 0x0000: now a 32-bit illegal word */]);
    m.hart.csr.mtvec = 0x80000100;
    m.hart.run(3);
    expect(m.hart.csr.misa & C).toBe(0);
    m.hart.run(1);
    expect([m.hart.csr.mcause, m.hart.csr.mtval]).toEqual([2, 0x00000001]);
  });

  it("a write clearing C is suppressed when the next instruction would be misaligned", () => {
    const m = newMachine({ isa: parseIsa("rv32imac") });
    const C = 1 << 2;
    // c.nop at 0x80000000 puts the csrrc at 0x80000002, so its successor is at 0x80000006.
    load(m, []);
    // Lay out: c.nop (2 bytes) then li t0 (2 words) then csrrc at a 2 mod 4 address.
    const ram = m.ram;
    const bytes = [0x0001, ...halves(li(t0, C)), ...halves([csrrc(x0, Csr.misa, t0)])];
    bytes.forEach((h, i) => ram.write(2 * i, 2, h));
    m.hart.reset(0x80000000);
    m.hart.run(1); // c.nop
    m.hart.run(2); // li
    expect(m.hart.pc & 3).toBe(2);
    m.hart.run(1); // csrrc misa at pc = 2 mod 4
    expect(m.hart.csr.misa & C).toBe(C);
  });
});

function halves(words: number[]): number[] {
  return words.flatMap((w) => [w & 0xffff, w >>> 16]);
}
