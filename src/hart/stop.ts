// What the engines return (shared by the interpreter, the translator and the machine).

/** Why `run` returned. */
export const Stop = {
  /** The instruction limit was reached. */
  Limit: 0,
  /** Something that may change interrupt or device state happened; call `run` again. */
  Event: 1,
  /** A trap entered M-mode and `monitorHandlesM` is set: the host monitor owns the hart now. */
  MonitorTrap: 2,
  /** WFI retired with no interrupt pending: the platform may let time pass until one is. */
  Idle: 3,
  /** Internal to the engines: something changed only hart state (a CSR, a trap, xRET); `run` goes on. */
  Continue: 4,
} as const;

/** `slowStatus` after loadSlow/storeSlow: the access was done, was done but the caller must stop
 *  (device access, HTIF, code changed), or trapped (slowStop then holds what `run` should return). */
export const Slow = { Done: 0, DoneStop: 1, Trapped: 2 } as const;
