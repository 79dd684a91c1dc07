import { describe, expect, it } from "vitest";
import { VirtMap } from "../bus/bus.js";
import { MIP } from "../csr/bits.js";
import { PLIC_NDEV, PLIC_SIZE, UART_IRQ } from "../monitor/fdt.js";
import { addi, li, load, lw, newMachine, step, sw, t0, t1, a0, x0 } from "../testing/asm.js";
import { Plic, PlicContext } from "./plic.js";

const { M, S } = PlicContext;
const priority = (id: number): number => 4 * id;
const pending = (word: number): number => 0x1000 + 4 * word;
const enable = (ctx: number, word = 0): number => 0x2000 + 0x80 * ctx + 4 * word;
const threshold = (ctx: number): number => 0x200000 + 0x1000 * ctx;
const claim = (ctx: number): number => 0x200004 + 0x1000 * ctx;

/** A PLIC with `ids` at priority `prio`, enabled for `ctxs`, thresholds 0. */
function plic(ids: number[] = [], prio = 1, ctxs: number[] = [S]): Plic {
  const p = new Plic(VirtMap.plic);
  for (const id of ids) {
    p.write(priority(id), 4, prio);
    for (const ctx of ctxs) p.write(enable(ctx, id >>> 5), 4, p.read(enable(ctx, id >>> 5), 4) | (1 << (id & 31)));
  }
  return p;
}

describe("PLIC registers (riscv-plic-spec memory map, QEMU virt sizes)", () => {
  it("spans PLIC_SIZE and has PLIC_NDEV sources by default", () => {
    const p = new Plic(VirtMap.plic);
    expect([p.size, p.ndev, p.base]).toEqual([PLIC_SIZE, PLIC_NDEV, VirtMap.plic]);
    expect(() => new Plic(VirtMap.plic, 0)).toThrow(RangeError);
    expect(() => new Plic(VirtMap.plic, 1024)).toThrow(RangeError);
  });

  it("priorities are WARL 0..7; source 0 and IDs above ndev read 0", () => {
    const p = new Plic(VirtMap.plic);
    p.write(priority(1), 4, 0xffffffff);
    p.write(priority(PLIC_NDEV), 4, 5);
    p.write(priority(0), 4, 7);
    p.write(priority(PLIC_NDEV + 1), 4, 7);
    expect([p.read(priority(1), 4), p.read(priority(PLIC_NDEV), 4), p.read(priority(0), 4), p.read(priority(PLIC_NDEV + 1), 4)])
      .toEqual([7, 5, 0, 0]);
  });

  it("enable bits exist only for IDs 1..ndev, per context; thresholds are WARL 0..7", () => {
    const p = new Plic(VirtMap.plic);
    p.write(enable(M, 0), 4, 0xffffffff);
    p.write(enable(S, 3), 4, 0xffffffff); // IDs 96..127: only 96 exists
    p.write(enable(S, 4), 4, 0xffffffff);
    p.write(enable(2, 0), 4, 0xffffffff); // no context 2
    p.write(threshold(M), 4, 0x1f);
    p.write(threshold(S), 4, 3);
    expect([p.read(enable(M, 0), 4), p.read(enable(S, 0), 4), p.read(enable(S, 3), 4), p.read(enable(S, 4), 4), p.read(enable(2, 0), 4)])
      .toEqual([0xfffffffe, 0, 1, 0, 0]);
    expect([p.read(threshold(M), 4), p.read(threshold(S), 4), p.read(threshold(2), 4), p.read(claim(2), 4)]).toEqual([7, 3, 0, 0]);
  });

  it("pending bits show gateway requests and ignore writes", () => {
    const p = new Plic(VirtMap.plic);
    p.setSource(1, true);
    p.setSource(33, true);
    p.setSource(PLIC_NDEV, true);
    p.write(pending(0), 4, 0);
    p.write(pending(1), 4, 0xffffffff);
    expect([p.read(pending(0), 4), p.read(pending(1), 4), p.read(pending(2), 4), p.read(pending(3), 4), p.read(pending(4), 4)])
      .toEqual([0b10, 0b10, 0, 1, 0]);
  });

  it("only aligned 32-bit accesses do anything; unused registers read 0", () => {
    const p = plic([UART_IRQ]);
    p.setSource(UART_IRQ, true);
    p.write(priority(2), 2, 3);
    p.write(priority(2) + 1, 4, 3);
    expect([p.read(priority(UART_IRQ), 1), p.read(priority(UART_IRQ), 2), p.read(priority(UART_IRQ) + 2, 4), p.read(priority(2), 4)])
      .toEqual([0, 0, 0, 0]);
    expect([p.read(claim(S), 2), p.read(claim(S) + 4, 4), p.read(0x1080, 4), p.read(0x1ffffc, 4), p.read(PLIC_SIZE - 4, 4)])
      .toEqual([0, 0, 0, 0, 0]);
    expect(p.read(pending(0), 4)).toBe(1 << UART_IRQ); // none of those reads claimed it
  });

  it("rejects a device driving a source that does not exist (an emulator bug)", () => {
    const p = new Plic(VirtMap.plic);
    expect(() => p.setSource(0, true)).toThrow(RangeError);
    expect(() => p.setSource(PLIC_NDEV + 1, true)).toThrow(RangeError);
  });
});

