import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTest } from "./testing.js";

// The project's own riscv-tests-format programs (riscv-tests/), run from their committed ELFs.
const root = new URL("../riscv-tests/", import.meta.url).pathname;
const groups = ["rv32ui", "rv32mi", "rv32si", "demo"];

for (const group of groups) {
  const dir = join(root, group);
  const sources = readdirSync(dir).filter((f) => f.endsWith(".S")).sort();
  describe(`riscv-tests/${group}`, () => {
    it("has a committed ELF for every source", () => {
      const missing = sources.filter((s) => !existsSync(join(dir, s.replace(/\.S$/, ".elf"))));
      expect(missing).toEqual([]);
    });
    for (const src of sources) {
      const elf = src.replace(/\.S$/, ".elf");
      it(elf, () => {
        const outcome = runTest(readFileSync(join(dir, elf)), elf, 50_000_000);
        expect(outcome.detail).toBe("pass");
        expect(outcome.passed).toBe(true);
      });
    }
  });
}
