import { MISA_MXL_32, misaLetter } from "../csr/bits.js";

/** The extensions a machine is built with (`--isa`, Spike-style: rv32i, rv32ima, rv32imac, ..._sstc). */
export interface IsaConfig {
  readonly m: boolean;
  readonly a: boolean;
  readonly c: boolean;
  /** Sstc: stimecmp/stimecmph with menvcfg.STCE. */
  readonly sstc: boolean;
  /** Canonical spelling, e.g. "rv32imac_zicsr_zifencei". */
  readonly name: string;
}

export const DEFAULT_ISA = "rv32imac";

/** Multi-letter extensions that are always present (accepted, not selectable). */
const ALWAYS = new Set(["zicsr", "zifencei", "zihintpause", "zicntr"]);

export class IsaError extends Error {}

export function parseIsa(text: string): IsaConfig {
  const lower = text.trim().toLowerCase();
  const [base, ...multi] = lower.split("_");
  const m = /^rv32i([mac]*)$/.exec(base ?? "");
  if (!m) {
    throw new IsaError(`--isa '${text}': expected rv32i followed by any of m, a, c in that order (e.g. rv32i, rv32ima, rv32imac), optionally _sstc`);
  }
  const letters = m[1]!;
  if ([...letters].some((l, i) => letters.indexOf(l) !== i) || letters !== [...letters].sort((x, y) => "mac".indexOf(x) - "mac".indexOf(y)).join("")) {
    throw new IsaError(`--isa '${text}': extension letters must appear once, in the order m, a, c`);
  }
  let sstc = false;
  for (const ext of multi) {
    if (ext === "sstc") sstc = true;
    else if (!ALWAYS.has(ext)) throw new IsaError(`--isa '${text}': unsupported extension '${ext}' (supported: sstc; zicsr, zifencei, zihintpause and zicntr are always present)`);
  }
  const cfg = { m: letters.includes("m"), a: letters.includes("a"), c: letters.includes("c"), sstc };
  return { ...cfg, name: `rv32i${letters}_zicsr_zifencei${sstc ? "_sstc" : ""}` };
}

/** misa for a configuration: MXL=1 (RV32), I, S, U and the selected letters (3.1.1). */
export function misaFor(isa: IsaConfig): number {
  let v = MISA_MXL_32 | misaLetter("I") | misaLetter("S") | misaLetter("U");
  if (isa.m) v |= misaLetter("M");
  if (isa.a) v |= misaLetter("A");
  if (isa.c) v |= misaLetter("C");
  return v >>> 0;
}

/** riscv,isa for the device tree, e.g. "rv32imac_zicsr_zifencei_sstc". */
export function fdtIsaString(isa: IsaConfig): string {
  return isa.name;
}
