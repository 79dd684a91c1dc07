// Typed layer over elfy: validates an RV32 executable and extracts entry, PT_LOAD segments and symbols.
import elfyModule from "elfy";

/** The subset of elfy's untyped output this loader reads. */
interface ElfyHeader {
  class: string;
  endian: string;
  type: string | undefined;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  shoff: number;
  shentsize: number;
  shnum: number;
}
interface ElfyProgram {
  type: string | undefined;
  offset: number;
  vaddr: number;
  paddr: number;
  filesz: number;
  memsz: number;
  flags: Record<string, boolean>;
  data: Uint8Array;
}
interface ElfySection {
  type: string | number;
  off: number;
  size: number;
  link: number;
  data: Uint8Array;
}
interface ElfyParser {
  parseHeader(buf: Buffer): ElfyHeader;
  parsePrograms(buf: Buffer, header: ElfyHeader): ElfyProgram[];
  parseSections(buf: Buffer, header: ElfyHeader): ElfySection[];
}
interface Elfy {
  Parser: new () => ElfyParser;
}

// elfy is CommonJS without type declarations (src/loader/elfy.d.ts): our own typed view of it.
const elfy = elfyModule as Elfy;

/** A malformed or unsupported ELF file; `message` is one line meant for the user. */
export class ElfError extends Error {
  override readonly name = "ElfError";
}

export interface ElfSegment {
  paddr: number;
  vaddr: number;
  /** File-backed bytes (filesz of them); the remaining memsz - filesz bytes are zero (bss). */
  data: Uint8Array;
  memsz: number;
  /** PF_X = 1, PF_W = 2, PF_R = 4. */
  flags: number;
}

export interface ElfImage {
  entry: number;
  segments: ElfSegment[];
  symbols: Map<string, number>;
}

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

const EM_RISCV = 243;
const ELF32_EHDR_SIZE = 52;
const ELF32_PHDR_SIZE = 32;
const ELF32_SHDR_SIZE = 40;
const ELF32_SYM_SIZE = 16;
const SHT_SYMTAB = "symtab";
const SHT_STRTAB = "strtab";
const SHN_UNDEF = 0;

const MACHINE_NAMES: ReadonlyMap<number, string> = new Map([
  [0, "none"], [3, "x86"], [8, "MIPS"], [20, "PowerPC"], [21, "PowerPC64"], [40, "ARM"],
  [62, "x86-64"], [183, "AArch64"], [243, "RISC-V"], [258, "LoongArch"],
]);

const TYPE_PROBLEMS: Readonly<Record<string, string>> = {
  none: "file type is ET_NONE",
  rel: "relocatable object (ET_REL), not an executable; link it first",
  dyn: "shared object or PIE (ET_DYN); trapvisor loads static ET_EXEC programs",
  core: "core dump (ET_CORE), not an executable",
};

const hex = (value: number): string => "0x" + (value >>> 0).toString(16).padStart(8, "0");

/** Parses and validates an RV32 little-endian ET_EXEC image; throws ElfError and nothing else. */
export function parseElf(bytes: Uint8Array, name?: string): ElfImage {
  const prefix = name === undefined ? "" : `${name}: `;
  const fail = (problem: string): never => {
    throw new ElfError(prefix + problem);
  };
  try {
    return parseValidated(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fail);
  } catch (error) {
    if (error instanceof ElfError) throw error;
    // Anything elfy (or a corrupt table) throws becomes one user-facing line.
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ElfError(`${prefix}malformed ELF file (${detail})`);
  }
}

