import { describe, expect, it } from "vitest";
import { CsrFile } from "../csr/csr-file.js";
import { Access, PMPCFG, PmpTable, pmpAllows, pmpRange, pmpSummary } from "./pmp.js";

const M = 3, S = 1, U = 0;
const { Fetch, Load, Store } = Access;
const R = PMPCFG.R, W = PMPCFG.W, X = PMPCFG.X, L = PMPCFG.L;
const RWX = R | W | X;
const TOR = 1 << 3, NA4 = 2 << 3, NAPOT = 3 << 3;

function csrs(entries: [number, number][] = []): CsrFile {
  const c = new CsrFile(0);
  entries.forEach(([cfg, addr], i) => { c.pmpcfg[i] = cfg; c.pmpaddr[i] = addr >>> 0; });
  return c;
}

/** pmpaddr for a NAPOT region of `size` bytes (a power of two >= 8) at `base` (size-aligned). */
function napot(base: number, size: number): number {
  return (base / 4 + (size / 8 - 1)) >>> 0;
}

/** All of (access, priv) for one address: a compact string to compare. */
function rights(c: CsrFile, addr: number, size = 4): string {
  let s = "";
  for (const priv of [M, S, U]) {
    for (const access of [Load, Store, Fetch]) s += pmpAllows(c, addr, size, access, priv) ? "rwx"[access === Fetch ? 2 : access === Load ? 0 : 1] : "-";
    if (priv !== U) s += " ";
  }
  return s;
}

// ---- An independent reference, byte by byte with BigInt, from the text of 3.7.1. ----
function refRange(cfg: number, addr: bigint, prev: bigint): [bigint, bigint] | undefined {
  const a = (cfg >> 3) & 3;
  if (a === 0) return undefined;
  if (a === 1) return [prev << 2n, addr << 2n];
  if (a === 2) return [addr << 2n, (addr << 2n) + 4n];
  let k = 0n; // trailing ones of pmpaddr
  while (k < 32n && ((addr >> k) & 1n) === 1n) k++;
  const size = 1n << (k + 3n);
  const base = (addr & ~((1n << (k + 1n)) - 1n)) << 2n;
  return [base, base + size];
}
function refAllows(c: CsrFile, addr: number, size: number, access: number, priv: number): boolean {
  const a0 = BigInt(addr);
  for (let i = 0; i < 64; i++) {
    const r = refRange(c.pmpcfg[i]!, BigInt(c.pmpaddr[i]!), i === 0 ? 0n : BigInt(c.pmpaddr[i - 1]!));
    if (!r) continue;
    let inside = 0;
    for (let b = 0n; b < BigInt(size); b++) if (a0 + b >= r[0] && a0 + b < r[1]) inside++;
    if (inside === 0) continue;
    if (inside !== size) return false; // partial match fails
    const cfg = c.pmpcfg[i]!;
    if (priv === M && !(cfg & L)) return true;
    const bit = access === Fetch ? X : access === Load ? R : W;
    return (cfg & bit) !== 0;
  }
  return priv === M;
}

