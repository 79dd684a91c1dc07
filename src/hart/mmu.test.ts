import { describe, expect, it } from "vitest";
import { MSTATUS } from "../csr/bits.js";
import { CsrFile } from "../csr/csr-file.js";
import { Machine } from "../machine.js";
import { Mmu, PTE, type PmpCheck } from "./mmu.js";
import { Access, PMPCFG, pmpAllows } from "./pmp.js";

const M = 3, S = 1, U = 0;
const { Fetch, Load, Store } = Access;
const { V, R, W, X, U: UB, G, A, D } = PTE;
const RAM = 0x80000000;
const ROOT = 0x80100000;
const L0 = 0x80101000; // second-level tables follow at 4 KiB steps
const SATP = (0x80000000 | (ROOT / 4096)) >>> 0;
const SUM = MSTATUS.SUM, MXR = MSTATUS.MXR;
const PAGE_FAULT: Record<number, number> = { [Fetch]: 12, [Load]: 13, [Store]: 15 };
const ACCESS_FAULT: Record<number, number> = { [Fetch]: 1, [Load]: 5, [Store]: 7 };

/** A PTE pointing at physical address `pa` (page-aligned, may exceed 2^32) with the given low bits. */
function pte(pa: number, flags: number): number {
  return ((pa / 4096) * 1024 + flags) >>> 0;
}

function setup(pmp: PmpCheck = () => true, tlbEntries?: number) {
  const m = new Machine({ ramSize: 1 << 22 });
  const mmu = new Mmu(m.bus, pmp, tlbEntries);
  const w32 = (pa: number, v: number) => m.ram.write(pa - RAM, 4, v >>> 0);
  const r32 = (pa: number) => m.ram.read(pa - RAM, 4);
  /** Root slot va[31:22] points at table L0 + n*4 KiB; n is the slot's index among mapped regions. */
  const tables = new Map<number, number>();
  const table = (va: number) => {
    const vpn1 = va >>> 22;
    let t = tables.get(vpn1);
    if (t === undefined) {
      t = L0 + tables.size * 4096;
      tables.set(vpn1, t);
      w32(ROOT + vpn1 * 4, pte(t, V));
    }
    return t;
  };
  /** Map the 4 KiB page at va to pa with leaf flags; returns the PTE's physical address. */
  const map = (va: number, pa: number, flags: number) => {
    const addr = table(va) + ((va >>> 12) & 0x3ff) * 4;
    w32(addr, pte(pa, flags));
    return addr;
  };
  /** Write a root (level-1) PTE for va; returns its physical address. */
  const mapRoot = (va: number, value: number) => {
    const addr = ROOT + (va >>> 22) * 4;
    w32(addr, value);
    return addr;
  };
  const tr = (va: number, access: number, priv = S, mstatus = 0, satp = SATP) => {
    const pa = mmu.translate(va, access, priv, satp, mstatus);
    return pa < 0 ? `fault ${mmu.cause}` : pa;
  };
  return { m, mmu, w32, r32, map, mapRoot, tr };
}

describe("Sv32: modes that do not translate", () => {
  it("M-mode and satp.MODE=Bare return the address unchanged", () => {
    const { mmu } = setup(() => false);
    expect(mmu.translate(0x12345678, Load, M, SATP, 0)).toBe(0x12345678);
    expect(mmu.translate(-4, Store, M, SATP, 0)).toBe(0xfffffffc);
    expect(mmu.translate(0x12345678, Fetch, S, ROOT / 4096, 0)).toBe(0x12345678); // MODE=0
    expect(mmu.translate(0xdeadbeef, Load, U, 0, 0)).toBe(0xdeadbeef);
    expect(mmu.walks).toBe(0);
  });
});

