import { describe, expect, it } from "vitest";
import { Csr } from "./isa/csr-addr.js";
import { a0, a1, csrrs, csrw, jal, li, load, lw, newMachine, sw, t0, t1, wfi, x0 } from "./testing/asm.js";

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
