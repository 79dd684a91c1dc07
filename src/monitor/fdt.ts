import { VirtMap } from "../bus/bus.js";

// Flattened devicetree (DTB) writer, Devicetree Specification v0.4 chapter 5, and the QEMU-virt
// machine description handed to the guest in a1 at boot (what OpenSBI passes to Linux).

/** DTB magic (5.2). */
export const FDT_MAGIC = 0xd00dfeed;
/** Format version written, and the oldest version it is compatible with (5.2). */
export const FDT_VERSION = 17;
export const FDT_LAST_COMP_VERSION = 16;
/** The blob must be loaded at an address aligned to this (5.1). */
export const FDT_ALIGN = 8;

/** Structure block tokens (5.4.1). */
export const FdtToken = { BeginNode: 1, EndNode: 2, Prop: 3, Nop: 4, End: 9 } as const;

const HEADER_SIZE = 40;

/**
 * A property value. `number`: one u32 cell; `bigint`: two u32 cells (u64); `number[]`: u32 cells;
 * `string`: NUL-terminated; `string[]`: a stringlist; `Uint8Array`: raw bytes; `null`: empty.
 */
export type FdtValue = number | bigint | string | readonly string[] | readonly number[] | Uint8Array | null;

export interface FdtReservation {
  address: bigint;
  size: bigint;
}

export interface FdtEncodeOptions {
  /** Header boot_cpuid_phys (default 0). */
  bootCpuId?: number;
  /** Memory reservation block entries (5.3), before the terminating zero entry. */
  reservations?: readonly FdtReservation[];
}

const NODE_NAME = /^[0-9A-Za-z,._+-]{1,31}(@[0-9A-Za-z,._+-]+)?$/;
const PROP_NAME = /^[0-9A-Za-z,._+?#-]{1,31}$/;

/** A devicetree node: properties and children in insertion order. The root's name is "". */
export class FdtNode {
  private readonly propMap = new Map<string, Uint8Array>();
  private readonly kids: FdtNode[] = [];

  constructor(readonly name: string) {
    if (name !== "" && !NODE_NAME.test(name)) throw new Error(`invalid devicetree node name "${name}"`);
  }

  /** Sets (or replaces) a property; the value is encoded now, so bad values throw here. */
  prop(name: string, value: FdtValue): this {
    if (!PROP_NAME.test(name)) throw new Error(`invalid devicetree property name "${name}"`);
    this.propMap.set(name, encodeValue(name, value));
    return this;
  }

  /** Adds and returns a new child node; sibling names must be unique. */
  child(name: string): FdtNode {
    if (name === "") throw new Error("only the root node has an empty name");
    if (this.kids.some((k) => k.name === name)) throw new Error(`duplicate devicetree node "${name}"`);
    const node = new FdtNode(name);
    this.kids.push(node);
    return node;
  }

  get properties(): ReadonlyMap<string, Uint8Array> {
    return this.propMap;
  }

  get children(): readonly FdtNode[] {
    return this.kids;
  }
}

function u32(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) {
    throw new RangeError(`devicetree property "${name}": ${v} is not a u32 cell`);
  }
  return v;
}

function cstring(name: string, s: string): Uint8Array {
  if (s.includes("\0")) throw new Error(`devicetree property "${name}": string contains NUL`);
  const bytes = new TextEncoder().encode(s);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

function cells(name: string, values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, u32(name, v)));
  return out;
}

