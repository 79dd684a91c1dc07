import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSegmentsFit, ElfError, parseElf, PF_R, PF_W, PF_X, type ElfImage } from "./elf.js";
import { xorshift32 } from "../testing/random.js";

// ---------------------------------------------------------------------------------------------
// A minimal ELF32 writer, so the loader tests run without a cross toolchain.
// Layout: ehdr | phdrs | segment bytes | .symtab | .strtab | .shstrtab | shdrs.

interface SegmentSpec { type?: number; vaddr: number; paddr?: number; data: Uint8Array; memsz?: number; flags: number }
interface ElfSpec {
  entry?: number;
  machine?: number;
  type?: number;
  segments?: SegmentSpec[];
  symbols?: Array<{ name: string; value: number; shndx?: number }>;
  withSections?: boolean;
}

const PT_LOAD = 1;
const PT_NOTE = 4;

function buildElf(spec: ElfSpec = {}): Uint8Array {
  const segments = spec.segments ?? [
    { vaddr: 0x80000000, data: new Uint8Array([0x13, 0, 0, 0, 0x6f, 0, 0, 0]), flags: PF_R | PF_X },
    { vaddr: 0x80001000, data: new Uint8Array([1, 2, 3, 4]), memsz: 0x100, flags: PF_R | PF_W },
  ];
  const symbols = spec.symbols ?? [
    { name: "tohost", value: 0x80001000 },
    { name: "fromhost", value: 0x80001040 },
  ];
  const withSections = spec.withSections ?? true;
  const phoff = 52;
  let cursor = phoff + 32 * segments.length;
  const segmentOffsets = segments.map((segment) => {
    const offset = cursor;
    cursor += segment.data.length;
    return offset;
  });

  const strtab: number[] = [0];
  const symtab = new DataView(new ArrayBuffer(16 * (symbols.length + 1)));
  symbols.forEach((symbol, n) => {
    symtab.setUint32(16 * (n + 1), strtab.length, true);
    symtab.setUint32(16 * (n + 1) + 4, symbol.value, true);
    symtab.setUint8(16 * (n + 1) + 12, 0x10); // STB_GLOBAL, STT_NOTYPE
    symtab.setUint16(16 * (n + 1) + 14, symbol.shndx ?? 0xfff1, true); // SHN_ABS unless given
    strtab.push(...Buffer.from(symbol.name), 0);
  });
  const shstrtab = Buffer.from("\0.symtab\0.strtab\0.shstrtab\0");
  const symtabOffset = cursor;
  const strtabOffset = symtabOffset + symtab.byteLength;
  const shstrtabOffset = strtabOffset + strtab.length;
  const shoff = (shstrtabOffset + shstrtab.length + 3) & ~3;
  const sectionCount = withSections ? 4 : 0;
  const total = withSections ? shoff + 40 * sectionCount : cursor;

  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
  view.setUint16(16, spec.type ?? 2, true);
  view.setUint16(18, spec.machine ?? 243, true);
  view.setUint32(20, 1, true);
  view.setUint32(24, spec.entry ?? 0x80000000, true);
  view.setUint32(28, phoff, true);
  view.setUint32(32, withSections ? shoff : 0, true);
  view.setUint16(40, 52, true);
  view.setUint16(42, 32, true);
  view.setUint16(44, segments.length, true);
  view.setUint16(46, 40, true);
  view.setUint16(48, sectionCount, true);
  view.setUint16(50, withSections ? 3 : 0, true);
  segments.forEach((segment, n) => {
    const at = phoff + 32 * n;
    view.setUint32(at, segment.type ?? PT_LOAD, true);
    view.setUint32(at + 4, segmentOffsets[n]!, true);
    view.setUint32(at + 8, segment.vaddr, true);
    view.setUint32(at + 12, segment.paddr ?? segment.vaddr, true);
    view.setUint32(at + 16, segment.data.length, true);
    view.setUint32(at + 20, segment.memsz ?? segment.data.length, true);
    view.setUint32(at + 24, segment.flags, true);
    view.setUint32(at + 28, 4, true);
    bytes.set(segment.data, segmentOffsets[n]!);
  });
  if (withSections) {
    bytes.set(new Uint8Array(symtab.buffer), symtabOffset);
    bytes.set(strtab, strtabOffset);
    bytes.set(shstrtab, shstrtabOffset);
    const section = (n: number, nameOffset: number, type: number, offset: number, size: number, link = 0, entsize = 0): void => {
      const at = shoff + 40 * n;
      view.setUint32(at, nameOffset, true);
      view.setUint32(at + 4, type, true);
      view.setUint32(at + 16, offset, true);
      view.setUint32(at + 20, size, true);
      view.setUint32(at + 24, link, true);
      view.setUint32(at + 36, entsize, true);
    };
    section(1, 1, 2, symtabOffset, symtab.byteLength, 2, 16);
    section(2, 9, 3, strtabOffset, strtab.length);
    section(3, 17, 3, shstrtabOffset, shstrtab.length);
  }
  return bytes;
}

