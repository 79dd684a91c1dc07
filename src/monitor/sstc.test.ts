import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBoot } from "../boot.js";
import { MENVCFGH_STCE, MIP } from "../csr/bits.js";
import { Csr } from "../isa/csr-addr.js";
import { parseIsa } from "../isa/isa-string.js";
import { parseElf } from "../loader/elf.js";
import { a0, csrrs, csrrw, csrw, jal, li, load, newMachine, t0, x0 } from "../testing/asm.js";
import { PRESETS } from "./delegation.js";

const SSTC = parseIsa("rv32imac_sstc");

describe("Sstc (stimecmp, menvcfg.STCE)", () => {
  it("with STCE set, STIP follows mtime >= stimecmp and software cannot write it", () => {
    const m = newMachine({ isa: SSTC });
    load(m, [
      ...li(t0, MENVCFGH_STCE), csrw(Csr.menvcfgh, t0),
      ...li(t0, 500), csrw(Csr.stimecmp, t0), csrw(Csr.stimecmph, x0),
      ...li(t0, MIP.STIP), csrrs(x0, Csr.mip, t0), // ignored: STIP is read-only now
      csrrs(a0, Csr.mip, x0),
      jal(x0, 0),
    ]);
    m.run(12);
    expect(m.hart.x[a0]! & MIP.STIP).toBe(0);
    m.run(600);
    expect(m.hart.csr.mip & MIP.STIP).toBe(MIP.STIP);
  });

  it("below M, stimecmp needs STCE and mcounteren.TM; without Sstc it does not exist", () => {
    const m = newMachine({ isa: SSTC });
    load(m, [csrrw(x0, Csr.stimecmp, x0)]);
    m.hart.priv = 1; // S without STCE: illegal
    m.hart.run(1);
    expect([m.hart.csr.mcause, m.hart.csr.mtval]).toEqual([2, csrrw(x0, Csr.stimecmp, x0)]);
    const plain = newMachine({ isa: parseIsa("rv32imac") });
    load(plain, [csrrw(x0, Csr.stimecmp, x0)]);
    plain.hart.run(1); // even in M
    expect(plain.hart.csr.mcause).toBe(2);
  });

  it("the monitor uses stimecmp when the hart has Sstc: no machine timer interrupt reaches it", () => {
    const image = parseElf(readFileSync(new URL("../../riscv-tests/guests/demo.elf", import.meta.url)), "demo.elf");
    const withSstc = runBoot(image, "demo.elf", { isa: SSTC, delegation: PRESETS.opensbi!, timeCsr: "native", csrPolicy: "safe" }, 5_000_000);
    expect([withSstc.result.status, withSstc.result.exitCode]).toEqual(["exit", 0]);
    expect(withSstc.monitor.traps.filter((t) => t.interrupt && t.cause === 7)).toEqual([]);
    expect(withSstc.delegated.some((d) => d.interrupt && d.cause === 5)).toBe(true);
    const without = runBoot(image, "demo.elf", { isa: parseIsa("rv32imac"), delegation: PRESETS.opensbi!, timeCsr: "native", csrPolicy: "safe" }, 5_000_000);
    expect(without.monitor.traps.some((t) => t.interrupt && t.cause === 7)).toBe(true);
  });
});