/** Leaf permissions in the words of 4.3.1 and 3.1.6.3, independent of mmu.ts. */
function referenceLeaf(flags: number, access: number, priv: number, sum: boolean, mxr: boolean): boolean {
  const readable = (flags & R) !== 0, writable = (flags & W) !== 0, executable = (flags & X) !== 0;
  if (!readable && writable) return false; // reserved encoding: page fault
  if (!readable && !executable) return false; // a pointer at level 0: page fault
  const userPage = (flags & UB) !== 0;
  // "U-mode software may only access the page when U=1."
  if (priv === U && !userPage) return false;
  if (priv === S && userPage) {
    // "Irrespective of SUM, the supervisor may not execute code on pages with U=1."
    if (access === Fetch) return false;
    // "If SUM=0, S-mode memory accesses to pages that are accessible by U-mode will fault."
    if (!sum) return false;
  }
  switch (access) {
    case Fetch: return executable;
    case Store: return writable;
    default: return readable || (mxr && executable); // MXR: loads from executable pages succeed
  }
}

describe("Sv32 leaf permissions (4.3.1, 3.1.6.3)", () => {
  it("every R/W/X/U combination x access type x S/U x SUM x MXR, on a walk and on a TLB hit", () => {
    const { mmu, map, tr } = setup();
    const actual: string[] = [];
    const expected: string[] = [];
    for (let rwxu = 0; rwxu < 16; rwxu++) {
      const flags = (rwxu << 1) | V | A | D;
      const va = 0x40000000 + rwxu * 0x1000;
      const pa = 0x80200000 + rwxu * 0x1000;
      map(va, pa, flags);
      mmu.flush();
      // Order the cases so that both fresh walks and hits on entries filled under other modes occur.
      for (const mxr of [false, true]) {
        for (const sum of [false, true]) {
          for (const priv of [U, S]) {
            for (const access of [Load, Store, Fetch]) {
              const key = `R${rwxu & 1}W${(rwxu >> 1) & 1}X${(rwxu >> 2) & 1}U${(rwxu >> 3) & 1} ${"FLS"[access]} priv=${priv} SUM=${+sum} MXR=${+mxr}`;
              const mstatus = (sum ? SUM : 0) | (mxr ? MXR : 0);
              const want = referenceLeaf(flags, access, priv, sum, mxr) ? pa + 0x123 : `fault ${PAGE_FAULT[access]}`;
              for (const pass of ["first", "again"]) {
                actual.push(`${key} ${pass}: ${tr(va + 0x123, access, priv, mstatus)}`);
                expected.push(`${key} ${pass}: ${want}`);
              }
            }
          }
        }
      }
    }
    expect(actual).toEqual(expected);
    expect(expected.filter((e) => !e.includes("fault")).length).toBeGreaterThan(50);
  });

  it("the same rules hold for a superpage leaf", () => {
    const { mapRoot, tr } = setup();
    mapRoot(0x40000000, pte(0x80000000, V | R | X | UB | A | D));
    expect(tr(0x40012345, Load, U)).toBe(0x80012345);
    expect(tr(0x40012345, Fetch, U)).toBe(0x80012345);
    expect(tr(0x40012345, Store, U)).toBe("fault 15");
    expect(tr(0x40012345, Load, S)).toBe("fault 13");
    expect(tr(0x40012345, Load, S, SUM)).toBe(0x80012345);
    expect(tr(0x40012345, Fetch, S, SUM)).toBe("fault 12");
  });
});

