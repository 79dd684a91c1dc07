import { type ElfImage, ElfError } from "./elf.js";

/** RISC-V Linux kernel Image header (Documentation/riscv/boot-image-header.rst): 64 bytes. */
const HEADER_SIZE = 64;
const MAGIC2 = 0x05435352; // "RSC\x05" at offset 56
const MAGIC = "RISCV\0\0\0"; // deprecated magic at offset 48
/** RV32 kernels must be loaded 4 MiB-aligned (the first-level page size). */
export const RV32_KERNEL_ALIGN = 4 * 1024 * 1024;

export function isLinuxImage(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_SIZE) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return v.getUint32(56, true) === MAGIC2 || String.fromCharCode(...bytes.subarray(48, 56)) === MAGIC;
}

/**
 * A Linux Image as a loadable image: one segment at RAM base + text_offset rounded up to 4 MiB,
 * memsz = image_size from the header (covers .bss), entry = the load address.
 */
export function parseLinuxImage(bytes: Uint8Array, ramBase: number, name = "Image"): ElfImage {
  if (!isLinuxImage(bytes)) throw new ElfError(`${name}: not a RISC-V Linux Image (no RSC\\x05 / RISCV magic in the header)`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const textOffset = Number(v.getBigUint64(8, true));
  const imageSize = Number(v.getBigUint64(16, true));
  if (!Number.isSafeInteger(textOffset) || textOffset > 0x40000000) throw new ElfError(`${name}: implausible text_offset 0x${textOffset.toString(16)}`);
  const offset = Math.ceil(textOffset / RV32_KERNEL_ALIGN) * RV32_KERNEL_ALIGN;
  const load = ramBase + offset;
  const memsz = Math.max(bytes.length, imageSize);
  return {
    entry: load >>> 0,
    segments: [{ paddr: load >>> 0, vaddr: load >>> 0, data: bytes.slice(), memsz, flags: 7 }],
    symbols: new Map(),
  };
}

/** A vmlinux links at kernel virtual addresses; say so rather than load it somewhere wrong. */
export function explainVirtualKernel(image: ElfImage, ramBase: number, ramSize: number, name: string): string | undefined {
  const outside = image.segments.find((s) => s.memsz > 0 && (s.paddr < ramBase || s.paddr + s.memsz > ramBase + ramSize));
  if (!outside) return undefined;
  const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;
  if (image.entry >= 0xc0000000 || outside.paddr >= 0xc0000000 || outside.vaddr >= 0xc0000000) {
    return `${name}: a Linux vmlinux (entry ${hex(image.entry)}, a segment loads at ${hex(outside.paddr)}, outside RAM); boot arch/riscv/boot/Image instead, which trapvisor loads at the RAM base + 4 MiB`;
  }
  return undefined;
}
