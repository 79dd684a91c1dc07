import { describe, expect, it } from "vitest";
import { bootKernel } from "../boot.js";
import { PRESETS } from "../monitor/delegation.js";
import { load, newMachine } from "../testing/asm.js";
import { xorshift32 } from "../testing/random.js";
import { parseIsa } from "../isa/isa-string.js";

// A guest can never crash the emulator: random instruction streams, in every mode, end as
// guest-visible traps or a clean run result — never as a host exception.
const rng = xorshift32;

/** Random words biased towards real opcodes and towards loads/stores near interesting addresses. */
function randomProgram(next: () => number, n: number): number[] {
  const opcodes = [0x03, 0x0f, 0x13, 0x17, 0x23, 0x2f, 0x33, 0x37, 0x63, 0x67, 0x6f, 0x73];
  return Array.from({ length: n }, () => {
    const w = next();
    return next() % 4 === 0 ? w : ((w & ~0x7f) | opcodes[w % opcodes.length]!) >>> 0;
  });
}

describe("robustness: random instruction streams", () => {
  it("S and U code under random Sv32 page tables and random PMP never throws", () => {
    const next = rng(0x5356_3332);
    for (let round = 0; round < 200; round++) {
      const m = newMachine({ isa: parseIsa("rv32imac") });
      load(m, randomProgram(next, 512));
      // Random page tables in RAM: many PTEs point back into RAM, some anywhere.
      const root = 0x80080000;
      for (let i = 0; i < 2048; i++) {
        const target = next() % 3 ? 0x80000000 + (next() % 256) * 4096 : next();
        m.ram.write(root - m.ram.base + 4 * i, 4, (((target >>> 12) << 10) | (next() & 0x3ff)) >>> 0);
      }
      const csr = m.hart.csr;
      csr.satp = (0x80000000 | (next() % 2 ? root >>> 12 : next() & 0x3fffff)) >>> 0;
      csr.mstatus = next() & 0x000e0000; // random MPRV/SUM/MXR
      if (round % 3 === 0) { csr.pmpcfg[0] = next() & 0x9f; csr.pmpaddr[0] = next(); csr.pmpcfg[1] = next() & 0x9f; csr.pmpaddr[1] = next(); }
      m.hart.memoryConfigChanged();
      m.hart.priv = next() % 2; // U or S
      m.hart.csr.mtvec = (0x80000000 + (next() % 512) * 4) >>> 0;
      m.hart.csr.stvec = (0x80000000 + (next() % 512) * 4) >>> 0;
      m.hart.csr.medeleg = next() & 0xb3ff;
      const r = m.run(5_000);
      expect(["exit", "limit", "livelock", "terminated"]).toContain(r.status);
    }
  });

  it("M-mode programs (with mtvec pointing into the program) never throw", () => {
    const next = rng(0x7261_7076);
    for (let round = 0; round < 300; round++) {
      const m = newMachine();
      load(m, randomProgram(next, 512));
      m.hart.csr.mtvec = (0x80000000 + (next() % 512) * 4) >>> 0;
      const r = m.run(5_000);
      expect(["exit", "limit", "livelock", "terminated"]).toContain(r.status);
    }
  });

  it("S-mode kernels under the monitor never throw, whatever the preset and policy", () => {
    const next = rng(0x5345_4544);
    const presets = Object.values(PRESETS);
    const policies = ["safe", "emulate", "forward", "terminate"] as const;
    for (let round = 0; round < 120; round++) {
      const words = randomProgram(next, 256);
      const image = { entry: 0x80400000, segments: [{ paddr: 0x80400000, vaddr: 0x80400000, data: new Uint8Array(Uint32Array.from(words).buffer), memsz: 4096, flags: 7 }], symbols: new Map<string, number>() };
      const { machine, monitor } = bootKernel(image, "fuzz", {
        delegation: presets[round % presets.length]!, timeCsr: round % 2 ? "native" : "emulate",
        csrPolicy: policies[round % policies.length]!, ramSize: 8 << 20,
      });
      machine.hart.csr.stvec = (0x80400000 + (next() % 256) * 4) >>> 0;
      const r = machine.run(5_000, { onMonitorTrap: () => monitor.handle() });
      expect(["exit", "limit", "livelock", "terminated"]).toContain(r.status);
    }
  });
});