describe("Sv32 page-table walk (4.3.2)", () => {
  it("4 KiB pages: pa = leaf PPN * 4096 + offset", () => {
    const { map, tr } = setup();
    map(0x00400000, 0x80300000, V | R | W | A | D);
    map(0xfffff000, 0x80301000, V | R | A);
    expect(tr(0x00400abc, Load)).toBe(0x80300abc);
    expect(tr(0x00400ffc, Store)).toBe(0x80300ffc);
    expect(tr(0xfffffffc, Load)).toBe(0x80301ffc);
    expect(tr(-4, Load)).toBe(0x80301ffc); // a signed va works too
  });

  it("aligned superpages map 4 MiB with va[21:0] as the offset", () => {
    const { mapRoot, tr } = setup();
    mapRoot(0xc0000000, pte(0x80000000, V | R | W | X | A | D));
    expect(tr(0xc0000000, Fetch)).toBe(0x80000000);
    expect(tr(0xc03ffffc, Store)).toBe(0x803ffffc);
    expect(tr(0xc0123456, Load)).toBe(0x80123456);
  });

  it("misaligned superpages (PPN[0] != 0) page-fault for every access type", () => {
    const { mapRoot, tr } = setup();
    mapRoot(0xc0000000, pte(0x80001000, V | R | W | X | A | D));
    for (const access of [Fetch, Load, Store]) expect(tr(0xc0000000, access)).toBe(`fault ${PAGE_FAULT[access]}`);
  });

  it("V=0 and the reserved W-without-R page-fault at either level", () => {
    for (const bad of [0, R | W | X | A | D, V | W, V | W | X, V | W | A | D]) {
      const leaf = setup();
      leaf.map(0x00400000, 0x80300000, bad);
      const root = setup();
      root.mapRoot(0x00400000, bad === 0 ? 0 : pte(0x80000000, bad));
      for (const access of [Fetch, Load, Store]) {
        expect(leaf.tr(0x00400000, access)).toBe(`fault ${PAGE_FAULT[access]}`);
        expect(root.tr(0x00400000, access)).toBe(`fault ${PAGE_FAULT[access]}`);
      }
    }
  });

  it("a pointer (R=X=0) at level 0 page-faults", () => {
    const { map, tr } = setup();
    map(0x00400000, L0, V);
    map(0x00401000, L0, V | A | D | UB);
    for (const access of [Fetch, Load, Store]) {
      expect(tr(0x00400000, access)).toBe(`fault ${PAGE_FAULT[access]}`);
      expect(tr(0x00401000, access, U)).toBe(`fault ${PAGE_FAULT[access]}`);
    }
  });

  it("unmapped root slots page-fault", () => {
    const { tr } = setup();
    expect(tr(0x12345000, Load)).toBe("fault 13");
  });

  it("leaf PPNs above 4 GiB give 34-bit physical addresses (the bus faults them later)", () => {
    const { map, mapRoot, tr } = setup();
    map(0x00400000, 0x3fffff000, V | R | W | A | D);
    mapRoot(0x40000000, pte(0x200000000, V | R | A | D));
    expect(tr(0x00400abc, Load)).toBe(0x3fffffabc);
    expect(tr(0x40123456, Load)).toBe(0x200123456);
  });

  it("page tables outside RAM (no device, or above 4 GiB) give an access fault of the access's type", () => {
    const { mmu } = setup();
    for (const rootPa of [0x00001000, 0x3ff000000, 0x10000000 /* UART: not main memory */]) {
      for (const access of [Fetch, Load, Store]) {
        expect(mmu.translate(0x00400000, access, S, (0x80000000 | (rootPa / 4096)) >>> 0, 0)).toBe(-1);
        expect(mmu.cause).toBe(ACCESS_FAULT[access]);
      }
    }
    // A root PTE pointing the second level outside RAM.
    const t = setup();
    t.mapRoot(0x00400000, pte(0x00002000, V));
    for (const access of [Fetch, Load, Store]) expect(t.tr(0x00400000, access)).toBe(`fault ${ACCESS_FAULT[access]}`);
  });
});

