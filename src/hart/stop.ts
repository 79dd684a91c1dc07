import { Csr } from "../isa/csr-addr.js";

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

/**
 * CSR writes after which an engine must stop and sample the hart anew: they change interrupts,
 * translation, PMP, misa or timers.
 */
export const STOPPING_CSR_WRITES: ReadonlySet<number> = new Set<number>([
  Csr.mstatus, Csr.sstatus, Csr.misa, Csr.mie, Csr.sie, Csr.mip, Csr.sip, Csr.mideleg, Csr.satp,
  Csr.menvcfg, Csr.menvcfgh, Csr.stimecmp, Csr.stimecmph,
  ...Array.from({ length: 16 }, (_, i) => Csr.pmpcfg0 + i),
  ...Array.from({ length: 64 }, (_, i) => Csr.pmpaddr0 + i),
]);

/** STOPPING_CSR_WRITES as a table by CSR address (1 = stops), for the interpreter's per-instruction check. */
export const STOPS_ON_WRITE: Uint8Array = (() => {
  const t = new Uint8Array(4096);
  for (const a of STOPPING_CSR_WRITES) t[a] = 1;
  return t;
})();