describe("PLIC claim and complete", () => {
  it("claim returns the highest priority first, the lowest ID among equals, then 0", () => {
    const p = plic([3, 5, 40, 7]);
    p.write(priority(40), 4, 6);
    p.write(priority(5), 4, 2);
    p.write(priority(7), 4, 2);
    for (const id of [3, 5, 40, 7]) p.setSource(id, true);
    expect([1, 2, 3, 4, 5].map(() => p.read(claim(S), 4))).toEqual([40, 5, 7, 3, 0]);
    expect([p.read(pending(0), 4), p.read(pending(1), 4)]).toEqual([0, 0]);
  });

  it("claim skips sources that are disabled for the context or have priority 0", () => {
    const p = plic([2, 4], 1, [S]);
    p.write(priority(4), 4, 0);
    p.setSource(2, true);
    p.setSource(4, true);
    p.setSource(6, true); // never enabled
    expect([p.read(claim(M), 4), p.read(claim(S), 4), p.read(claim(S), 4)]).toEqual([0, 2, 0]);
    expect(p.read(pending(0), 4)).toBe((1 << 4) | (1 << 6));
  });

  it("claim ignores the threshold (spec: the claim operation is not affected by it)", () => {
    const p = plic([9], 2);
    p.write(threshold(S), 4, 5);
    p.setSource(9, true);
    expect([p.lines(), p.read(claim(S), 4)]).toEqual([0, 9]);
  });

  it("a held level does not pend again until completion; then it does", () => {
    const p = plic([UART_IRQ]);
    p.setSource(UART_IRQ, true);
    expect(p.read(claim(S), 4)).toBe(UART_IRQ);
    p.setSource(UART_IRQ, false);
    p.setSource(UART_IRQ, true); // still in flight: held back
    expect([p.read(pending(0), 4), p.read(claim(S), 4), p.lines()]).toEqual([0, 0, 0]);
    p.write(claim(S), 4, UART_IRQ);
    expect([p.read(pending(0), 4), p.lines()]).toEqual([1 << UART_IRQ, MIP.SEIP]);
    expect(p.read(claim(S), 4)).toBe(UART_IRQ);
  });

  it("completion with the level low re-arms without a new request", () => {
    const p = plic([UART_IRQ]);
    p.setSource(UART_IRQ, true);
    expect(p.read(claim(S), 4)).toBe(UART_IRQ);
    p.setSource(UART_IRQ, false);
    p.write(claim(S), 4, UART_IRQ);
    expect([p.read(pending(0), 4), p.lines()]).toEqual([0, 0]);
    p.setSource(UART_IRQ, true);
    expect([p.read(pending(0), 4), p.lines()]).toEqual([1 << UART_IRQ, MIP.SEIP]);
  });

  it("a request stays pending after its level drops (the gateway cannot retract it)", () => {
    const p = plic([4]);
    p.setSource(4, true);
    p.setSource(4, false);
    expect([p.lines(), p.read(claim(S), 4)]).toEqual([MIP.SEIP, 4]);
  });

  it("completion is ignored for an ID not enabled for that context, not in flight, or out of range", () => {
    const p = plic([4], 1, [S]);
    p.setSource(4, true);
    expect(p.read(claim(S), 4)).toBe(4);
    p.write(claim(M), 4, 4); // not enabled for M
    p.write(claim(S), 4, 0);
    p.write(claim(S), 4, PLIC_NDEV + 1);
    p.write(claim(S), 4, 0xffffffff);
    expect(p.read(pending(0), 4)).toBe(0);
    p.write(claim(S), 4, 4);
    expect(p.read(pending(0), 4)).toBe(1 << 4);
    p.write(claim(S), 4, 4); // completing twice changes nothing
    expect([p.read(claim(S), 4), p.read(claim(S), 4)]).toEqual([4, 0]);
  });

  it("a source enabled in both contexts notifies both; the first claim wins", () => {
    const p = plic([UART_IRQ], 1, [M, S]);
    p.setSource(UART_IRQ, true);
    expect(p.lines()).toBe(MIP.MEIP | MIP.SEIP);
    expect([p.read(claim(M), 4), p.read(claim(S), 4), p.lines()]).toEqual([UART_IRQ, 0, 0]);
    p.write(claim(S), 4, UART_IRQ); // completion from the other enabled context re-arms too
    expect(p.lines()).toBe(MIP.MEIP | MIP.SEIP);
  });
});

