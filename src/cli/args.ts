import { parseArgs, type ParseArgsConfig } from "node:util";
import { DEFAULT_ISA, type IsaConfig, IsaError, parseIsa } from "../isa/isa-string.js";
import { MISALIGNED_POLICIES, type MisalignedPolicy } from "../hart/hart.js";
import { ENGINES, type EngineName, getDefaultEngine, setHotThreshold } from "../hart/engine.js";
import { UsageError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with every failure turned into a one-line UsageError naming the command. */
export function parse<const T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    throw new UsageError(`${command}: ${msg.replace(/\. To specify a positional argument.*$/, "")} (see 'trapvisor ${command} --help')`);
  }
}

export function parseCount(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const cleaned = text.replace(/_/g, "");
  const m = /^(\d+)([kKmMgG]?)$/.exec(cleaned);
  if (!m) throw new UsageError(`${name} expects a positive whole number (e.g. 1000000 or 50M), got '${text}'`);
  const mult = { "": 1, k: 1e3, m: 1e6, g: 1e9 }[m[2]!.toLowerCase() as "" | "k" | "m" | "g"];
  const v = Number(m[1]) * mult;
  if (!Number.isSafeInteger(v) || v <= 0) throw new UsageError(`${name} must be between 1 and 2^53, got '${text}'`);
  return v;
}

/** Memory sizes: 128M, 256MiB, 1G, or bytes. */
export function parseSize(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const m = /^(\d+)\s*(|k|kib|m|mib|g|gib)$/i.exec(text.trim());
  if (!m) throw new UsageError(`${name} expects a size such as 64M or 1G, got '${text}'`);
  const unit = m[2]!.toLowerCase()[0] ?? "";
  const v = Number(m[1]) * ({ "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]!;
  if (v < 4096 || v % 4096 !== 0 || v > 2 * 1024 ** 3 - 4096) {
    throw new UsageError(`${name} must be a multiple of 4 KiB between 4 KiB and 2 GiB - 4 KiB (RAM at 0x80000000), got '${text}'`);
  }
  return v;
}

/** `--isa`: an extension string (default rv32imac) as a one-line usage error when malformed. */
export function isaOption(text: string | undefined): IsaConfig {
  try {
    return parseIsa(text ?? DEFAULT_ISA);
  } catch (e) {
    if (e instanceof IsaError) throw new UsageError(e.message);
    throw e;
  }
}

/** `--misaligned`: how the hart treats misaligned loads and stores (default complete). */
export function misalignedOption(text: string | undefined): MisalignedPolicy {
  const v = text ?? "complete";
  if (!(MISALIGNED_POLICIES as readonly string[]).includes(v)) {
    throw new UsageError(`--misaligned expects one of ${MISALIGNED_POLICIES.join(", ")}, got '${v}'`);
  }
  return v as MisalignedPolicy;
}

/** `--engine`: interp or jit; without the flag, $TRAPVISOR_ENGINE, else the library default. */
export function engineOption(text: string | undefined): EngineName {
  const fromEnv = process.env.TRAPVISOR_ENGINE;
  const v = text ?? (fromEnv !== undefined && fromEnv !== "" ? fromEnv : getDefaultEngine());
  if (!(ENGINES as readonly string[]).includes(v)) {
    const where = text === undefined ? " (from TRAPVISOR_ENGINE)" : "";
    throw new UsageError(`--engine expects one of ${ENGINES.join(", ")}, got '${v}'${where}`);
  }
  return v as EngineName;
}

/** TRAPVISOR_JIT_HOT: visits before the jit engine translates code (default 24; tests use 1). */
export function applyJitEnvironment(): void {
  const text = process.env.TRAPVISOR_JIT_HOT;
  if (text === undefined || text === "") return;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 60000) throw new UsageError(`TRAPVISOR_JIT_HOT expects a whole number from 1 to 60000, got '${text}'`);
  setHotThreshold(n);
}
