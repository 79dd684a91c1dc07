// Test helpers: the encoder (src/isa/encode.ts) plus machines to run what it assembles.
import { getHotThreshold, setHotThreshold } from "../hart/engine.js";
import { VirtMap } from "../bus/bus.js";
import { openPmpForSupervisor } from "../hart/pmp.js";
import { parseIsa } from "../isa/isa-string.js";
import { Machine, type MachineConfig } from "../machine.js";

export * from "../isa/encode.js";

export const RAM_BASE = VirtMap.ram;

/** A machine with a small RAM (fast to build) unless the config says otherwise. */
/** A small rv32i machine (tests of the base ISA; pass `isa` for extensions). */
export function newMachine(config: MachineConfig = {}): Machine {
  return new Machine({ ramSize: 1 << 20, isa: parseIsa("rv32i"), ...config });
}

/** Write `words` into RAM at `at` and reset the hart there (M-mode, fresh CSRs). */
export function load(machine: Machine, words: readonly number[], at: number = RAM_BASE): Machine {
  const off = (at >>> 0) - machine.ram.base;
  words.forEach((w, i) => machine.ram.write(off + 4 * i, 4, w >>> 0));
  machine.entry = at >>> 0;
  machine.hart.reset(at);
  // As firmware would: PMP entry 0 lets S and U reach everything (otherwise their accesses fail).
  openPmpForSupervisor(machine.hart.csr);
  machine.hart.memoryConfigChanged();
  return machine;
}

/** Run `n` events: each is `hart.run(1)`, i.e. one retired instruction or one trap. Returns the last Stop. */
export function step(machine: Machine, n = 1): number {
  let stop = 0;
  for (let i = 0; i < n; i++) stop = machine.hart.run(1);
  return stop;
}

/** Address of word `i` of a program loaded at `at`. */
export const addrOf = (i: number, base: number = RAM_BASE): number => (base + 4 * i) >>> 0;

/** Run `f` with the jit engine's translation threshold set to `visits` (1: translate on first visit). */
export function withHotThreshold<T>(visits: number, f: () => T): T {
  const before = getHotThreshold();
  setHotThreshold(visits);
  try {
    return f();
  } finally {
    setHotThreshold(before);
  }
}