describe("PMP address matching (3.7.1)", () => {
  it("NA4 covers exactly four bytes at pmpaddr*4", () => {
    const c = csrs([[NA4 | R, 0x80001000 / 4]]);
    expect(pmpRange(c, 0)).toEqual({ lo: 0x80001000, hi: 0x80001004 });
    expect(rights(c, 0x80001000)).toBe("rwx r-- r--");
    expect(rights(c, 0x80001003, 1)).toBe("rwx r-- r--");
    expect(rights(c, 0x80001004)).toBe("rwx --- ---");
    expect(rights(c, 0x80000ffc)).toBe("rwx --- ---");
  });

  it("NAPOT: trailing ones give the size, from 8 bytes to the whole 2^34 space", () => {
    expect(pmpRange(csrs([[NAPOT, 0x20000400]]), 0)).toEqual({ lo: 0x80001000, hi: 0x80001008 });
    expect(pmpRange(csrs([[NAPOT, 0x20000401]]), 0)).toEqual({ lo: 0x80001000, hi: 0x80001010 });
    expect(pmpRange(csrs([[NAPOT, napot(0x80000000, 1 << 20)]]), 0)).toEqual({ lo: 0x80000000, hi: 0x80100000 });
    expect(pmpRange(csrs([[NAPOT, 0x1fffffff]]), 0)).toEqual({ lo: 0, hi: 2 ** 32 });
    expect(pmpRange(csrs([[NAPOT, 0x3fffffff]]), 0)).toEqual({ lo: 0, hi: 2 ** 33 });
    expect(pmpRange(csrs([[NAPOT, 0x7fffffff]]), 0)).toEqual({ lo: 0, hi: 2 ** 34 });
    expect(pmpRange(csrs([[NAPOT, 0xffffffff]]), 0)).toEqual({ lo: 0, hi: 2 ** 35 });
    expect(pmpRange(csrs([[NAPOT, 0xbfffffff]]), 0)).toEqual({ lo: 2 ** 33, hi: 2 ** 34 });
    const c = csrs([[NAPOT | R | X, napot(0x80000000, 0x2000)]]);
    expect(rights(c, 0x80000000)).toBe("rwx r-x r-x");
    expect(rights(c, 0x80001ffc)).toBe("rwx r-x r-x");
    expect(rights(c, 0x80002000)).toBe("rwx --- ---");
  });

  it("TOR: [pmpaddr[i-1]*4, pmpaddr[i]*4), entry 0 from 0, using the previous address whatever its mode", () => {
    const c = csrs([[TOR | R, 0x1000 / 4], [0, 0x3000 / 4], [TOR | W | R, 0x4000 / 4]]);
    expect(pmpRange(c, 0)).toEqual({ lo: 0, hi: 0x1000 });
    expect(pmpRange(c, 1)).toEqual({ lo: 0, hi: 0 }); // OFF
    expect(pmpRange(c, 2)).toEqual({ lo: 0x3000, hi: 0x4000 });
    expect(rights(c, 0)).toBe("rwx r-- r--");
    expect(rights(c, 0xffc)).toBe("rwx r-- r--");
    expect(rights(c, 0x1000)).toBe("rwx --- ---");
    expect(rights(c, 0x2ffc)).toBe("rwx --- ---");
    expect(rights(c, 0x3000)).toBe("rwx rw- rw-");
    expect(rights(c, 0x3ffc)).toBe("rwx rw- rw-");
    expect(rights(c, 0x4000)).toBe("rwx --- ---");
  });

  it("TOR with pmpaddr[i-1] >= pmpaddr[i] matches nothing", () => {
    const c = csrs([[0, 0x2000 / 4], [TOR | RWX, 0x1000 / 4], [TOR | RWX, 0x1000 / 4]]);
    for (const a of [0, 0xffc, 0x1000, 0x1ffc, 0x2000]) expect(rights(c, a)).toBe("rwx --- ---");
  });

  it("34-bit physical addresses above 4 GiB", () => {
    const c = csrs([[NAPOT | R, napot(0x300000000, 0x1000)], [TOR | W, 0x3fffffffc / 4]]);
    expect(rights(c, 0x300000000)).toBe("rwx r-- r--");
    expect(rights(c, 0x300001000)).toBe("rwx -w- -w-");
    expect(rights(c, 0x3fffffff8)).toBe("rwx -w- -w-");
    expect(rights(c, 0x3fffffffc)).toBe("rwx --- ---"); // TOR cannot reach the last grain
    // Entry 1's bottom is the raw pmpaddr0 of the NAPOT entry (0xc00001ff * 4), not its region.
    expect(pmpRange(c, 1)).toEqual({ lo: 0x3000007fc, hi: 0x3fffffffc });
    expect(rights(c, 0x3000007f8)).toBe("rwx r-- r--");
    expect(rights(c, 0x00001000)).toBe("rwx --- ---");
  });
});