describe("Sv32 A/D updates (4.3.2 step 7, done by the hart)", () => {
  it("sets A on a load or fetch and A|D on a store, writing the PTE back to RAM", () => {
    const { map, r32, tr } = setup();
    const base = V | R | W | X;
    const load = map(0x00400000, 0x80300000, base);
    const fetch = map(0x00401000, 0x80301000, base);
    const store = map(0x00402000, 0x80302000, base);
    const both = map(0x00403000, 0x80303000, base | A);
    expect(tr(0x00400000, Load)).toBe(0x80300000);
    expect(tr(0x00401000, Fetch)).toBe(0x80301000);
    expect(tr(0x00402000, Store)).toBe(0x80302000);
    expect(tr(0x00403000, Store)).toBe(0x80303000);
    expect(r32(load)).toBe(pte(0x80300000, base | A));
    expect(r32(fetch)).toBe(pte(0x80301000, base | A));
    expect(r32(store)).toBe(pte(0x80302000, base | A | D));
    expect(r32(both)).toBe(pte(0x80303000, base | A | D));
  });

  it("superpage leaves get A/D in the root table", () => {
    const { mapRoot, r32, tr } = setup();
    const addr = mapRoot(0x40000000, pte(0x80000000, V | R | W));
    expect(tr(0x40000010, Store)).toBe(0x80000010);
    expect(r32(addr)).toBe(pte(0x80000000, V | R | W | A | D));
  });

  it("a faulting access leaves A and D alone", () => {
    const { map, r32, tr } = setup();
    const ro = map(0x00400000, 0x80300000, V | R);
    const user = map(0x00401000, 0x80301000, V | R | W | UB);
    expect(tr(0x00400000, Store)).toBe("fault 15");
    expect(tr(0x00401000, Load, S)).toBe("fault 13");
    expect(r32(ro)).toBe(pte(0x80300000, V | R));
    expect(r32(user)).toBe(pte(0x80301000, V | R | W | UB));
  });

  it("a store hitting a TLB entry filled by a load walks again and sets D", () => {
    const { mmu, map, r32, tr } = setup();
    const addr = map(0x00400000, 0x80300000, V | R | W);
    expect(tr(0x00400000, Load)).toBe(0x80300000);
    expect(tr(0x00400004, Load)).toBe(0x80300004);
    expect(mmu.walks).toBe(1);
    expect(r32(addr)).toBe(pte(0x80300000, V | R | W | A));
    expect(tr(0x00400008, Store)).toBe(0x80300008);
    expect(mmu.walks).toBe(2);
    expect(r32(addr)).toBe(pte(0x80300000, V | R | W | A | D));
    expect(tr(0x0040000c, Store)).toBe(0x8030000c);
    expect(tr(0x00400010, Load)).toBe(0x80300010);
    expect(mmu.walks).toBe(2);
  });

  it("leaves already marked A (and D for stores) are not written", () => {
    const writes: number[] = [];
    const { map, tr } = setup((pa, _size, access) => { if (access === Store) writes.push(pa); return true; });
    map(0x00400000, 0x80300000, V | R | W | A | D);
    map(0x00401000, 0x80301000, V | R | W | A);
    tr(0x00400000, Store);
    tr(0x00401000, Load);
    expect(writes).toEqual([]);
    tr(0x00401000, Store);
    expect(writes.length).toBe(1);
  });
});

