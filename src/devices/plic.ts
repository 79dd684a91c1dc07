import type { Device } from "../bus/bus.js";
import { MIP } from "../csr/bits.js";
import { PLIC_NDEV, PLIC_SIZE } from "../monitor/fdt.js";

/** PLIC hart contexts on this single-hart machine, as the devicetree lists them (fdt.ts). */
export const PlicContext = { M: 0, S: 1 } as const;
const CONTEXTS = 2;
/** The mip bit each context's notification drives. */
const CONTEXT_LINE = [MIP.MEIP, MIP.SEIP] as const;

// Register blocks (RISC-V PLIC spec 1.0.0, "Memory Map").
const PRIORITY_BASE = 0x000000;
const PENDING_BASE = 0x001000;
const ENABLE_BASE = 0x002000;
const ENABLE_STRIDE = 0x80;
const CONTEXT_BASE = 0x200000;
const CONTEXT_STRIDE = 0x1000;
const CLAIM_COMPLETE = 4;
/** Priorities and thresholds are WARL with 3 implemented bits: levels 0..7. */
const LEVEL_MASK = 7;
/** The spec's ceiling: IDs 1..1023. */
const MAX_SOURCES = 1023;

/**
 * SiFive-compatible Platform-Level Interrupt Controller (riscv-plic-spec 1.0.0) with level-triggered
 * gateways and two contexts (0: M-mode -> MEIP, 1: S-mode -> SEIP). 32-bit aligned accesses only:
 * anything else reads 0 and is ignored on write.
 */
export class Plic implements Device {
  readonly name = "plic";
  readonly size = PLIC_SIZE;
  private readonly words: number;
  /** Per-word mask of the IDs that exist (1..ndev). */
  private readonly valid: Uint32Array;
  private readonly priority: Uint8Array;
  private readonly level: Uint32Array;
  private readonly pending: Uint32Array;
  /** Claimed and not yet completed: the gateway holds further requests back. */
  private readonly inFlight: Uint32Array;
  private readonly enable: Uint32Array[];
  private readonly threshold = new Uint8Array(CONTEXTS);
  /** MEIP | SEIP as they stand; recomputed after every state change. */
  private out = 0;

  constructor(readonly base: number, readonly ndev: number = PLIC_NDEV) {
    if (!Number.isInteger(ndev) || ndev < 1 || ndev > MAX_SOURCES) throw new RangeError(`PLIC source count ${ndev} is outside 1..${MAX_SOURCES}`);
    this.words = (ndev >>> 5) + 1;
    this.valid = new Uint32Array(this.words);
    for (let id = 1; id <= ndev; id++) this.valid[id >>> 5]! |= 1 << (id & 31);
    this.priority = new Uint8Array(ndev + 1);
    this.level = new Uint32Array(this.words);
    this.pending = new Uint32Array(this.words);
    this.inFlight = new Uint32Array(this.words);
    this.enable = Array.from({ length: CONTEXTS }, () => new Uint32Array(this.words));
  }

  /** Drive source `id`'s level. A high level becomes a request unless one is pending or claimed. */
  setSource(id: number, level: boolean): void {
    const w = this.wordOf(id);
    const bit = 1 << (id & 31);
    if (((this.level[w]! & bit) !== 0) === level) return;
    if (level) {
      this.level[w]! |= bit;
      if (!(this.inFlight[w]! & bit)) this.pending[w]! |= bit;
    } else {
      // The gateway cannot retract a request already forwarded (spec, "Interrupt Gateways").
      this.level[w]! &= ~bit;
    }
    this.update();
  }

  /** MIP.MEIP (context 0) | MIP.SEIP (context 1): the external-interrupt lines into mip. */
  lines(): number {
    return this.out;
  }

  /** True when an enabled pending source has priority above context `ctx`'s threshold. */
  contextLine(ctx: number): boolean {
    return (this.out & CONTEXT_LINE[ctx as 0 | 1]) !== 0;
  }

  /**
   * Claim for context `ctx`: the highest-priority enabled pending source (ties: lowest ID), or 0.
   * Not limited by the threshold (spec, "Interrupt Claim Process"); priority 0 never interrupts.
   */
  claim(ctx: number): number {
    const id = this.best(ctx);
    if (id === 0) return 0;
    const w = id >>> 5, bit = 1 << (id & 31);
    this.pending[w]! &= ~bit;
    this.inFlight[w]! |= bit;
    this.update();
    return id;
  }