describe("PMP decision (3.7.1.2)", () => {
  it("R/W/X each grant one access type to S and U", () => {
    for (let perm = 0; perm < 8; perm++) {
      const c = csrs([[NAPOT | perm, 0xffffffff]]);
      for (const priv of [S, U]) {
        expect(pmpAllows(c, 0x1000, 4, Load, priv)).toBe((perm & R) !== 0);
        expect(pmpAllows(c, 0x1000, 4, Store, priv)).toBe((perm & W) !== 0);
        expect(pmpAllows(c, 0x1000, 4, Fetch, priv)).toBe((perm & X) !== 0);
      }
    }
  });

  it("the lowest-numbered matching entry decides", () => {
    const c = csrs([[NA4, 0x80001000 / 4], [NAPOT | RWX, 0xffffffff], [NA4 | R, 0x80002000 / 4]]);
    expect(rights(c, 0x80001000)).toBe("rwx --- ---");
    expect(rights(c, 0x80002000)).toBe("rwx rwx rwx"); // entry 1 shadows entry 2
    expect(rights(c, 0x12345678)).toBe("rwx rwx rwx");
  });

  it("an access only partly inside the first matching entry fails, for M too and whatever R/W/X/L say", () => {
    const c = csrs([[NA4 | RWX, 0x80001000 / 4], [NAPOT | RWX, 0xffffffff]]);
    expect(rights(c, 0x80001002, 4)).toBe("--- --- ---");
    expect(rights(c, 0x80000ffe, 4)).toBe("--- --- ---");
    expect(rights(c, 0x80000ffe, 2)).toBe("rwx rwx rwx"); // entirely in entry 1
    expect(rights(c, 0x80001002, 2)).toBe("rwx rwx rwx"); // entirely in entry 0
    // Two adjacent RWX entries: a straddling access matches entry 0 partly and fails.
    const t = csrs([[TOR | RWX, 0x1000 / 4], [TOR | RWX, 0x2000 / 4]]);
    expect(rights(t, 0xffe, 4)).toBe("--- --- ---");
  });

  it("L=1 makes R/W/X apply to M; without L, M ignores them", () => {
    const unlocked = csrs([[NAPOT | R, napot(0x80000000, 0x1000)]]);
    const locked = csrs([[NAPOT | R | L, napot(0x80000000, 0x1000)]]);
    expect(rights(unlocked, 0x80000800)).toBe("rwx r-- r--");
    expect(rights(locked, 0x80000800)).toBe("r-- r-- r--");
    expect(rights(locked, 0x80001000)).toBe("rwx --- ---"); // no match: M succeeds
    const lockedX = csrs([[NA4 | X | L, 0x80000000 / 4]]);
    expect(rights(lockedX, 0x80000000)).toBe("--x --x --x");
  });

  it("no matching entry: S and U fail, M succeeds; with no active entry at all too", () => {
    expect(rights(csrs(), 0x80000000)).toBe("rwx --- ---");
    const c = csrs([[NA4 | RWX, 0x1000 / 4]]);
    expect(rights(c, 0x80000000)).toBe("rwx --- ---");
    // A locked entry that is OFF matches nothing.
    expect(rights(csrs([[L, 0xffffffff]]), 0x80000000)).toBe("rwx --- ---");
  });

  it("entry 63 is used", () => {
    const c = csrs();
    c.pmpcfg[63] = NAPOT | R;
    c.pmpaddr[63] = 0xffffffff;
    expect(rights(c, 0x80000000)).toBe("rwx r-- r--");
  });

  it("agrees with a byte-by-byte BigInt reference on random configurations", () => {
    let seed = 12345;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const anchors = [0, 0x1000, 0x80000000, 0x80001000, 0xfffff000, 0x100000000, 0x3fffff000];
    const table = new PmpTable();
    let mismatches = 0, allowedSeen = 0, checks = 0;
    for (let round = 0; round < 300; round++) {
      const c = new CsrFile(0);
      const n = 1 + rnd(6);
      for (let i = 0; i < n; i++) {
        const slot = rnd(3) === 0 ? 60 + rnd(4) : i;
        c.pmpcfg[slot] = (rnd(4) << 3) | rnd(8) | (rnd(4) === 0 ? L : 0);
        const base = anchors[rnd(anchors.length)]! / 4 + rnd(64);
        c.pmpaddr[slot] = rnd(5) === 0 ? (0xffffffff >>> rnd(6)) : base >>> 0;
      }
      table.update(c);
      for (let k = 0; k < 40; k++) {
        const addr = anchors[rnd(anchors.length)]! + rnd(300) - 20;
        if (addr < 0) continue;
        const size = [1, 2, 4, 8][rnd(4)]!;
        const access = rnd(3), priv = [M, S, U][rnd(3)]!;
        const want = refAllows(c, addr, size, access, priv);
        checks++;
        if (want) allowedSeen++;
        if (pmpAllows(c, addr, size, access, priv) !== want) mismatches++;
        if (table.allows(addr, size, access, priv) !== want) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    expect(allowedSeen).toBeGreaterThan(checks / 10); // the random configurations exercise both outcomes
    expect(allowedSeen).toBeLessThan(checks * 0.9);
  });
});

describe("pmpSummary", () => {
  const summary = (entries: [number, number][]) => pmpSummary(csrs(entries));

  it("reset state: nothing active, nothing allowed for S/U", () => {
    expect(summary([])).toEqual({ anyActive: false, anyLocked: false, allowAllSU: false, allowAllSU32: false });
  });

  it("whole-space RWX regions", () => {
    expect(summary([[NAPOT | RWX, 0xffffffff]])).toEqual({ anyActive: true, anyLocked: false, allowAllSU: true, allowAllSU32: true });
    expect(summary([[NAPOT | RWX, 0x7fffffff]]).allowAllSU).toBe(true); // exactly 2^34
    expect(summary([[NAPOT | RWX | L, 0xffffffff]])).toEqual({ anyActive: true, anyLocked: true, allowAllSU: true, allowAllSU32: true });
  });

  it("regions covering only the low 4 GiB: allowAllSU32 only", () => {
    for (const addr of [0x1fffffff, 0x3fffffff]) {
      expect(summary([[NAPOT | RWX, addr]])).toMatchObject({ allowAllSU: false, allowAllSU32: true });
    }
    expect(summary([[NAPOT | RWX, 0x0fffffff]])).toMatchObject({ allowAllSU: false, allowAllSU32: false }); // 2 GiB
    // TOR can never cover the last 4-byte grain of the 34-bit space.
    expect(summary([[TOR | RWX, 0xffffffff]])).toMatchObject({ allowAllSU: false, allowAllSU32: true });
    expect(summary([[TOR | RWX, 0x40000000]])).toMatchObject({ allowAllSU: false, allowAllSU32: true });
    expect(summary([[TOR | RWX, 0x3fffffff]])).toMatchObject({ allowAllSU: false, allowAllSU32: false });
  });

  it("missing permissions, or an earlier region in the way, spoil it", () => {
    expect(summary([[NAPOT | R | X, 0xffffffff]]).allowAllSU).toBe(false);
    expect(summary([[NA4 | RWX, 0x1000 / 4], [NAPOT | RWX, 0xffffffff]]).allowAllSU).toBe(false);
    // Adjacent RWX regions covering everything are not enough: a straddling access fails.
    expect(summary([[TOR | RWX, 0x1000 / 4], [NAPOT | RWX, 0xffffffff]]).allowAllSU).toBe(false);
  });

  it("OFF entries and empty TOR ranges before the covering entry are skipped", () => {
    expect(summary([[0, 5], [TOR | RWX, 3], [NAPOT | RWX, 0xffffffff]])).toEqual(
      { anyActive: true, anyLocked: false, allowAllSU: true, allowAllSU32: true });
    // An entry entirely above 4 GiB does not spoil allowAllSU32.
    expect(summary([[NAPOT, napot(0x100000000, 0x1000)], [NAPOT | RWX, 0xffffffff]])).toMatchObject(
      { allowAllSU: false, allowAllSU32: true });
  });

  it("anyLocked counts only active locked entries", () => {
    expect(summary([[L | R, 0], [NAPOT | RWX, 0xffffffff]]).anyLocked).toBe(false);
    expect(summary([[NA4 | L, 0]]).anyLocked).toBe(true);
  });

  it("allowAllSU/allowAllSU32 imply that every probed S/U access is allowed", () => {
    let seed = 99;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    let positives = 0;
    for (let round = 0; round < 400; round++) {
      const c = new CsrFile(0);
      for (let i = 0; i < 1 + rnd(3); i++) {
        c.pmpcfg[i] = (rnd(4) << 3) | (rnd(3) === 0 ? rnd(8) : RWX);
        c.pmpaddr[i] = rnd(2) ? 0xffffffff >>> rnd(5) : rnd(4) * 0x400;
      }
      const s = pmpSummary(c);
      if (!s.allowAllSU32) continue;
      positives++;
      for (const addr of [0, 4, 0x80000000, 0xfffffffc, 0x100000000, 0x3fffffffc]) {
        if (addr >= 2 ** 32 && !s.allowAllSU) continue;
        for (const access of [Fetch, Load, Store]) {
          for (const priv of [S, U, M]) expect(pmpAllows(c, addr, 4, access, priv)).toBe(true);
        }
      }
    }
    expect(positives).toBeGreaterThan(10);
  });

  it("PmpTable.update keeps the summary too", () => {
    const t = new PmpTable();
    t.update(csrs([[NAPOT | RWX, 0xffffffff]]));
    expect(t.summary.allowAllSU).toBe(true);
    expect(t.allows(0x3fffffffc, 4, Store, U)).toBe(true);
    t.update(csrs());
    expect(t.summary.anyActive).toBe(false);
    expect(t.allows(0, 4, Load, S)).toBe(false);
    expect(t.allows(0, 4, Load, M)).toBe(true);
  });
});