describe("Sv32 and PMP on page-table accesses (3.7.1, 4.3.2)", () => {
  it("checks each PTE read as an S-mode load and each A/D write as an S-mode store", () => {
    const calls: string[] = [];
    const { map, tr } = setup((pa, size, access, priv) => {
      calls.push(`${pa.toString(16)} ${size} ${"FLS"[access]} ${priv}`);
      return true;
    });
    const leaf = map(0x00400000, 0x80300000, V | R | W | UB);
    tr(0x00400000, Store, U);
    expect(calls).toEqual([
      `${(ROOT + 4).toString(16)} 4 L 1`,
      `${leaf.toString(16)} 4 L 1`,
      `${leaf.toString(16)} 4 S 1`,
    ]);
  });

  it("a PTE read denied by PMP is an access fault of the original access type", () => {
    const csr = new CsrFile(0);
    // Entry 0: the second-level table's first 4 KiB is inaccessible to S/U; entry 1: everything else RWX.
    csr.pmpcfg[0] = (3 << 3);
    csr.pmpaddr[0] = (L0 / 4 + (4096 / 8 - 1)) >>> 0;
    csr.pmpcfg[1] = (3 << 3) | PMPCFG.R | PMPCFG.W | PMPCFG.X;
    csr.pmpaddr[1] = 0xffffffff;
    const { map, r32, tr } = setup((pa, size, access, priv) => pmpAllows(csr, pa, size, access, priv));
    const leaf = map(0x00400000, 0x80300000, V | R | W | X);
    for (const access of [Fetch, Load, Store]) {
      expect(tr(0x00400000, access)).toBe(`fault ${ACCESS_FAULT[access]}`);
      expect(tr(0x00400000, access, U)).toBe(`fault ${ACCESS_FAULT[access]}`); // U-mode accesses walk as S too
    }
    expect(r32(leaf)).toBe(pte(0x80300000, V | R | W | X));
    // Denying the root table instead.
    csr.pmpaddr[0] = (ROOT / 4 + (4096 / 8 - 1)) >>> 0;
    for (const access of [Fetch, Load, Store]) expect(tr(0x00400000, access)).toBe(`fault ${ACCESS_FAULT[access]}`);
  });

  it("an A/D write denied by PMP is an access fault and leaves the PTE unchanged", () => {
    const csr = new CsrFile(0);
    csr.pmpcfg[0] = (3 << 3) | PMPCFG.R; // the second-level table is read-only to S
    csr.pmpaddr[0] = (L0 / 4 + (4096 / 8 - 1)) >>> 0;
    csr.pmpcfg[1] = (3 << 3) | PMPCFG.R | PMPCFG.W | PMPCFG.X;
    csr.pmpaddr[1] = 0xffffffff;
    const { map, r32, tr } = setup((pa, size, access, priv) => pmpAllows(csr, pa, size, access, priv));
    const fresh = map(0x00400000, 0x80300000, V | R | W | X);
    const accessed = map(0x00401000, 0x80301000, V | R | W | X | A);
    const dirty = map(0x00402000, 0x80302000, V | R | W | X | A | D);
    for (const access of [Fetch, Load, Store]) expect(tr(0x00400000, access)).toBe(`fault ${ACCESS_FAULT[access]}`);
    expect(tr(0x00401000, Load)).toBe(0x80301000); // no write needed
    expect(tr(0x00401000, Store)).toBe("fault 7"); // D must be set
    expect(tr(0x00402000, Store)).toBe(0x80302000);
    expect(r32(fresh)).toBe(pte(0x80300000, V | R | W | X));
    expect(r32(accessed)).toBe(pte(0x80301000, V | R | W | X | A));
    expect(r32(dirty)).toBe(pte(0x80302000, V | R | W | X | A | D));
  });

  it("page faults found before the A/D step win over a denied A/D write", () => {
    const { map, tr } = setup((_pa, _size, access) => access !== Store);
    map(0x00400000, 0x80300000, V | R); // store not permitted by the PTE
    expect(tr(0x00400000, Store)).toBe("fault 15");
  });
});