  /**
   * Completion of `id` from context `ctx`: re-arms its gateway (a still-high level pends again).
   * Ignored for an ID that does not exist or is not enabled for the context (spec, "Interrupt Completion").
   */
  complete(ctx: number, id: number): void {
    if (!(id >= 1 && id <= this.ndev)) return;
    const w = id >>> 5, bit = 1 << (id & 31);
    if (!(this.enable[ctx]![w]! & bit) || !(this.inFlight[w]! & bit)) return;
    this.inFlight[w]! &= ~bit;
    if (this.level[w]! & bit) this.pending[w]! |= bit;
    this.update();
  }

  read(offset: number, width: number): number {
    if (width !== 4 || offset & 3) return 0;
    if (offset < PENDING_BASE) {
      const id = (offset - PRIORITY_BASE) >>> 2;
      return id <= this.ndev ? this.priority[id]! : 0;
    }
    if (offset < ENABLE_BASE) {
      const w = (offset - PENDING_BASE) >>> 2;
      return w < this.words ? this.pending[w]! >>> 0 : 0;
    }
    if (offset < CONTEXT_BASE) {
      const ctx = (offset - ENABLE_BASE) / ENABLE_STRIDE | 0;
      const w = ((offset - ENABLE_BASE) % ENABLE_STRIDE) >>> 2;
      return ctx < CONTEXTS && w < this.words ? this.enable[ctx]![w]! >>> 0 : 0;
    }
    const ctx = (offset - CONTEXT_BASE) / CONTEXT_STRIDE | 0;
    if (ctx >= CONTEXTS) return 0;
    switch ((offset - CONTEXT_BASE) % CONTEXT_STRIDE) {
      case 0: return this.threshold[ctx]!;
      case CLAIM_COMPLETE: return this.claim(ctx);
      default: return 0;
    }
  }

  write(offset: number, width: number, value: number): void {
    if (width !== 4 || offset & 3) return;
    if (offset < PENDING_BASE) {
      const id = (offset - PRIORITY_BASE) >>> 2;
      if (id >= 1 && id <= this.ndev) this.priority[id] = value & LEVEL_MASK;
    } else if (offset < ENABLE_BASE) {
      return; // pending bits are read-only
    } else if (offset < CONTEXT_BASE) {
      const ctx = (offset - ENABLE_BASE) / ENABLE_STRIDE | 0;
      const w = ((offset - ENABLE_BASE) % ENABLE_STRIDE) >>> 2;
      if (ctx < CONTEXTS && w < this.words) this.enable[ctx]![w] = value & this.valid[w]!;
    } else {
      const ctx = (offset - CONTEXT_BASE) / CONTEXT_STRIDE | 0;
      if (ctx >= CONTEXTS) return;
      switch ((offset - CONTEXT_BASE) % CONTEXT_STRIDE) {
        case 0: this.threshold[ctx] = value & LEVEL_MASK; break;
        case CLAIM_COMPLETE: this.complete(ctx, value >>> 0); return;
        default: return;
      }
    }
    this.update();
  }

  private wordOf(id: number): number {
    if (!(Number.isInteger(id) && id >= 1 && id <= this.ndev)) throw new RangeError(`PLIC source ${id} is outside 1..${this.ndev}`);
    return id >>> 5;
  }

  /** The claimable source for `ctx` (enabled, pending, priority > 0), highest priority, lowest ID first; 0 if none. */
  private best(ctx: number): number {
    const en = this.enable[ctx]!;
    let bestId = 0, bestPriority = 0;
    for (let w = 0; w < this.words; w++) {
      let candidates = this.pending[w]! & en[w]!;
      while (candidates !== 0) {
        const low = candidates & -candidates;
        candidates ^= low;
        const id = (w << 5) | (31 - Math.clz32(low));
        const p = this.priority[id]!;
        if (p > bestPriority) { bestId = id; bestPriority = p; }
      }
    }
    return bestId;
  }

  private update(): void {
    let out = 0;
    for (let ctx = 0; ctx < CONTEXTS; ctx++) {
      const id = this.best(ctx);
      if (id !== 0 && this.priority[id]! > this.threshold[ctx]!) out |= CONTEXT_LINE[ctx as 0 | 1];
    }
    this.out = out;
  }
}