/** Runs `action` and returns the ElfError message; fails the test on success or any other error. */
function elfErrorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ElfError);
    const message = (error as ElfError).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected an ElfError");
}

const withU16 = (bytes: Uint8Array, offset: number, value: number): Uint8Array => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint16(offset, value, true);
  return copy;
};
const withU32 = (bytes: Uint8Array, offset: number, value: number): Uint8Array => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
};

describe("parseElf on hand-built images", () => {
  it("reads entry, PT_LOAD segments with bss, and symbols", () => {
    const image = parseElf(buildElf({ entry: 0x80000004 }), "hand.elf");
    expect(image.entry).toBe(0x80000004);
    expect(image.segments).toHaveLength(2);
    const [text, data] = image.segments;
    expect(text).toEqual({ paddr: 0x80000000, vaddr: 0x80000000, data: new Uint8Array([0x13, 0, 0, 0, 0x6f, 0, 0, 0]), memsz: 8, flags: PF_R | PF_X });
    expect(data!.data).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(data!.memsz).toBe(0x100);
    expect(data!.flags).toBe(PF_R | PF_W);
    expect(image.symbols).toEqual(new Map([["tohost", 0x80001000], ["fromhost", 0x80001040]]));
  });

  it("keeps addresses unsigned, separates paddr from vaddr and allows zero-filesz (bss-only) segments", () => {
    const image = parseElf(buildElf({
      entry: 0xfffffff0,
      segments: [
        { vaddr: 0xfffff000, paddr: 0x80000000, data: new Uint8Array(16), flags: PF_R | PF_X },
        { vaddr: 0x80002000, data: new Uint8Array(0), memsz: 0x1000, flags: PF_R | PF_W },
        { type: PT_NOTE, vaddr: 0, data: new Uint8Array(4), flags: PF_R },
      ],
    }));
    expect(image.entry).toBe(0xfffffff0);
    expect(image.segments.map((s) => [s.vaddr, s.paddr, s.data.length, s.memsz])).toEqual([
      [0xfffff000, 0x80000000, 16, 16],
      [0x80002000, 0x80002000, 0, 0x1000],
    ]);
  });

  it("keeps the first definition of a symbol and skips undefined ones", () => {
    const image = parseElf(buildElf({
      symbols: [
        { name: "begin_signature", value: 0x80002000, shndx: 0 }, // undefined reference: skipped
        { name: "begin_signature", value: 0x80003000 },
        { name: "begin_signature", value: 0x80004000 },
        { name: "end_signature", value: 0x80003100 },
      ],
    }));
    expect(image.symbols.get("begin_signature")).toBe(0x80003000);
    expect(image.symbols.get("end_signature")).toBe(0x80003100);
  });

  it("accepts a file without section headers (no symbols)", () => {
    expect(parseElf(buildElf({ withSections: false })).symbols.size).toBe(0);
  });

  it("copies segment bytes out of the input buffer", () => {
    const bytes = buildElf();
    const image = parseElf(bytes);
    bytes.fill(0);
    expect(image.segments[0]!.data[0]).toBe(0x13);
  });

  it("accepts a Node Buffer that is a view into a larger pool", () => {
    const bytes = buildElf();
    const pool = Buffer.alloc(bytes.length + 100);
    pool.set(bytes, 37);
    expect(parseElf(pool.subarray(37, 37 + bytes.length)).entry).toBe(0x80000000);
  });
});