describe("Sv32 TLB", () => {
  it("hits without walking; a changed PTE may persist until flush(), never after", () => {
    const { mmu, map, tr } = setup();
    map(0x00400000, 0x80300000, V | R | A);
    expect(tr(0x00400010, Load)).toBe(0x80300010);
    expect(tr(0x00400020, Load)).toBe(0x80300020);
    expect(mmu.walks).toBe(1);
    map(0x00400000, 0x80310000, V | R | A);
    expect(tr(0x00400010, Load)).toBe(0x80300010); // stale until SFENCE.VMA (allowed by 4.2.1)
    mmu.flush();
    expect(tr(0x00400010, Load)).toBe(0x80310010);
  });

  it("flush(vaddr) drops that page; flush(vaddr, asid) and flush(undefined, asid) too", () => {
    const { mmu, map, tr } = setup();
    map(0x00400000, 0x80300000, V | R | A);
    tr(0x00400000, Load);
    map(0x00400000, 0x80310000, V | R | A);
    mmu.flush(0x00400abc);
    expect(tr(0x00400000, Load)).toBe(0x80310000);
    map(0x00400000, 0x80320000, V | R | A);
    mmu.flush(0x00400000, 0);
    expect(tr(0x00400000, Load)).toBe(0x80320000);
    map(0x00400000, 0x80330000, V | R | A);
    mmu.flush(undefined, 0);
    expect(tr(0x00400000, Load)).toBe(0x80330000);
  });

  it("flush(undefined, asid) drops that address space's non-global pages; flush(vaddr, asid) drops global ones too", () => {
    const { mmu, map, tr } = setup();
    const satp5 = (SATP | (5 << 22)) >>> 0;
    map(0x00400000, 0x80300000, V | R | A);
    map(0x00401000, 0x80301000, V | R | A | G);
    tr(0x00400000, Load, S, 0, satp5);
    tr(0x00401000, Load, S, 0, satp5);
    map(0x00400000, 0x80310000, V | R | A);
    map(0x00401000, 0x80311000, V | R | A | G);
    mmu.flush(undefined, 5);
    expect(tr(0x00400000, Load, S, 0, satp5)).toBe(0x80310000);
    mmu.flush(0x00401000, 5);
    expect(tr(0x00401000, Load, S, 0, satp5)).toBe(0x80311000);
  });

  it("flush(vaddr) anywhere in a superpage drops every cached 4 KiB piece of it", () => {
    const { mmu, mapRoot, tr } = setup();
    mapRoot(0x40000000, pte(0x80000000, V | R | A));
    expect(tr(0x40000000, Load)).toBe(0x80000000);
    expect(tr(0x40123000, Load)).toBe(0x80123000);
    expect(tr(0x403ff000, Load)).toBe(0x803ff000);
    mapRoot(0x40000000, pte(0x80400000, V | R | A));
    mmu.flush(0x40200000);
    expect(tr(0x40000000, Load)).toBe(0x80400000);
    expect(tr(0x40123000, Load)).toBe(0x80523000);
    expect(tr(0x403ff000, Load)).toBe(0x807ff000);
  });

  it("is tagged with satp: a different root or ASID never hits another's entries", () => {
    const { mmu, map, w32, tr } = setup();
    map(0x00400000, 0x80300000, V | R | A);
    expect(tr(0x00400000, Load)).toBe(0x80300000);
    // A second root table at 0x80180000 mapping the same va elsewhere through a superpage.
    const root2 = 0x80180000;
    w32(root2 + (0x00400000 >>> 22) * 4, pte(0x80000000, V | R | A));
    const satp2 = (0x80000000 | (root2 / 4096)) >>> 0;
    expect(tr(0x00400123, Load, S, 0, satp2)).toBe(0x80000123);
    expect(tr(0x00400123, Load, S, 0, (SATP | (1 << 22)) >>> 0)).toBe(0x80300123); // other ASID: walks
    expect(tr(0x00400123, Load, S, 0, SATP)).toBe(0x80300123);
    expect(tr(0x00400123, Load, S, 0, satp2)).toBe(0x80000123);
    expect(mmu.walks).toBe(5); // one slot per page: each switch of address space refills it
    // The lead flushes on satp writes as well; after that nothing of the old space is left.
    mmu.flush();
    expect(tr(0x00400123, Load, S, 0, satp2)).toBe(0x80000123);
    expect(mmu.walks).toBe(6);
  });

  it("re-checks permissions on hits: SUM, MXR and privilege changes apply without a flush", () => {
    const { mmu, map, tr } = setup();
    map(0x00400000, 0x80300000, V | R | W | UB | A | D);
    map(0x00401000, 0x80301000, V | X | A);
    expect(tr(0x00400000, Load, U)).toBe(0x80300000);
    expect(tr(0x00400000, Load, S)).toBe("fault 13");
    expect(tr(0x00400000, Load, S, SUM)).toBe(0x80300000);
    expect(tr(0x00401000, Fetch, S)).toBe(0x80301000);
    expect(tr(0x00401000, Load, S)).toBe("fault 13");
    expect(tr(0x00401000, Load, S, MXR)).toBe(0x80301000);
    expect(tr(0x00401000, Fetch, U)).toBe("fault 12");
    expect(mmu.walks).toBeLessThanOrEqual(7);
  });

  it("a denied hit walks again, so a permission upgrade needs no flush", () => {
    const { map, tr } = setup();
    map(0x00400000, 0x80300000, V | R | A);
    expect(tr(0x00400000, Load)).toBe(0x80300000);
    expect(tr(0x00400000, Store)).toBe("fault 15");
    map(0x00400000, 0x80300000, V | R | W | A | D);
    expect(tr(0x00400000, Store)).toBe(0x80300000);
  });

  it("pages whose numbers collide in the direct-mapped TLB evict each other correctly", () => {
    const { mmu, map, tr } = setup(() => true, 4);
    map(0x00400000, 0x80300000, V | R | A);
    map(0x00404000, 0x80304000, V | R | A); // same slot in a 4-entry TLB
    for (let i = 0; i < 3; i++) {
      expect(tr(0x00400004, Load)).toBe(0x80300004);
      expect(tr(0x00404008, Load)).toBe(0x80304008);
    }
    expect(mmu.walks).toBe(6);
  });

  it("rejects a TLB size that is not a power of two", () => {
    const m = new Machine({ ramSize: 1 << 22 });
    expect(() => new Mmu(m.bus, () => true, 100)).toThrow(/power of two/);
  });
});

