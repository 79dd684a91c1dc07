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
 * CSR writes after which an engine must stop and sample the hart anew (they change interrupts,
 * translation, PMP, misa or timers), as a table by CSR address: 1 = stops.
 */
const STOPS_ON_WRITE: Uint8Array = (() => {
  const t = new Uint8Array(4096);
  const csrs = [
    Csr.mstatus, Csr.sstatus, Csr.misa, Csr.mie, Csr.sie, Csr.mip, Csr.sip, Csr.mideleg, Csr.satp,
    Csr.menvcfg, Csr.menvcfgh, Csr.stimecmp, Csr.stimecmph,
  ];
  for (const a of csrs) t[a] = 1;
  for (let i = 0; i < 16; i++) t[Csr.pmpcfg0 + i] = 1;
  for (let i = 0; i < 64; i++) t[Csr.pmpaddr0 + i] = 1;
  return t;
})();

/** Whether CSR instruction `insn` writes (CSRRW(I), or a non-zero rs1/uimm) a CSR in that table. */
export function csrWriteStops(insn: number): boolean {
  const writes = ((insn >>> 12) & 3) === 1 || ((insn >>> 15) & 31) !== 0;
  return writes && STOPS_ON_WRITE[insn >>> 20] === 1;
}