describe("parseElf errors: one ElfError line per problem", () => {
  const good = buildElf();
  const cases: Array<[string, Uint8Array, string]> = [
    ["bad magic", new TextEncoder().encode("#!/bin/sh\necho hi\n"), "foo.elf: not an ELF file (bad magic)"],
    ["empty file", new Uint8Array(0), "foo.elf: not an ELF file (bad magic)"],
    ["truncated ident", good.slice(0, 10), "foo.elf: truncated: ELF identification extends past end of file"],
    ["ELF64", (() => { const b = good.slice(); b[4] = 2; return b; })(), "foo.elf: ELF64 file; trapvisor runs RV32 (ELFCLASS32) programs"],
    ["class 0", (() => { const b = good.slice(); b[4] = 0; return b; })(), "foo.elf: invalid ELF class 0; trapvisor runs RV32 (ELFCLASS32) programs"],
    ["big-endian", (() => { const b = good.slice(); b[5] = 2; return b; })(), "foo.elf: big-endian ELF file; trapvisor runs little-endian (ELFDATA2LSB) programs"],
    ["truncated header", good.slice(0, 40), "foo.elf: truncated: ELF header extends past end of file"],
    ["x86-64", withU16(good, 18, 62), "foo.elf: machine is x86-64 (62), expected RISC-V (243)"],
    ["unknown machine", withU16(good, 18, 9999), "foo.elf: machine is unknown (9999), expected RISC-V (243)"],
    ["ET_REL", withU16(good, 16, 1), "foo.elf: relocatable object (ET_REL), not an executable; link it first"],
    ["ET_DYN", withU16(good, 16, 3), "foo.elf: shared object or PIE (ET_DYN); trapvisor loads static ET_EXEC programs"],
    ["unknown type", withU16(good, 16, 0x1234), "foo.elf: unknown file type 4660, expected ET_EXEC"],
    ["no program headers", withU16(good, 44, 0), "foo.elf: no program headers; nothing to load"],
    ["bad phentsize", withU16(good, 42, 56), "foo.elf: program header size is 56, expected 32"],
    ["truncated phdr table", good.slice(0, 60), "foo.elf: truncated: program header table extends past end of file"],
    ["truncated segment", withU32(good, 52 + 32 + 16, 0x10000), "foo.elf: truncated: program header 1 extends past end of file"],
    ["segment offset past end", withU32(good, 52 + 32 + 4, 0xfffffff0), "foo.elf: truncated: program header 1 extends past end of file"],
    ["memsz < filesz", withU32(good, 52 + 20, 2), "foo.elf: program header 0: memsz (2) is smaller than filesz (8)"],
    ["wrapping segment", withU32(withU32(good, 52 + 8, 0xfffffffc), 52 + 12, 0xfffffffc), "foo.elf: program header 0: segment wraps past the end of the 32-bit address space"],
    ["no PT_LOAD", buildElf({ segments: [{ type: PT_NOTE, vaddr: 0, data: new Uint8Array(4), flags: PF_R }] }), "foo.elf: no PT_LOAD segment; nothing to load"],
    ["truncated section table", good.slice(0, good.length - 8), "foo.elf: truncated: section header table extends past end of file"],
    ["bad shentsize", withU16(good, 46, 64), "foo.elf: section header size is 64, expected 40"],
  ];
  it.each(cases)("%s", (_label, bytes, expected) => {
    expect(elfErrorOf(() => parseElf(bytes, "foo.elf"))).toBe(expected);
  });

  it("omits the file-name prefix when no name is given", () => {
    expect(elfErrorOf(() => parseElf(new Uint8Array(3)))).toBe("not an ELF file (bad magic)");
  });

  it("rejects a symbol table that links to a non-string table or has a bad name offset", () => {
    const shoff = new DataView(good.buffer).getUint32(32, true);
    const badLink = withU32(good, shoff + 40 + 24, 1); // .symtab's sh_link -> itself
    expect(elfErrorOf(() => parseElf(badLink, "foo.elf"))).toBe("foo.elf: symbol table (section 1) links to section 1, which is not a string table");
    const symtabOffset = new DataView(good.buffer).getUint32(shoff + 40 + 16, true);
    const badName = withU32(good, symtabOffset + 16, 0x7fff);
    expect(elfErrorOf(() => parseElf(badName, "foo.elf"))).toBe("foo.elf: symbol 1 has a name offset past the end of its string table");
    const symtabPastEnd = withU32(good, shoff + 40 + 20, 0x100000);
    expect(elfErrorOf(() => parseElf(symtabPastEnd, "foo.elf"))).toBe("foo.elf: truncated: section 1 extends past end of file");
  });
});