// ---- Randomized comparison with a reference walker written from 4.3.2 ----

interface Outcome { result: number | string; write?: [number, number] }

function referenceTranslate(
  read: (pa: number) => number | undefined, pmp: PmpCheck,
  va: number, access: number, priv: number, satp: number, mstatus: number,
): Outcome {
  va >>>= 0;
  if (priv === M || satp >>> 31 === 0) return { result: va };
  const vpn = [(va >>> 12) & 0x3ff, va >>> 22];
  let a = (satp & 0x3fffff) * 4096;
  let i = 1;
  let entry = 0, addr = 0;
  for (;;) {
    addr = a + vpn[i]! * 4;
    if (!pmp(addr, 4, Load, S)) return { result: `fault ${ACCESS_FAULT[access]}` };
    const v = read(addr);
    if (v === undefined) return { result: `fault ${ACCESS_FAULT[access]}` };
    entry = v;
    if (!(entry & V) || (!(entry & R) && entry & W)) return { result: `fault ${PAGE_FAULT[access]}` };
    if (entry & (R | X)) break;
    i--;
    if (i < 0) return { result: `fault ${PAGE_FAULT[access]}` };
    a = Math.floor(entry / 1024) * 4096;
  }
  if (!referenceLeaf(entry, access, priv, (mstatus & SUM) !== 0, (mstatus & MXR) !== 0)) {
    return { result: `fault ${PAGE_FAULT[access]}` };
  }
  const ppn = Math.floor(entry / 1024);
  if (i > 0 && ppn % 1024 !== 0) return { result: `fault ${PAGE_FAULT[access]}` };
  let write: [number, number] | undefined;
  if (!(entry & A) || (access === Store && !(entry & D))) {
    if (!pmp(addr, 4, Store, S)) return { result: `fault ${ACCESS_FAULT[access]}` };
    write = [addr, (entry | A | (access === Store ? D : 0)) >>> 0];
  }
  const result = i > 0 ? Math.floor(ppn / 1024) * 2 ** 22 + (va % 2 ** 22) : ppn * 4096 + (va % 4096);
  return write ? { result, write } : { result };
}

