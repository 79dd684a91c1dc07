import { Machine } from "./machine.js";
import type { MisalignedPolicy } from "./hart/hart.js";
import type { EngineName } from "./hart/engine.js";
import type { IsaConfig } from "./isa/isa-string.js";
import { ElfError, parseElf } from "./loader/elf.js";

export interface TestOutcome {
  name: string;
  passed: boolean;
  /** One line: "pass", "fail: test 5", "no tohost symbol", ... */
  detail: string;
  retired: number;
  hostSeconds: number;
}

/**
 * Run one riscv-tests-format ELF (reset in M-mode at its entry, result through `tohost`):
 * pass is exit status 0; status n > 0 is the failing TESTNUM.
 */
export interface TestOptions {
  isa?: IsaConfig;
  /** Default complete: riscv-tests' p environment has no misaligned handler (rv32ui-p-ma_data runs in U). */
  misaligned?: MisalignedPolicy;
  engine?: EngineName;
}

export function runTest(bytes: Uint8Array, name: string, maxInsns: number, options: TestOptions = {}): TestOutcome {
  let image;
  try {
    image = parseElf(bytes, name);
  } catch (e) {
    if (e instanceof ElfError) return { name, passed: false, detail: e.message, retired: 0, hostSeconds: 0 };
    throw e;
  }
  const machine = new Machine({ ...(options.isa ? { isa: options.isa } : {}), misaligned: options.misaligned ?? "complete", ...(options.engine ? { engine: options.engine } : {}) });
  try {
    machine.loadElf(image, name);
  } catch (e) {
    if (e instanceof ElfError) return { name, passed: false, detail: e.message, retired: 0, hostSeconds: 0 };
    throw e;
  }
  const r = machine.run(maxInsns);
  const base = { name, retired: r.retired, hostSeconds: r.hostSeconds };
  if (r.status === "exit" && r.exitCode === 0) return { ...base, passed: true, detail: "pass" };
  if (r.status === "exit") return { ...base, passed: false, detail: `fail: test ${r.exitCode} (${r.reason})` };
  const hint = machine.htif ? "" : " (the ELF has no tohost symbol)";
  return { ...base, passed: false, detail: `${r.reason}${hint}` };
}