describe("checkSegmentsFit", () => {
  const image: ElfImage = parseElf(buildElf());
  it("accepts segments inside RAM, including one ending exactly at the top", () => {
    expect(() => checkSegmentsFit(image, 0x80000000, 0x1100)).not.toThrow();
  });
  it("names the segment and both ranges when a segment sticks out", () => {
    expect(elfErrorOf(() => checkSegmentsFit(image, 0x80000000, 0x10ff, "foo.elf"))).toBe(
      "foo.elf: load segment 1 [0x80001000, 0x800010ff] lies outside RAM [0x80000000, 0x800010fe]",
    );
    expect(elfErrorOf(() => checkSegmentsFit(image, 0x80000004, 0x8000000))).toBe(
      "load segment 0 [0x80000000, 0x80000007] lies outside RAM [0x80000004, 0x88000003]",
    );
  });
  it("handles RAM that reaches the top of the address space", () => {
    const high = parseElf(buildElf({ segments: [{ vaddr: 0xfffff000, data: new Uint8Array(0x1000), flags: PF_R }] }));
    expect(() => checkSegmentsFit(high, 0xf0000000, 0x10000000)).not.toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Robustness: whatever the bytes, parseElf returns an image or throws ElfError.

const makeRandom = xorshift32;

function expectOnlyElfError(bytes: Uint8Array): void {
  try {
    parseElf(bytes, "fuzz.elf");
  } catch (error) {
    if (!(error instanceof ElfError)) throw new Error(`non-ElfError escaped for ${Buffer.from(bytes).toString("hex").slice(0, 200)}: ${String(error)}`);
  }
}

function fuzz(valid: Uint8Array, seed: number): void {
  const next = makeRandom(seed);
  for (let n = 0; n < 300; n++) {
    const random = new Uint8Array(next() % 200);
    for (let k = 0; k < random.length; k++) random[k] = next() & 0xff;
    if (n % 2 === 0 && random.length >= 6) random.set([0x7f, 0x45, 0x4c, 0x46, 1, 1]); // get past the magic
    expectOnlyElfError(random);
  }
  for (let cut = 0; cut <= valid.length; cut += Math.max(1, valid.length >> 8)) expectOnlyElfError(valid.slice(0, cut));
  for (let n = 0; n < 3000; n++) {
    const mutated = valid.slice();
    const flips = 1 + (next() % 4);
    // Mostly flip header and table bytes, where the parser is most sensitive.
    for (let k = 0; k < flips; k++) mutated[n % 2 === 0 ? next() % Math.min(mutated.length, 160) : next() % mutated.length] = next() & 0xff;
    expectOnlyElfError(mutated);
  }
}

describe("parseElf fuzz", () => {
  it("random bytes, truncations and byte flips of a hand-built ELF throw only ElfError", () => {
    fuzz(buildElf(), 1);
    fuzz(buildElf({ withSections: false }), 2);
  });
});

// ---------------------------------------------------------------------------------------------
// Real programs from the cross toolchain (skipped when it is not installed).

const GCC = "riscv64-unknown-elf-gcc";
const hasGcc = spawnSync(GCC, ["--version"]).status === 0;

const PROGRAM = `
  .section .text.init, "ax"
  .globl _start
_start:
  la t0, tohost
  li t1, 1
  sw t1, 0(t0)
1: j 1b

  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .align 6
  .globl fromhost
fromhost: .dword 0

  .data
  .align 4
  .globl begin_signature
begin_signature:
  .word 0xdeadbeef, 0xcafef00d
  .globl end_signature
end_signature:

  .bss
  .align 4
scratch: .space 4096
`;

describe.skipIf(!hasGcc)("parseElf on a toolchain-built RV32 program", () => {
  const dir = hasGcc ? mkdtempSync(join(tmpdir(), "trapvisor-elf-")) : "";
  const source = join(dir, "prog.S");
  if (hasGcc) writeFileSync(source, PROGRAM);
  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  const LINK_FLAGS = ["-march=rv32i_zicsr_zifencei", "-mabi=ilp32", "-nostdlib", "-nostartfiles", "-Wl,-Ttext=0x80000000"];

  /** Links prog.S with `extraFlags`; returns the bytes, nm's symbols and readelf's PT_LOAD rows. */
  const build = (extraFlags: string[] = []) => {
    const output = join(dir, "prog.elf");
    const compiled = spawnSync(GCC, [...LINK_FLAGS, ...extraFlags, "-o", output, source], { encoding: "utf8" });
    expect(compiled.stderr).toBe("");
    const nm = new Map<string, number>();
    for (const line of spawnSync("riscv64-unknown-elf-nm", [output], { encoding: "utf8" }).stdout.split("\n")) {
      const [value, , name] = line.trim().split(/\s+/);
      if (name !== undefined && value !== undefined && /^[0-9a-f]+$/.test(value)) nm.set(name, parseInt(value, 16));
    }
    const loads = spawnSync("riscv64-unknown-elf-readelf", ["-lW", output], { encoding: "utf8" }).stdout
      .split("\n").filter((line) => /^\s*LOAD\s/.test(line))
      .map((line) => {
        const [, , vaddr, paddr, filesz, memsz, ...flags] = line.trim().split(/\s+/);
        const flagText = flags.slice(0, -1).join("");
        const flagBits = (flagText.includes("R") ? PF_R : 0) | (flagText.includes("W") ? PF_W : 0) | (flagText.includes("E") ? PF_X : 0);
        return { vaddr: Number(vaddr), paddr: Number(paddr), filesz: Number(filesz), memsz: Number(memsz), flags: flagBits };
      });
    return { bytes: readFileSync(output), nm, loads };
  };

  it("reads entry, segments (bss memsz > filesz) and the riscv-tests symbols as readelf and nm do", () => {
    const { bytes, nm, loads } = build();
    const image = parseElf(bytes, "prog.elf");
    expect(image.entry).toBe(0x80000000);
    expect(image.entry).toBe(nm.get("_start"));
    for (const name of ["tohost", "fromhost", "begin_signature", "end_signature", "_start", "scratch"]) {
      expect(image.symbols.get(name), name).toBe(nm.get(name));
    }
    expect(image.symbols.get("end_signature")! - image.symbols.get("begin_signature")!).toBe(8);
    expect(image.segments.map((s) => ({ vaddr: s.vaddr, paddr: s.paddr, filesz: s.data.length, memsz: s.memsz, flags: s.flags }))).toEqual(loads);
    const bss = image.segments.find((s) => s.flags & PF_W && s.memsz > s.data.length);
    expect(bss, "a writable segment with bss").toBeDefined();
    expect(bss!.memsz - bss!.data.length).toBeGreaterThanOrEqual(4096);
  });

  it("reports that -Ttext alone maps the ELF headers below 0x80000000, and -Wl,-n fits", () => {
    // ld's default layout puts the file header page in the text segment, at 0x7ffff000.
    const image = parseElf(build().bytes, "prog.elf");
    expect(elfErrorOf(() => checkSegmentsFit(image, 0x80000000, 0x100000, "prog.elf"))).toMatch(
      /^prog\.elf: load segment 0 \[0x7ffff000, 0x8000[0-9a-f]{4}\] lies outside RAM \[0x80000000, 0x800fffff\]$/,
    );
    const packed = parseElf(build(["-Wl,-n", "-Wl,--no-warn-rwx-segments"]).bytes, "prog.elf");
    expect(() => checkSegmentsFit(packed, 0x80000000, 0x100000, "prog.elf")).not.toThrow();
    expect(elfErrorOf(() => checkSegmentsFit(packed, 0x80000000, 0x1000, "prog.elf"))).toMatch(
      /^prog\.elf: load segment 0 \[0x80000000, 0x8000[0-9a-f]{4}\] lies outside RAM \[0x80000000, 0x80000fff\]$/,
    );
    const text = packed.segments[0]!;
    expect(new DataView(text.data.buffer, text.data.byteOffset).getUint32(0, true) & 0x7f).toBe(0x17); // auipc from `la`
  });

  it("rejects the object file (ET_REL) and survives fuzzing of the real ELF", () => {
    const object = join(dir, "prog.o");
    spawnSync(GCC, ["-march=rv32i_zicsr_zifencei", "-mabi=ilp32", "-c", "-o", object, source]);
    expect(elfErrorOf(() => parseElf(readFileSync(object), "prog.o"))).toBe(
      "prog.o: relocatable object (ET_REL), not an executable; link it first",
    );
    fuzz(build().bytes, 3);
  });

  it("rejects an RV64 build", () => {
    const output = join(dir, "prog64.elf");
    const compiled = spawnSync(GCC, ["-march=rv64i_zicsr", "-mabi=lp64", "-nostdlib", "-nostartfiles", "-Wl,-Ttext=0x80000000", "-o", output, source]);
    expect(compiled.status).toBe(0);
    expect(elfErrorOf(() => parseElf(readFileSync(output), "prog64.elf"))).toBe(
      "prog64.elf: ELF64 file; trapvisor runs RV32 (ELFCLASS32) programs",
    );
  });
});
