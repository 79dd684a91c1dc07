// The benchmark workloads (bench/workloads/*.elf) are correct programs: each runs to completion under
// trapvisor and its own self-check passes (HTIF exit 0). Each run is well under 3 s, so all run in full.
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parseElf } from "../src/loader/elf.js";
import { runTest } from "../src/testing.js";

const DIR = fileURLToPath(new URL("./workloads/", import.meta.url));
const files = readdirSync(DIR).sort();
const elfs = files.filter((f) => f.endsWith(".elf"));
const sources = files.filter((f) => f.endsWith(".c"));
const ISAS = ["rv32i", "rv32imac"];

/** st_size of a named symbol in an ELF32 little-endian .symtab, or undefined. */
function symbolSize(bytes: Uint8Array, name: string): number | undefined {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shoff = v.getUint32(0x20, true), shentsize = v.getUint16(0x2e, true), shnum = v.getUint16(0x30, true);
  const sh = (i: number) => ({ type: v.getUint32(shoff + i * shentsize + 4, true), offset: v.getUint32(shoff + i * shentsize + 16, true), size: v.getUint32(shoff + i * shentsize + 20, true), link: v.getUint32(shoff + i * shentsize + 24, true) });
  for (let i = 0; i < shnum; i++) {
    const s = sh(i);
    if (s.type !== 2) continue; // SHT_SYMTAB
    const strtab = sh(s.link);
    for (let o = s.offset; o < s.offset + s.size; o += 16) {
      let p = strtab.offset + v.getUint32(o, true), n = "";
      while (bytes[p]) n += String.fromCharCode(bytes[p++]!);
      if (n === name) return v.getUint32(o + 8, true);
    }
  }
  return undefined;
}

describe("benchmark workloads", () => {
  test("every C workload is committed as an rv32i and an rv32imac ELF, and nothing else", () => {
    expect(sources.length).toBeGreaterThanOrEqual(7);
    expect(elfs).toEqual(sources.flatMap((c) => ISAS.map((isa) => `${c.slice(0, -2)}-${isa}.elf`)).sort());
  });

  test.each(elfs)("%s loads at 0x80000000 with 8-byte tohost and fromhost (as QEMU -M spike needs)", (f) => {
    const bytes = readFileSync(DIR + f);
    const image = parseElf(bytes, f);
    expect(image.entry).toBe(0x80000000);
    expect(image.symbols.has("tohost") && image.symbols.has("fromhost")).toBe(true);
    expect(symbolSize(bytes, "tohost")).toBe(8);
    expect(symbolSize(bytes, "fromhost")).toBe(8);
  });

  test.each(elfs)("%s passes its own check under trapvisor", (f) => {
    const isa = f.endsWith("-rv32i.elf") ? "rv32i" : "rv32imac";
    const r = runTest(readFileSync(DIR + f), f, 300e6);
    expect(r.detail, `${f} (${isa})`).toBe("pass");
    expect(r.retired).toBeGreaterThan(40e6);
    expect(r.retired).toBeLessThan(250e6);
  });
});
