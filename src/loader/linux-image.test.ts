import { describe, expect, it } from "vitest";
import { bootKernel, parseKernel, runBoot } from "../boot.js";
import { parseIsa } from "../isa/isa-string.js";
import { PRESETS } from "../monitor/delegation.js";
import { addi, ecall, jal, li, a0, a1, a6, a7, x0 } from "../testing/asm.js";
import { ElfError } from "./elf.js";
import { isLinuxImage, parseLinuxImage } from "./linux-image.js";

/** A minimal RISC-V Linux Image: header (code0 jumps over it), then `body` at offset 64. */
function fakeImage(body: number[], textOffset = 0x400000, imageSize = 0x10000): Uint8Array {
  const bytes = new Uint8Array(64 + body.length * 4);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, jal(x0, 64), true);
  v.setBigUint64(8, BigInt(textOffset), true);
  v.setBigUint64(16, BigInt(imageSize), true);
  v.setUint32(56, 0x05435352, true); // "RSC\x05"
  body.forEach((w, i) => v.setUint32(64 + 4 * i, w, true));
  return bytes;
}

const shutdown = [addi(a0, x0, 0), addi(a1, x0, 0), ...li(a7, 0x53525354), addi(a6, x0, 0), ecall()];
const opts = { isa: parseIsa("rv32imac"), delegation: PRESETS.opensbi!, timeCsr: "native" as const, csrPolicy: "safe" as const, ramSize: 16 << 20 };

describe("RISC-V Linux Image loading", () => {
  it("recognises the header and loads at RAM base + text_offset rounded to 4 MiB, memsz = image_size", () => {
    const img = fakeImage(shutdown, 0x1000);
    expect(isLinuxImage(img)).toBe(true);
    const parsed = parseLinuxImage(img, 0x80000000);
    expect([parsed.entry, parsed.segments[0]!.paddr, parsed.segments[0]!.memsz]).toEqual([0x80400000, 0x80400000, 0x10000]);
  });

  it("boots in S-mode at the load address with a0 = 0 and a1 = the device tree", () => {
    const { machine, fdtAddress } = bootKernel(parseKernel(fakeImage(shutdown), "Image"), "Image", opts);
    expect([machine.hart.priv, machine.hart.pc, machine.hart.x[a0], machine.hart.x[a1]! >>> 0]).toEqual([1, 0x80400000, 0, fdtAddress]);
    const r = runBoot(parseKernel(fakeImage(shutdown), "Image"), "Image", opts, 1000);
    expect([r.result.status, r.result.exitCode]).toEqual(["exit", 0]);
  });

  it("puts the initrd just below the device tree", () => {
    const initrd = new Uint8Array(10_000).map((_, i) => i & 0xff);
    const { machine, fdtAddress } = bootKernel(parseKernel(fakeImage(shutdown), "Image"), "Image", { ...opts, initrd });
    const start = Math.floor((fdtAddress - initrd.length) / 4096) * 4096;
    expect(Array.from(machine.ram.bytes.subarray(start - machine.ram.base, start - machine.ram.base + 8))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("refuses a vmlinux linked at kernel virtual addresses with a clear message", () => {
    const image = { entry: 0xc0000000, segments: [{ paddr: 0xc0000000, vaddr: 0xc0000000, data: new Uint8Array(4), memsz: 4, flags: 5 }], symbols: new Map<string, number>() };
    expect(() => bootKernel(image, "vmlinux", opts)).toThrow(ElfError);
    expect(() => bootKernel(image, "vmlinux", opts)).toThrow(/boot arch\/riscv\/boot\/Image instead/);
  });

  it("anything else is parsed as an ELF (and a non-ELF gets the ELF error)", () => {
    expect(() => parseKernel(new Uint8Array(100), "junk")).toThrow(ElfError);
  });
});
