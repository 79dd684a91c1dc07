// trapvisor library API: what the CLI uses, and what embedders and tests use.
export { Machine, DEFAULT_RAM, MISA_RV32ISU, hex } from "./machine.js";
export type { MachineConfig, MachineStats, RunResult, RunStatus, StepObserver, TrapStat } from "./machine.js";
export { Hart, Stop } from "./hart/hart.js";
export { ElfError, parseElf, checkSegmentsFit } from "./loader/elf.js";
export type { ElfImage, ElfSegment } from "./loader/elf.js";
export { disassemble } from "./isa/disasm.js";
export { causeName, privName, Exception, Interrupt } from "./isa/cause.js";
export { Csr } from "./isa/csr-addr.js";
export { runTest } from "./testing.js";
export type { TestOutcome } from "./testing.js";
export { warmUp } from "./warmup.js";
export { benchElf } from "./bench/elf-bench.js";
export type { BenchOptions, ElfBenchResult, EngineResult } from "./bench/elf-bench.js";
