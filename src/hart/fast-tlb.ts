// The fast path's translation cache: virtual page -> RAM offset of the page, for loads and for stores,
// one set per effective data privilege (U, S, S with SUM, M under PMP). An entry exists only where a
// whole 4 KiB page is RAM that translation and PMP let that privilege access, so a hit needs no check
// at all; a store entry also needs a page with no PageFlag (code, HTIF, reservation). Filled by the
// hart's slow paths, read by translated code; flushed whenever what an entry assumed may change.
// (Sv32 A/D: a load entry comes from a walk that set A, a store entry from one that set D, 4.3.1.)

export const TLB_WAYS = 256;
export const TLB_SETS = 4;
const STORE_SLOT = 0x10000;
const MAX_SUPER_SLOTS = 256;

/** Set for an effective data privilege and mstatus.SUM: U 0, S 1, S+SUM 2, M 3. */
export function tlbSet(priv: number, sum: boolean): number {
  return priv === 3 ? 3 : priv === 1 ? (sum ? 2 : 1) : 0;
}

export class FastTlb {
  /** vpn (va >>> 12) per slot, or -1. Index: set * TLB_WAYS + (vpn & (TLB_WAYS - 1)). */
  readonly loadTag = new Int32Array(TLB_SETS * TLB_WAYS).fill(-1);
  /** RAM offset of the page (page-aligned) for a hit. */
  readonly loadOff = new Int32Array(TLB_SETS * TLB_WAYS);
  readonly storeTag = new Int32Array(TLB_SETS * TLB_WAYS).fill(-1);
  readonly storeOff = new Int32Array(TLB_SETS * TLB_WAYS);
  /** Slots filled from a superpage leaf (store slots + STORE_SLOT): one 4 KiB page's flush checks them. */
  private superSlots: number[] = [];

  flush(): void {
    this.loadTag.fill(-1);
    this.storeTag.fill(-1);
    this.superSlots.length = 0;
  }

  /**
   * SFENCE.VMA for one virtual address (4.2.1: it orders the leaf PTE of that address): its 4 KiB
   * page in every set, and every entry that came from a superpage covering it.
   */
  flushPage(va: number): void {
    const vpn = va >>> 12;
    for (let set = 0; set < TLB_SETS; set++) {
      const i = set * TLB_WAYS + (vpn & (TLB_WAYS - 1));
      if (this.loadTag[i] === vpn) this.loadTag[i] = -1;
      if (this.storeTag[i] === vpn) this.storeTag[i] = -1;
    }
    const vpn1 = vpn >>> 10;
    for (const slot of this.superSlots) {
      const tags = slot >= STORE_SLOT ? this.storeTag : this.loadTag;
      const i = slot & (STORE_SLOT - 1);
      if (tags[i] !== -1 && tags[i]! >>> 10 === vpn1) tags[i] = -1;
    }
  }

  fillLoad(set: number, va: number, ramPageOff: number, superpage: boolean): void {
    const i = set * TLB_WAYS + ((va >>> 12) & (TLB_WAYS - 1));
    this.loadTag[i] = va >>> 12;
    this.loadOff[i] = ramPageOff;
    if (superpage) this.noteSuper(i);
  }

  fillStore(set: number, va: number, ramPageOff: number, superpage: boolean): void {
    const i = set * TLB_WAYS + ((va >>> 12) & (TLB_WAYS - 1));
    this.storeTag[i] = va >>> 12;
    this.storeOff[i] = ramPageOff;
    if (superpage) this.noteSuper(i + STORE_SLOT);
  }

  private noteSuper(slot: number): void {
    if (this.superSlots.length >= MAX_SUPER_SLOTS) this.flush(); // keep page flushes cheap
    this.superSlots.push(slot);
  }

  /** A RAM page gained a PageFlag: stores to it must take the slow path from now on. */
  dropStorePage(page: number): void {
    const off = page * 4096;
    const tag = this.storeTag, o = this.storeOff;
    for (let i = 0; i < tag.length; i++) if (tag[i] !== -1 && o[i] === off) tag[i] = -1;
  }
}
