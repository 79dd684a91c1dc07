import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_ISA, parseIsa } from "./isa/isa-string.js";
import { runTest } from "./testing.js";

// The project's own riscv-tests-format programs (riscv-tests/), run from their committed ELFs.
const root = new URL("../riscv-tests/", import.meta.url).pathname;

/** Which ISA each group runs under: the base groups under both rv32i and the default rv32imac. */
const groups: [string, string[]][] = [
  ["rv32ui", ["rv32i", DEFAULT_ISA]],
  ["rv32mi", ["rv32i", DEFAULT_ISA]],
  ["rv32si", ["rv32i", DEFAULT_ISA]],
  ["demo", ["rv32i", DEFAULT_ISA]],
  ["rv32um", ["rv32im", DEFAULT_ISA]],
  ["rv32ua", ["rv32ia", DEFAULT_ISA]],
  ["rv32uc", ["rv32ic", DEFAULT_ISA]],
  ["rv32vm", [DEFAULT_ISA]],
];

/** Files written for the hart completing misaligned accesses itself (`--misaligned complete`). */
const MISALIGNED_COMPLETE = new Set(["rv32mi/pmp-overlap.elf", "rv32vm/misaligned-trapvisor.elf"]);

/** Files that check base-ISA-only facts (exact misa, M/A/C encodings illegal, IALIGN=32). */
const RV32I_ONLY = new Set(["rv32mi/misa-exact.elf", "rv32mi/illegal-ext.elf", "rv32mi/misaligned-fetch.elf", "rv32mi/xepc-lowbits.elf"]);

for (const [group, isas] of groups) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  const sources = readdirSync(dir).filter((f) => f.endsWith(".S")).sort();
  describe(`riscv-tests/${group}`, () => {
    it("has a committed ELF for every source", () => {
      const missing = sources.filter((s) => !existsSync(join(dir, s.replace(/\.S$/, ".elf"))));
      expect(missing).toEqual([]);
    });
    for (const isaName of isas) {
      const isa = parseIsa(isaName);
      for (const src of sources) {
        const elf = src.replace(/\.S$/, ".elf");
        if (RV32I_ONLY.has(`${group}/${elf}`) && isaName !== "rv32i") continue;
        it(`${elf} --isa ${isaName}`, () => {
          // Own tests check that S/U misaligned accesses raise (the monitor's job): raise-below-m.
          const misaligned = MISALIGNED_COMPLETE.has(`${group}/${elf}`) ? "complete" : "raise-below-m";
          const outcome = runTest(readFileSync(join(dir, elf)), elf, 50_000_000, { isa, misaligned });
          expect(outcome.detail).toBe("pass");
          expect(outcome.passed).toBe(true);
        });
      }
    }
  });
}
