// The jit engine: a dispatcher that runs translated code where it has some and the interpreter
// elsewhere. Code becomes hot when jumps reach it often enough; then the code of its virtual page
// that is reachable from there is translated (translate.ts) into one JavaScript function. Stores
// that hit translated instructions (self-modifying code), satp writes, SFENCE.VMA and PMP changes
// drop what they make stale.
import { createRequire } from "node:module";
import { PageFlag } from "../../bus/ram.js";
import { MSTATUS } from "../../csr/bits.js";
import { getHotThreshold } from "../engine.js";
import type { Hart } from "../hart.js";
import { mulh, mulhsu, mulhu } from "../mul.js";
import { Access } from "../pmp.js";
import { Stop } from "../stop.js";
import { pendingInterrupt } from "../trap.js";
import { Ctx, DISPATCH, FALLBACK, JUMPED, LEAVE, type Machine32, PRIME_SLOW, RESUME, translate } from "./translate.js";

// node:v8 is loaded at the first translation: loading it costs ~2 ms of start-up (Node's stream
// modules come with it), which the interp engine need not pay.
let v8: typeof import("node:v8") | undefined;
function setFlagsFromString(flags: string): void {
  (v8 ??= createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString(flags);
}

/** A translated function: enter at block `b`, run at most `limit` instructions; returns a Stop (or FALLBACK). */
type Translated = (b: number, limit: number) => number;

interface Region {
  readonly fn: Translated;
  /** Cache key: physical page, virtual page, context. */
  readonly key: number;
  /** RAM page index (for invalidation). */
  readonly page: number;
  /** The pcs translation started from. */
  readonly entries: number[];
  valid: boolean;
}

interface Entry {
  readonly region: Region;
  readonly block: number;
}

const CACHE_SIZE = 4096;
const HOT_SIZE = 1 << 14;
/** Translations kept per page before new entries there are left to the interpreter. */
const MAX_REGIONS_PER_PAGE = 32;
/**
 * A translation costs about a millisecond to generate and compile and tens of milliseconds until
 * V8 has optimized it; it pays only for code that then runs very often. Every YIELD_CHECK
 * translations the dispatcher looks at what translating has yielded so far — instructions run by
 * translated code per instruction translated — and, below MIN_YIELD, makes code wait four times
 * longer before it is translated. Benchmarks and tight loops yield 10^4-10^5 and never slow down;
 * a kernel boot that runs most of its code a few hundred times soon stops translating it.
 */
const YIELD_CHECK = 8;
const MIN_YIELD = 4000;
/** Largest instruction budget handed to translated code (its counters stay small integers). */
const MAX_SLICE = 0x40000000;
/**
 * How many times the interpreter must have gone through a block (landed on it or fallen into it)
 * for the block to join a translation. Code that ran once or twice (start-up, a rare path) stays
 * out: V8 optimizes a translated function after little use, and a block that had not run in it by
 * then deoptimizes the whole function when it first runs (then V8 compiles it again: up to
 * ~150 ms of compile time per function). Measured with 3 against 1: the Sv32 paging guest 0.50 ->
 * 0.33 s, the other workloads within noise. Never above the hot threshold (1 in the tests).
 */
const SEEN_RUNS = 3;

export interface JitStats {
  /** Functions generated. */
  translations: number;
  /** Guest instructions in them. */
  translatedInstructions: number;
  /** Pages whose translations a store dropped. */
  invalidations: number;
  /** Host time spent generating and compiling translations. */
  translateSeconds: number;
  /** Instructions retired by translated code (the rest ran in the interpreter). */
  retiredTranslated: number;
}

export class Jit {
  /** pc -> (translation, block), tagged with the context and the cache's generation: a flush (satp,
   *  SFENCE.VMA, dropped code) just starts a new generation. */
  private readonly cachePc = new Int32Array(CACHE_SIZE).fill(1);
  private readonly cacheTag = new Int32Array(CACHE_SIZE).fill(-1);
  private generation = 0;
  private readonly cacheRegion: (Region | undefined)[] = new Array<Region | undefined>(CACHE_SIZE).fill(undefined);
  private readonly cacheBlock = new Int32Array(CACHE_SIZE);
  private readonly hot = new Uint16Array(HOT_SIZE);
  /** key (physical page, virtual page, context) -> pc -> entry. */
  private readonly entries = new Map<number, Map<number, Entry>>();
  /** RAM page index -> translations made from it, and which of its words they read (1 bit per word). */
  private readonly pages = new Map<number, { regions: Region[]; words: Uint32Array }>();
  private readonly env: Record<string, unknown>;
  private readonly machine32: Machine32;
  private lookupBlock = 0;
  /** Control arrived at h.pc by a jump, a trap or an xRET (see lookup). */
  landing = true;
  /** Visits (jumps to, or dispatches at) a pc before its code is translated; grows while
   *  translating yields little (see MIN_YIELD). Counters saturate at 65535. */
  private hotThreshold = getHotThreshold();
  private readonly seenRuns = Math.min(SEEN_RUNS, this.hotThreshold);
  /** Told about every translation (pc, context, JavaScript source): `--jit-dump`. */
  onTranslate: ((pc: number, ctx: number, source: string) => void) | undefined;
  readonly stats: JitStats = { translations: 0, translatedInstructions: 0, invalidations: 0, translateSeconds: 0, retiredTranslated: 0 };

  constructor(private readonly hart: Hart) {
    const ram = hart.bus.ram;
    const tlb = hart.fastTlb;
    this.env = {
      h: hart, jit: this, x: hart.x, m8: ram.i8, m16: ram.i16, m32: ram.i32, u8: ram.bytes, u16: ram.u16, flags: ram.pageFlags,
      ltag: tlb.loadTag, loff: tlb.loadOff, stag: tlb.storeTag, soff: tlb.storeOff, mulh, mulhu, mulhsu,
    };
    this.machine32 = { ramBase: ram.base, ramSize: ram.size, m: hart.config.isa.m, a: hart.config.isa.a, monitor: hart.config.monitorHandlesM };
  }

  /** The translation context of the hart now (Ctx bits). */
  context(): number {
    const h = this.hart;
    const csr = h.csr;
    const priv = h.priv;
    const s = csr.mstatus;
    const dataPriv = priv === 3 && s & MSTATUS.MPRV ? (s >>> 11) & 3 : priv;
    const paging = csr.satp >>> 31 === 1;
    const pmp = h.pmp.summary;
    const fetchChecked = priv < 3 ? paging || !pmp.allowAllSU32 : pmp.anyLocked;
    const dataChecked = dataPriv < 3 ? paging || !pmp.allowAllSU32 : pmp.anyLocked;
    return priv | (csr.misa & Ctx.C) | (dataChecked ? Ctx.DATA_CHECKED : 0) | (fetchChecked ? Ctx.FETCH_CHECKED : 0);
  }

  /**
   * Asked by the interpreter at every taken jump: should it hand over at `pc`? Yes where a
   * translation is cached, or where jumps have now arrived HOT_THRESHOLD times.
   */
  wants(pc: number): boolean {
    const i = (pc >>> 1) & (CACHE_SIZE - 1);
    if ((this.cachePc[i] === (pc | 0) && this.cacheTag[i]! >>> 5 === this.generation) || ++this.hot[hotIndex(pc)]! >= this.hotThreshold) {
      this.landing = true;
      return true;
    }
    return false;
  }

  /** Asked by the interpreter at every branch not taken: the code at `pc` runs once more (see seenRuns). */
  passes(pc: number): void {
    const j = hotIndex(pc);
    if (this.hot[j]! < this.seenRuns) this.hot[j]!++;
  }

  /** Hart.run under the jit engine: up to `limit` instructions, translated where possible. */
  run(limit: number): number {
    const h = this.hart;
    const start = h.retired;
    for (;;) {
      const done = h.retired - start;
      if (done >= limit) return Stop.Limit;
      const remaining = limit - done;
      let stop: number;
      const irq = pendingInterrupt(h.csr, h.priv);
      if (irq >= 0) stop = h.trap(irq, true, 0, h.pc);
      else {
        const pc = h.pc;
        const ctx = this.context();
        const i = (pc >>> 1) & (CACHE_SIZE - 1);
        let region: Region | undefined;
        let block = 0;
        const landed = this.landing;
        this.landing = false;
        if (this.cachePc[i] === (pc | 0) && this.cacheTag[i] === ((this.generation << 5) | ctx)) {
          region = this.cacheRegion[i];
          block = this.cacheBlock[i]!;
        } else if (landed) {
          region = this.lookup(pc, ctx, i);
          block = this.lookupBlock;
        }
        if (region !== undefined) {
          const before = h.retired;
          stop = region.fn(block, remaining > MAX_SLICE ? MAX_SLICE : remaining);
          this.stats.retiredTranslated += h.retired - before;
          if (stop === JUMPED) {
            this.landing = true;
            stop = Stop.Continue;
          } else if (stop === FALLBACK) {
            // The next block needs more instructions than are left: the interpreter runs out the budget.
            stop = h.interpret(limit - (h.retired - start));
          }
        } else stop = h.interpret(remaining);
      }
      if (stop === Stop.Continue) {
        if (h.stopAfterTrap) return Stop.Event;
        continue;
      }
      if (stop !== Stop.Limit) return stop;
    }
  }

  /**
   * The translation for `pc` in context `ctx`, translating hot code; fills cache slot `slot`. Only
   * asked where control landed (a jump target, a trap vector, an xRET target): elsewhere (after a CSR
   * access, a device access, a budget that ended mid-block) the interpreter goes on to the next jump
   * instead of starting a translation in mid-block.
   */
  private lookup(pc: number, ctx: number, slot: number): Region | undefined {
    const h = this.hart;
    let pa = pc;
    if (ctx & Ctx.FETCH_CHECKED) {
      pa = h.fetchAddress(pc, 2);
      if (pa < 0) return undefined; // the interpreter takes the fetch exception
    }
    const ram = h.bus.ram;
    const off = pa - ram.base;
    if (off < 0 || off >= ram.size) return undefined;
    const ppn = Math.floor(pa / 4096);
    const key = (ppn * 0x100000 + (pc >>> 12)) * 32 + ctx;
    let entry = this.entries.get(key)?.get(pc);
    if (entry === undefined) {
      const j = hotIndex(pc);
      if (this.hot[j]! < this.hotThreshold) {
        this.hot[j]!++;
        return undefined;
      }
      this.hot[j] = this.seenRuns; // still "seen" for translations to come
      entry = this.translateAt(pc, ctx, ppn, key, off);
      if (entry === undefined) return undefined;
    }
    this.cachePc[slot] = pc | 0;
    this.cacheTag[slot] = (this.generation << 5) | ctx;
    this.cacheRegion[slot] = entry.region;
    this.cacheBlock[slot] = entry.block;
    this.lookupBlock = entry.block;
    return entry.region;
  }

  private translateAt(pc: number, ctx: number, ppn: number, key: number, ramOff: number): Entry | undefined {
    const h = this.hart;
    const ram = h.bus.ram;
    const page = ramOff >>> 12;
    let p = this.pages.get(page);
    if (p && p.regions.length >= MAX_REGIONS_PER_PAGE) return undefined;
    // Only pages that PMP lets this privilege fetch from entirely are translated (no per-fetch checks).
    if (ctx & Ctx.FETCH_CHECKED && !h.pmp.allows(ppn * 4096, 4096, Access.Fetch, ctx & Ctx.PRIV)) return undefined;
    const t0 = performance.now();
    const pageOff = page * 4096;
    const u16 = ram.u16;
    const hot = this.hot;
    const seenRuns = this.seenRuns;
    const seen = (va: number): boolean => hot[hotIndex(va)]! >= seenRuns;
    // The trap vectors join when they lie in this page: a handler and the code it returns to then run
    // in one function (see translate's RESUME). A new hot entry elsewhere in the page gets a function
    // of its own (translating the page again would start V8's warm-up of it over).
    const entries = [pc];
    for (const tvec of [h.csr.mtvec, h.csr.stvec]) {
      const vector = (tvec & ~3) >>> 0;
      if (vector >>> 12 === pc >>> 12 && seen(vector)) entries.push(vector);
    }
    const unique = [...new Set(entries)];
    const t = translate(unique, ctx, this.machine32, (va) => u16[(pageOff + (va & 0xfff)) >>> 1]!, seen);
    if (t.blockPcs[0] !== pc) return undefined; // e.g. a 32-bit instruction straddling the page end
    const factory = new Function("env", t.source) as (env: Record<string, unknown>) => Translated;
    this.onTranslate?.(pc, ctx, t.source);
    const fn = factory(this.env);
    this.prime(fn);
    const region: Region = { fn, key, page, entries: unique.filter((e) => t.blockPcs.includes(e)), valid: true };
    let byPc = this.entries.get(key);
    if (!byPc) this.entries.set(key, (byPc = new Map()));
    if (!p) this.pages.set(page, (p = { regions: [], words: new Uint32Array(32) }));
    t.blockPcs.forEach((bpc, block) => byPc.set(bpc, { region, block }));
    p.regions.push(region);
    for (const [ipc, len] of t.code) {
      for (let w = (ipc & 0xfff) >>> 2; w <= ((ipc & 0xfff) + len - 1) >>> 2 && w < 1024; w++) p.words[w >>> 5]! |= 1 << (w & 31);
    }
    if (!(ram.pageFlags[page]! & PageFlag.Code)) {
      ram.pageFlags[page]! |= PageFlag.Code;
      h.fastTlb.dropStorePage(page);
    }
    this.stats.translations++;
    if (this.stats.translations % YIELD_CHECK === 0 && this.stats.retiredTranslated < MIN_YIELD * this.stats.translatedInstructions) {
      this.hotThreshold = Math.min(this.hotThreshold * 4, 65535);
    }
    this.stats.translatedInstructions += t.code.length;
    this.stats.translateSeconds += (performance.now() - t0) / 1e3;
    return byPc.get(pc);
  }

  /**
   * Run a new function's ways out once, with no effect on the hart: leaving, an indirect jump to a
   * pc elsewhere, a resume after a trap, a slow load or store that went on and one that trapped.
   * V8 optimizes a translated function as soon as a loop in it is hot, often before it ever
   * returned; an operation that has not run by then has no type feedback, and reaching it
   * deoptimizes the whole function (then V8 compiles it again: 10-50 ms each). qsort had 27 such
   * deoptimizations, now none (whole process 0.32 -> 0.27 s; hash 0.27 -> 0.23, bignum 0.28 -> 0.25).
   */
  private prime(fn: Translated): void {
    const h = this.hart;
    const pc = h.pc, retired = h.retired, slowStatus = h.slowStatus, slowStop = h.slowStop, landing = this.landing;
    // V8 gives a function its feedback vector (where type feedback is recorded) only after it has
    // used a budget of several times its size: large functions got none from these few calls, and
    // deoptimized anyway. A V8 flag makes the first call (the one that compiles it) allocate it.
    setFlagsFromString("--no-lazy-feedback-allocation");
    try {
      fn(LEAVE, 0);
    } finally {
      setFlagsFromString("--lazy-feedback-allocation");
    }
    fn(DISPATCH, 0);
    fn(RESUME, 0);
    h.slowStatus = 0;
    fn(PRIME_SLOW, 0);
    h.slowStatus = 2;
    h.slowStop = 0;
    fn(PRIME_SLOW, 0);
    h.pc = pc;
    h.retired = retired;
    h.slowStatus = slowStatus;
    h.slowStop = slowStop;
    this.landing = landing;
  }

  /** RAM bytes [off, off+width) are being written: drop the translations of their page if they read them. */
  codeWritten(off: number, width: number): void {
    for (let w = off >>> 2; w <= (off + width - 1) >>> 2; w++) {
      const page = w >>> 10;
      const p = this.pages.get(page);
      if (p && p.words[(w & 1023) >>> 5]! & (1 << (w & 31))) {
        this.dropPage(page);
        this.stats.invalidations++;
        this.hart.codeChanged = true;
      }
    }
  }

  private dropPage(page: number): void {
    const p = this.pages.get(page);
    if (!p) return;
    for (const r of p.regions) {
      r.valid = false;
      this.entries.delete(r.key);
    }
    this.pages.delete(page);
    // PageFlag.Code stays: the interpreter's decode cache has this page's instructions too.
    this.flushCache();
  }

  /** satp, SFENCE.VMA, PMP or MXR changed: the pc -> translation cache may be stale (the key map is not). */
  translationsChanged(): void {
    this.flushCache();
  }

  /** Reset: no translation survives. */
  reset(): void {
    for (const page of [...this.pages.keys()]) this.dropPage(page);
    this.entries.clear();
    this.hot.fill(0);
    this.flushCache();
    this.cacheRegion.fill(undefined); // let dropped functions go
  }

  private flushCache(): void {
    if (++this.generation >= 1 << 25) {
      this.generation = 0;
      this.cacheTag.fill(-1);
    }
  }
}

function hotIndex(pc: number): number {
  return ((pc >>> 1) ^ (pc >>> 15)) & (HOT_SIZE - 1);
}