function parseValidated(buf: Buffer, fail: (problem: string) => never): ElfImage {
  // Identification bytes first, so the message names the real problem (ELF spec, e_ident).
  if (buf.length < 4 || buf[0] !== 0x7f || buf[1] !== 0x45 || buf[2] !== 0x4c || buf[3] !== 0x46) {
    fail("not an ELF file (bad magic)");
  }
  if (buf.length < 16) fail("truncated: ELF identification extends past end of file");
  if (buf[4] === 2) fail("ELF64 file; trapvisor runs RV32 (ELFCLASS32) programs");
  if (buf[4] !== 1) fail(`invalid ELF class ${buf[4]}; trapvisor runs RV32 (ELFCLASS32) programs`);
  if (buf[5] === 2) fail("big-endian ELF file; trapvisor runs little-endian (ELFDATA2LSB) programs");
  if (buf[5] !== 1) fail(`invalid ELF data encoding ${buf[5]}; expected little-endian (ELFDATA2LSB)`);
  if (buf.length < ELF32_EHDR_SIZE) fail("truncated: ELF header extends past end of file");

  const parser = new elfy.Parser();
  const header = parser.parseHeader(buf);
  const machine = buf.readUInt16LE(18); // elfy has no name for EM_RISCV, so read e_machine directly
  if (machine !== EM_RISCV) {
    fail(`machine is ${MACHINE_NAMES.get(machine) ?? "unknown"} (${machine}), expected RISC-V (${EM_RISCV})`);
  }
  if (header.type !== "exec") {
    fail(TYPE_PROBLEMS[header.type ?? ""] ?? `unknown file type ${buf.readUInt16LE(16)}, expected ET_EXEC`);
  }

  if (header.phnum === 0 || header.phoff === 0) fail("no program headers; nothing to load");
  if (header.phentsize !== ELF32_PHDR_SIZE) fail(`program header size is ${header.phentsize}, expected ${ELF32_PHDR_SIZE}`);
  if (header.phoff + header.phnum * ELF32_PHDR_SIZE > buf.length) fail("truncated: program header table extends past end of file");
  const programs = parser.parsePrograms(buf, header);

  const segments: ElfSegment[] = [];
  programs.forEach((program, index) => {
    if (program.type !== "load") return;
    if (program.offset + program.filesz > buf.length) fail(`truncated: program header ${index} extends past end of file`);
    if (program.memsz < program.filesz) {
      fail(`program header ${index}: memsz (${program.memsz}) is smaller than filesz (${program.filesz})`);
    }
    if (program.paddr + program.memsz > 2 ** 32 || program.vaddr + program.memsz > 2 ** 32) {
      fail(`program header ${index}: segment wraps past the end of the 32-bit address space`);
    }
    segments.push({
      paddr: program.paddr >>> 0,
      vaddr: program.vaddr >>> 0,
      data: new Uint8Array(program.data), // a copy, so the caller may reuse its buffer
      memsz: program.memsz >>> 0,
      flags: (program.flags["r"] ? PF_R : 0) | (program.flags["w"] ? PF_W : 0) | (program.flags["x"] ? PF_X : 0),
    });
  });
  if (segments.length === 0) fail("no PT_LOAD segment; nothing to load");

  return { entry: header.entry >>> 0, segments, symbols: readSymbols(buf, parser, header, fail) };
}

/** Named symbols of .symtab (found by type SHT_SYMTAB, names from its sh_link string table); first wins. */
function readSymbols(buf: Buffer, parser: ElfyParser, header: ElfyHeader, fail: (problem: string) => never): Map<string, number> {
  const symbols = new Map<string, number>();
  if (header.shnum === 0 || header.shoff === 0) return symbols;
  if (header.shentsize !== ELF32_SHDR_SIZE) fail(`section header size is ${header.shentsize}, expected ${ELF32_SHDR_SIZE}`);
  if (header.shoff + header.shnum * ELF32_SHDR_SIZE > buf.length) fail("truncated: section header table extends past end of file");
  const sections = parser.parseSections(buf, header);

  const symtabIndex = sections.findIndex((section) => section.type === SHT_SYMTAB);
  if (symtabIndex < 0) return symbols;
  const symtab = sections[symtabIndex]!;
  const strtab = sections[symtab.link];
  if (strtab === undefined || strtab.type !== SHT_STRTAB) {
    fail(`symbol table (section ${symtabIndex}) links to section ${symtab.link}, which is not a string table`);
  }
  for (const [index, section] of [[symtabIndex, symtab], [symtab.link, strtab]] as const) {
    if (section.off + section.size > buf.length) fail(`truncated: section ${index} extends past end of file`);
  }

  const view = new DataView(symtab.data.buffer, symtab.data.byteOffset, symtab.data.byteLength);
  const count = Math.floor(symtab.size / ELF32_SYM_SIZE);
  for (let n = 1; n < count; n++) { // entry 0 is the reserved null symbol
    const base = n * ELF32_SYM_SIZE;
    const nameOffset = view.getUint32(base, true);
    const value = view.getUint32(base + 4, true);
    const sectionIndex = view.getUint16(base + 14, true);
    if (nameOffset === 0 || sectionIndex === SHN_UNDEF) continue;
    if (nameOffset >= strtab.size) fail(`symbol ${n} has a name offset past the end of its string table`);
    const symbolName = readCString(strtab.data, nameOffset);
    if (!symbols.has(symbolName)) symbols.set(symbolName, value);
  }
  return symbols;
}

function readCString(table: Uint8Array, offset: number): string {
  let end = offset;
  while (end < table.length && table[end] !== 0) end++;
  return Buffer.from(table.buffer, table.byteOffset + offset, end - offset).toString("utf8");
}

/** Checks every segment's [paddr, paddr + memsz) lies inside RAM; throws ElfError naming the first that does not. */
export function checkSegmentsFit(image: ElfImage, ramBase: number, ramSize: number, name?: string): void {
  const prefix = name === undefined ? "" : `${name}: `;
  const ramEnd = ramBase + ramSize; // exclusive; plain numbers, so no 32-bit wrap-around
  image.segments.forEach((segment, index) => {
    if (segment.memsz === 0) return;
    const end = segment.paddr + segment.memsz;
    if (segment.paddr < ramBase || end > ramEnd) {
      throw new ElfError(
        `${prefix}load segment ${index} [${hex(segment.paddr)}, ${hex(end - 1)}] lies outside RAM ` +
          `[${hex(ramBase)}, ${hex(ramEnd - 1)}]`,
      );
    }
  });
}
