import type { Clock } from "./host.js";

/** Guest-visible timebase (QEMU virt uses 10 MHz; the FDT reports this). */
export const TIMEBASE_HZ = 10_000_000;

/** mtime = instructions retired (one tick each): runs are reproducible. */
export class InstructionClock implements Clock {
  readonly frequency = TIMEBASE_HZ;
  /** Ticks that passed while the hart waited in WFI (no instructions retired meanwhile). */
  idleTicks = 0;
  /** Reads `counter.retired` (the hart) directly: a per-machine closure here would make the
   * per-slice timer checks polymorphic across machines in one process (V8 deoptimizes them). */
  constructor(private readonly counter: { readonly retired: number }) {}
  now(): bigint {
    return BigInt(this.ticks());
  }
  ticks(): number {
    return this.counter.retired + this.idleTicks;
  }
  instructionsFor(ticks: number): number {
    return ticks <= 0 ? 0 : ticks > 0x7fffffff ? 0x7fffffff : Math.ceil(ticks);
  }
}

/** mtime follows the host's monotonic clock at TIMEBASE_HZ (`--clock wall`). */
export class WallClock implements Clock {
  readonly frequency = TIMEBASE_HZ;
  private readonly start = process.hrtime.bigint();
  now(): bigint {
    return ((process.hrtime.bigint() - this.start) * BigInt(TIMEBASE_HZ)) / 1_000_000_000n;
  }
  ticks(): number {
    return Number(this.now());
  }
  instructionsFor(): number {
    return Infinity;
  }
}