function encodeValue(name: string, value: FdtValue): Uint8Array {
  if (value === null) return new Uint8Array(0);
  if (value instanceof Uint8Array) return value.slice();
  if (typeof value === "number") return cells(name, [value]);
  if (typeof value === "bigint") {
    if (value < 0n || value > 0xffffffff_ffffffffn) throw new RangeError(`devicetree property "${name}": ${value} is not a u64`);
    return cells(name, [Number(value >> 32n), Number(value & 0xffffffffn)]);
  }
  if (typeof value === "string") return cstring(name, value);
  if (value.length === 0) return new Uint8Array(0);
  if (typeof value[0] === "string") {
    const parts = (value as readonly string[]).map((s) => cstring(name, s));
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  return cells(name, value as readonly number[]);
}

/** A growable big-endian byte buffer. */
class Writer {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v);
    this.length += 4;
  }

  u64(v: bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.length, v);
    this.length += 8;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Zero-pads to a multiple of 4 (5.4.2). */
  align4(): void {
    const pad = -this.length & 3;
    this.reserve(pad);
    this.buf.fill(0, this.length, this.length + pad);
    this.length += pad;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Encodes a tree as a DTB: header, memory reservation block, structure block, strings block (5.1). */
export function encodeFdt(root: FdtNode, opts: FdtEncodeOptions = {}): Uint8Array {
  if (root.name !== "") throw new Error(`the root node's name must be empty, not "${root.name}"`);

  const rsv = new Writer();
  for (const r of opts.reservations ?? []) {
    if (r.address < 0n || r.size <= 0n || r.address + r.size > 1n << 64n) {
      throw new RangeError(`bad memory reservation 0x${r.address.toString(16)} + 0x${r.size.toString(16)}`);
    }
    rsv.u64(r.address);
    rsv.u64(r.size);
  }
  rsv.u64(0n);
  rsv.u64(0n);

  const strings = new Writer();
  const stringOffsets = new Map<string, number>();
  const nameOffset = (name: string): number => {
    let off = stringOffsets.get(name);
    if (off === undefined) {
      off = strings.length;
      stringOffsets.set(name, off);
      strings.bytes(cstring(name, name));
    }
    return off;
  };

  const struct = new Writer();
  const emit = (node: FdtNode): void => {
    struct.u32(FdtToken.BeginNode);
    struct.bytes(cstring(node.name, node.name));
    struct.align4();
    for (const [name, value] of node.properties) {
      struct.u32(FdtToken.Prop);
      struct.u32(value.length);
      struct.u32(nameOffset(name));
      struct.bytes(value);
      struct.align4();
    }
    for (const child of node.children) emit(child);
    struct.u32(FdtToken.EndNode);
  };
  emit(root);
  struct.u32(FdtToken.End);

  const offRsvmap = HEADER_SIZE; // 8-aligned, as 5.3 requires
  const offStruct = offRsvmap + rsv.length;
  const offStrings = offStruct + struct.length;
  const totalSize = offStrings + strings.length;

  const out = new Uint8Array(totalSize);
  const header = new DataView(out.buffer);
  const fields = [
    FDT_MAGIC,
    totalSize,
    offStruct,
    offStrings,
    offRsvmap,
    FDT_VERSION,
    FDT_LAST_COMP_VERSION,
    u32("boot_cpuid_phys", opts.bootCpuId ?? 0),
    strings.length,
    struct.length,
  ];
  fields.forEach((v, i) => header.setUint32(i * 4, v));
  out.set(rsv.result(), offRsvmap);
  out.set(struct.result(), offStruct);
  out.set(strings.result(), offStrings);
  return out;
}

// ---- The QEMU virt machine (hw/riscv/virt.c layout) ----

export const CLINT_SIZE = 0x10000;
export const UART_SIZE = 0x100;
export const TEST_FINISHER_SIZE = 0x1000;
export const PLIC_SIZE = 0x600000;
/** PLIC interrupt sources, as QEMU 7.2's virt reports in riscv,ndev. */
export const PLIC_NDEV = 0x60;
/** The UART's interrupt source on the PLIC. */
export const UART_IRQ = 10;
/** NS16550A input clock on QEMU virt (1.8432 MHz x 2). */
export const UART_CLOCK_HZ = 3_686_400;
/** Values written to the test finisher by syscon-poweroff / syscon-reboot. */
export const FINISHER_PASS = 0x5555;
export const FINISHER_RESET = 0x7777;

/** Local interrupt numbers of the hart's interrupt controller (mip bits). */
const IRQ_M_SOFT = 3;
const IRQ_M_TIMER = 7;
const IRQ_S_EXT = 9;
const IRQ_M_EXT = 11;

/** Fixed phandles, numbered as QEMU numbers them. */
export const Phandle = { cpu0: 1, cpu0Intc: 2, plic: 3, testFinisher: 4 } as const;

export interface VirtFdtOptions {
  ramBase: number;
  ramSize: number;
  timebaseHz: number;
  /** riscv,isa, e.g. "rv32imac" or "rv32i_zicsr_zifencei". */
  isa: string;
  /** e.g. "riscv,sv32"; omitted when undefined. */
  mmuType?: string;
  /** /chosen bootargs. */
  bootargs?: string;
  /** Default "/soc/serial@10000000". */
  stdoutPath?: string;
  /** /chosen linux,initrd-start and linux,initrd-end (end is exclusive). */
  initrd?: { start: number; end: number };
  /** Describe a sifive,plic-1.0.0 at 0x0c000000 and route the UART's interrupt through it. */
  plic?: boolean;
}

const hex = (n: number): string => n.toString(16);
/** A (#address-cells 2, #size-cells 2) reg entry. */
const reg64 = (base: number, size: number): number[] => {
  const b = BigInt(base);
  const s = BigInt(size);
  return [Number(b >> 32n), Number(b & 0xffffffffn), Number(s >> 32n), Number(s & 0xffffffffn)];
};

/** The devicetree for this machine, as a DTB blob (load it at a FDT_ALIGN-aligned guest address). */
export function virtFdt(o: VirtFdtOptions): Uint8Array {
  const root = new FdtNode("")
    .prop("#address-cells", 2)
    .prop("#size-cells", 2)
    .prop("compatible", "riscv-virtio")
    .prop("model", "riscv-virtio,qemu");

  const chosen = root.child("chosen").prop("stdout-path", o.stdoutPath ?? `/soc/serial@${hex(VirtMap.uart0)}`);
  if (o.bootargs !== undefined) chosen.prop("bootargs", o.bootargs);
  if (o.initrd !== undefined) {
    const { start, end } = o.initrd;
    if (end < start) throw new RangeError(`initrd end 0x${hex(end)} is below its start 0x${hex(start)}`);
    chosen.prop("linux,initrd-start", BigInt(start)).prop("linux,initrd-end", BigInt(end));
  }

  root
    .child("poweroff")
    .prop("value", FINISHER_PASS)
    .prop("offset", 0)
    .prop("regmap", Phandle.testFinisher)
    .prop("compatible", "syscon-poweroff");
  root
    .child("reboot")
    .prop("value", FINISHER_RESET)
    .prop("offset", 0)
    .prop("regmap", Phandle.testFinisher)
    .prop("compatible", "syscon-reboot");

  root
    .child(`memory@${hex(o.ramBase)}`)
    .prop("device_type", "memory")
    .prop("reg", reg64(o.ramBase, o.ramSize));

  const cpus = root.child("cpus").prop("#address-cells", 1).prop("#size-cells", 0).prop("timebase-frequency", o.timebaseHz);
  const cpu0 = cpus
    .child("cpu@0")
    .prop("phandle", Phandle.cpu0)
    .prop("device_type", "cpu")
    .prop("reg", 0)
    .prop("status", "okay")
    .prop("compatible", "riscv")
    .prop("riscv,isa", o.isa);
  if (o.mmuType !== undefined) cpu0.prop("mmu-type", o.mmuType);
  cpu0
    .child("interrupt-controller")
    .prop("#address-cells", 0) // not in QEMU 7.2; keeps dtc's interrupt_provider check quiet
    .prop("#interrupt-cells", 1)
    .prop("interrupt-controller", null)
    .prop("compatible", "riscv,cpu-intc")
    .prop("phandle", Phandle.cpu0Intc);

  const soc = root
    .child("soc")
    .prop("#address-cells", 2)
    .prop("#size-cells", 2)
    .prop("compatible", "simple-bus")
    .prop("ranges", null);

  const uart = soc.child(`serial@${hex(VirtMap.uart0)}`);
  if (o.plic) uart.prop("interrupts", UART_IRQ).prop("interrupt-parent", Phandle.plic);
  uart
    .prop("clock-frequency", UART_CLOCK_HZ)
    .prop("reg", reg64(VirtMap.uart0, UART_SIZE))
    .prop("compatible", "ns16550a");

  soc
    .child(`test@${hex(VirtMap.testFinisher)}`)
    .prop("phandle", Phandle.testFinisher)
    .prop("reg", reg64(VirtMap.testFinisher, TEST_FINISHER_SIZE))
    .prop("compatible", ["sifive,test1", "sifive,test0", "syscon"]);

  if (o.plic) {
    soc
      .child(`plic@${hex(VirtMap.plic)}`)
      .prop("phandle", Phandle.plic)
      .prop("riscv,ndev", PLIC_NDEV)
      .prop("reg", reg64(VirtMap.plic, PLIC_SIZE))
      // Contexts 0 and 1: hart 0 M-mode, hart 0 S-mode.
      .prop("interrupts-extended", [Phandle.cpu0Intc, IRQ_M_EXT, Phandle.cpu0Intc, IRQ_S_EXT])
      .prop("interrupt-controller", null)
      .prop("compatible", ["sifive,plic-1.0.0", "riscv,plic0"])
      .prop("#address-cells", 0)
      .prop("#interrupt-cells", 1);
  }

  soc
    .child(`clint@${hex(VirtMap.clint)}`)
    .prop("interrupts-extended", [Phandle.cpu0Intc, IRQ_M_SOFT, Phandle.cpu0Intc, IRQ_M_TIMER])
    .prop("reg", reg64(VirtMap.clint, CLINT_SIZE))
    .prop("compatible", ["sifive,clint0", "riscv,clint0"]);

  return encodeFdt(root);
}