describe("Sv32 against a reference walker", () => {
  it("random page tables, accesses, A/D updates, PMP denials and flushes", () => {
    let seed = 2024;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const vpn1s = [0, 1, 0x100, 0x3ff];
    const vpn0s = [0, 1, 2, 0x3ff];
    let ok = 0, faults = 0, writes = 0;
    for (let round = 0; round < 60; round++) {
      const deniedLoad = new Set<number>(), deniedStore = new Set<number>();
      const pmp: PmpCheck = (pa, _size, access) =>
        !(access === Load ? deniedLoad : access === Store ? deniedStore : new Set()).has(pa);
      const t = setup(pmp, [4, 16, 256][round % 3]);
      const read = (pa: number) => (pa >= RAM && pa + 4 <= RAM + (1 << 22) ? t.r32(pa) : undefined);
      const tableOf = (k: number) => L0 + k * 4096;
      const randomTarget = (superpage: boolean): number => {
        switch (rnd(6)) {
          case 0: return 0x80000000; // aligned 4 MiB
          case 1: return superpage ? 0x80001000 : 0x80305000; // misaligned superpage if a root leaf
          case 2: return 0x00002000; // outside RAM
          case 3: return 0x3ffc00000; // above 4 GiB
          default: return 0x80200000 + rnd(64) * 4096;
        }
      };
      const randomFlags = () => (rnd(3) === 0 ? rnd(256) : V | (rnd(16) << 1) | (rnd(4) << 6)) | (rnd(4) === 0 ? G : 0);
      const randomRoot = (k: number) => {
        const kind = rnd(4);
        if (kind <= 1) return pte(tableOf(k), V | (rnd(8) === 0 ? rnd(256) & ~(R | X) : 0)); // pointer (sometimes odd bits)
        if (kind === 2) return pte(randomTarget(true), randomFlags());
        return rnd(2) ? 0 : pte(randomTarget(true), rnd(256));
      };
      for (let k = 0; k < vpn1s.length; k++) {
        t.w32(ROOT + vpn1s[k]! * 4, randomRoot(k));
        for (const v0 of vpn0s) t.w32(tableOf(k) + v0 * 4, pte(randomTarget(false), randomFlags()));
      }
      // Some PTE slots are off-limits to PMP.
      for (let n = rnd(3); n > 0; n--) {
        const k = rnd(vpn1s.length);
        const slot = rnd(2) ? ROOT + vpn1s[k]! * 4 : tableOf(k) + vpn0s[rnd(vpn0s.length)]! * 4;
        (rnd(2) ? deniedLoad : deniedStore).add(slot);
      }
      for (let step = 0; step < 200; step++) {
        const k = rnd(vpn1s.length);
        const va = ((vpn1s[k]! << 22) | (vpn0s[rnd(vpn0s.length)]! << 12) | (rnd(1024) * 4)) >>> 0;
        if (rnd(10) === 0) {
          // Change a PTE, then SFENCE.VMA as software must (rs1=x0 after changing a non-leaf PTE).
          if (rnd(2)) {
            const addr = ROOT + vpn1s[k]! * 4;
            const wasPointer = (t.r32(addr) & (V | R | X)) === V;
            t.w32(addr, randomRoot(k));
            if (wasPointer || rnd(3) === 0) t.mmu.flush(); else t.mmu.flush((va & 0xffc00000) | (rnd(1024) << 12), rnd(2) ? undefined : rnd(512));
          } else {
            const addr = tableOf(k) + ((va >>> 12) & 0x3ff) * 4;
            t.w32(addr, pte(randomTarget(false), randomFlags()));
            if (rnd(3) === 0) t.mmu.flush(); else t.mmu.flush(va, rnd(2) ? undefined : rnd(512));
          }
          continue;
        }
        const access = rnd(3), priv = [U, S, S, M][rnd(4)]!;
        const mstatus = (rnd(2) ? SUM : 0) | (rnd(2) ? MXR : 0);
        const satp = rnd(20) === 0 ? ROOT / 4096 : SATP; // sometimes Bare
        const want = referenceTranslate(read, pmp, va, access, priv, satp, mstatus);
        const before = want.write ? t.r32(want.write[0]) : 0;
        const got = t.tr(va, access, priv, mstatus, satp);
        expect({ step, va, access, priv, mstatus, got }).toEqual({ step, va, access, priv, mstatus, got: want.result });
        if (want.write) {
          writes++;
          expect(t.r32(want.write[0])).toBe(want.write[1]);
          expect(before).not.toBe(want.write[1]);
        }
        if (typeof got === "number") ok++; else faults++;
      }
    }
    expect(ok).toBeGreaterThan(1000);
    expect(faults).toBeGreaterThan(1000);
    expect(writes).toBeGreaterThan(100);
  });
});