describe("PLIC notifications (context 0 -> MEIP, context 1 -> SEIP)", () => {
  it("a context's line is up when an enabled pending source has priority above its threshold", () => {
    const p = plic([UART_IRQ], 3, [M, S]);
    expect([p.lines(), p.contextLine(M), p.contextLine(S)]).toEqual([0, false, false]);
    p.setSource(UART_IRQ, true);
    expect([p.lines(), p.contextLine(M), p.contextLine(S)]).toEqual([MIP.MEIP | MIP.SEIP, true, true]);
    p.write(threshold(M), 4, 3); // equal priority is masked
    expect([p.lines(), p.contextLine(M), p.contextLine(S)]).toEqual([MIP.SEIP, false, true]);
    p.write(threshold(S), 4, 2);
    expect(p.lines()).toBe(MIP.SEIP);
    p.write(threshold(S), 4, 7);
    expect(p.lines()).toBe(0);
    p.write(priority(UART_IRQ), 4, 7);
    expect(p.lines()).toBe(MIP.MEIP);
  });

  it("enables, priority 0 and claims move the lines; the next source shows after a claim", () => {
    const p = plic([1, 2], 1, [S]);
    p.setSource(1, true);
    p.setSource(2, true);
    expect(p.lines()).toBe(MIP.SEIP);
    p.write(enable(S), 4, 0);
    expect(p.lines()).toBe(0);
    p.write(enable(S), 4, 0b110);
    p.write(priority(1), 4, 0);
    p.write(priority(2), 4, 0);
    expect(p.lines()).toBe(0);
    p.write(priority(1), 4, 1);
    p.write(priority(2), 4, 1);
    expect([p.read(claim(S), 4), p.lines()]).toEqual([1, MIP.SEIP]);
    expect([p.read(claim(S), 4), p.lines()]).toEqual([2, 0]);
  });

  it("through the bus: a program sets priority, enable and threshold, then claims and completes", () => {
    const m = newMachine();
    const p = m.plic; // the machine's own PLIC, on the bus at 0x0c000000
    const B = VirtMap.plic;
    load(m, [
      ...li(t0, B), addi(t1, x0, 1), sw(t1, priority(UART_IRQ), t0), // 0..3
      ...li(t0, B + enable(S)), addi(t1, x0, 1 << UART_IRQ), sw(t1, 0, t0), // 4..7
      ...li(t0, B + threshold(S)), sw(x0, 0, t0), // 8..10
      lw(a0, 4, t0), sw(a0, 4, t0), // 11: claim, 12: complete
    ]);
    step(m, 11);
    expect(p.lines()).toBe(0);
    p.setSource(UART_IRQ, true);
    expect(p.lines()).toBe(MIP.SEIP);
    step(m, 1);
    expect([m.hart.x[a0], p.lines(), m.hart.trapsTaken]).toEqual([UART_IRQ, 0, 0]);
    step(m, 1);
    expect(p.lines()).toBe(MIP.SEIP); // the level is still high: pending again
  });
});
