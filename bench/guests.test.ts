// The S-mode benchmark guests (bench/guests/*.elf) are correct kernels: each boots on the TypeScript
// monitor under every delegation preset and passes its own check (SRST shutdown with reason none,
// after its "ok" line on the SBI console). tvfw.elf, the firmware QEMU runs them on, is an M-mode ELF
// at QEMU virt's RAM base.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runBoot } from "../src/boot.js";
import { parseElf } from "../src/loader/elf.js";
import { PRESETS } from "../src/monitor/delegation.js";

const DIR = fileURLToPath(new URL("./guests/", import.meta.url));
const files = readdirSync(DIR).sort();
const elfs = files.filter((f) => f.endsWith(".elf"));
const sources = files.filter((f) => f.endsWith(".c"));

describe("benchmark guests", () => {
  test("every C guest is committed as an rv32i and an rv32imac ELF, and nothing else", () => {
    expect(sources).toEqual(["paging.c", "sbi.c"]);
    expect(elfs).toEqual(sources.flatMap((c) => ["rv32i", "rv32imac"].map((isa) => `${c.slice(0, -2)}-${isa}.elf`)).sort());
  });

  for (const f of elfs) {
    for (const [preset, delegation] of Object.entries(PRESETS)) {
      test(`${f} passes its own check with --delegation ${preset}`, () => {
        const image = parseElf(readFileSync(DIR + f), f);
        expect(image.entry).toBe(0x80400000);
        const o = runBoot(image, f, { delegation, timeCsr: "native", csrPolicy: "safe" }, 200e6);
        const text = new TextDecoder().decode(o.console);
        expect(text).toMatch(/: ok, checksum/);
        expect(o.result.status).toBe("exit");
        expect(o.result.exitCode).toBe(0);
      });
    }
  }

  test("tvfw.elf is an M-mode firmware at 0x80000000 that ends below the kernel", () => {
    const image = parseElf(readFileSync(fileURLToPath(new URL("./firmware/tvfw.elf", import.meta.url))), "tvfw.elf");
    expect(image.entry).toBe(0x80000000);
    for (const s of image.segments) expect(s.paddr + s.memsz).toBeLessThanOrEqual(0x80400000);
  });
});
