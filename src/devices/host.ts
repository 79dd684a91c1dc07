/** What devices may ask of the machine around them. No device touches `process`. */
export interface Host {
  /** Bytes the guest printed (UART, HTIF console, syscall-proxy write). */
  output(bytes: Uint8Array): void;
  /** The guest asked to stop with an exit status (HTIF exit, test finisher, SBI shutdown). */
  halt(status: number, reason: string): void;
  /** The guest asked for a system reset. */
  reset(): void;
}

/** A source of mtime ticks. */
export interface Clock {
  /** Current tick count since reset. */
  now(): bigint;
  /** The same as a double (exact below 2^53 ticks): the per-slice fast path. */
  ticks(): number;
  /** Ticks per second the guest is told (FDT timebase-frequency). */
  readonly frequency: number;
  /** Instructions that may retire before `ticks` more ticks pass; Infinity for a wall clock (poll instead). */
  instructionsFor(ticks: number): number;
}
