import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TIMEBASE_HZ } from "../devices/clocks.js";
import { FDT_MAGIC, FdtNode, FdtToken, Phandle, type VirtFdtOptions, encodeFdt, virtFdt } from "./fdt.js";

// ---- A strict little DTB reader (tests only): checks the layout rules while it reads. ----

interface Node {
  name: string;
  props: Map<string, Uint8Array>;
  children: Node[];
}

interface Blob {
  header: number[];
  reservations: { address: bigint; size: bigint }[];
  root: Node;
}

function parseFdt(b: Uint8Array): Blob {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const header = Array.from({ length: 10 }, (_, i) => v.getUint32(i * 4));
  const [magic, total, offStruct, offStrings, offRsv, , , , sizeStrings, sizeStruct] = header as [
    number, number, number, number, number, number, number, number, number, number,
  ];
  if (magic !== FDT_MAGIC) throw new Error("bad magic");
  if (total !== b.length) throw new Error("totalsize");
  if (offRsv % 8 !== 0 || offStruct % 4 !== 0) throw new Error("block alignment");
  if (offStruct + sizeStruct > offStrings || offStrings + sizeStrings > total) throw new Error("block bounds");

  const reservations: Blob["reservations"] = [];
  for (let at = offRsv; ; at += 16) {
    const address = v.getBigUint64(at);
    const size = v.getBigUint64(at + 8);
    if (address === 0n && size === 0n) break;
    reservations.push({ address, size });
  }

  const cstr = (at: number, limit: number): string => {
    const end = b.indexOf(0, at);
    if (end < 0 || end >= limit) throw new Error(`unterminated string at ${at}`);
    return new TextDecoder().decode(b.subarray(at, end));
  };
  const end = offStruct + sizeStruct;
  let at = offStruct;
  const word = (): number => {
    if (at + 4 > end) throw new Error("structure block overrun");
    const w = v.getUint32(at);
    at += 4;
    return w;
  };
  const align = (): void => {
    at = (at + 3) & ~3;
  };

  const stack: Node[] = [];
  let root: Node | undefined;
  for (;;) {
    const token = word();
    if (token === FdtToken.BeginNode) {
      const node: Node = { name: cstr(at, end), props: new Map(), children: [] };
      at += new TextEncoder().encode(node.name).length + 1;
      align();
      if (stack.length > 0) stack[stack.length - 1]!.children.push(node);
      else if (root) throw new Error("second root");
      else root = node;
      stack.push(node);
    } else if (token === FdtToken.Prop) {
      const len = word();
      const name = cstr(offStrings + word(), offStrings + sizeStrings);
      const node = stack[stack.length - 1];
      if (!node || node.children.length > 0) throw new Error(`property ${name} outside a node or after a child`);
      node.props.set(name, b.slice(at, at + len));
      at += len;
      align();
    } else if (token === FdtToken.EndNode) {
      if (!stack.pop()) throw new Error("unbalanced END_NODE");
    } else if (token === FdtToken.Nop) {
      continue;
    } else if (token === FdtToken.End) {
      if (stack.length !== 0 || !root || at !== end) throw new Error("END in the wrong place");
      return { header, reservations, root };
    } else {
      throw new Error(`bad token ${token} at ${at - 4}`);
    }
  }
}

function node(root: Node, path: string): Node {
  let n = root;
  for (const part of path.split("/").filter(Boolean)) {
    const c = n.children.find((k) => k.name === part);
    if (!c) throw new Error(`no node ${path}`);
    n = c;
  }
  return n;
}

function prop(root: Node, path: string): Uint8Array {
  const i = path.lastIndexOf("/");
  const p = node(root, path.slice(0, i)).props.get(path.slice(i + 1));
  if (!p) throw new Error(`no property ${path}`);
  return p;
}

const cellsOf = (p: Uint8Array): number[] => {
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  return Array.from({ length: p.length / 4 }, (_, i) => v.getUint32(i * 4));
};
const strOf = (p: Uint8Array): string => new TextDecoder().decode(p.subarray(0, p.length - 1));
const strsOf = (p: Uint8Array): string[] => new TextDecoder().decode(p.subarray(0, p.length - 1)).split("\0");
const wordsOf = (b: Uint8Array): number[] => cellsOf(b.subarray(0, b.length & ~3));

/** Every node path in the tree, with its property map. */
function flatten(n: Node, path = ""): Map<string, Map<string, Uint8Array>> {
  const out = new Map([[path || "/", n.props]]);
  for (const c of n.children) for (const [p, m] of flatten(c, `${path}/${c.name}`)) out.set(p, m);
  return out;
}

// ---- Host tools ----

const has = (tool: string, arg: string): boolean => spawnSync(tool, [arg], { encoding: "utf8" }).status === 0;
const hasDtc = has("dtc", "--version");
const hasQemu = has("qemu-system-riscv32", "--version");
const scratch = mkdtempSync(join(tmpdir(), "trapvisor-fdt-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let files = 0;

function dtc(blob: Uint8Array, ...args: string[]): { status: number | null; out: string; err: string } {
  const file = join(scratch, `t${files++}.dtb`);
  writeFileSync(file, blob);
  const r = spawnSync("dtc", ["-I", "dtb", ...args, file], { encoding: "utf8" });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const base: VirtFdtOptions = { ramBase: 0x80000000, ramSize: 128 << 20, timebaseHz: TIMEBASE_HZ, isa: "rv32imac" };
const full: VirtFdtOptions = {
  ...base,
  mmuType: "riscv,sv32",
  bootargs: "console=ttyS0 earlycon=sbi",
  initrd: { start: 0x84000000, end: 0x84123456 },
  plic: true,
};

// ---- (a) byte layout ----

describe("encodeFdt byte layout", () => {
  it("lays out a tiny tree word by word, with aligned values and shared names", () => {
    const root = new FdtNode("").prop("a", 1);
    root.child("n@1").prop("a", "hi").prop("bb", null);
    const b = encodeFdt(root, { bootCpuId: 3 });

    // header (40) | rsvmap terminator (16) @40 | struct (72) @56 | strings "a\0bb\0" (5) @128
    expect(b.length).toBe(133);
    expect(wordsOf(b)).toEqual([
      0xd00dfeed, 133, 56, 128, 40, 17, 16, 3, 5, 72, // header
      0, 0, 0, 0, // empty reservation map: the zero entry
      1, 0, // BEGIN_NODE "" padded to 4
      3, 4, 0, 1, // PROP len 4 name@0 "a" <1>
      1, 0x6e403100, // BEGIN_NODE "n@1\0"
      3, 3, 0, 0x68690000, // PROP len 3 name@0 "a" "hi\0" + 1 pad byte
      3, 0, 2, // PROP len 0 name@2 "bb" (empty)
      2, 2, 9, // END_NODE END_NODE END
      0x61006262, // "a\0bb" (+ the final NUL below)
    ]);
    expect(b[132]).toBe(0);
  });

  it("puts reservations before the zero entry and shifts the later blocks", () => {
    const b = encodeFdt(new FdtNode(""), { reservations: [{ address: 0x8000_0000n, size: 0x20_0000n }] });
    const w = wordsOf(b);
    expect(w.slice(2, 5)).toEqual([72, 72 + 16, 40]); // off_dt_struct, off_dt_strings, off_mem_rsvmap
    expect(w.slice(10, 18)).toEqual([0, 0x80000000, 0, 0x200000, 0, 0, 0, 0]);
    expect(w.slice(18)).toEqual([1, 0, 2, 9]);
    expect(parseFdt(b).reservations).toEqual([{ address: 0x8000_0000n, size: 0x20_0000n }]);
  });

  it("encodes each value kind", () => {
    const root = new FdtNode("")
      .prop("u32", 0xffffffff)
      .prop("u64", 0x1_2345_6789n)
      .prop("cells", [1, 2, 3])
      .prop("str", "x")
      .prop("list", ["ab", "c"])
      .prop("raw", new Uint8Array([9, 8, 7]))
      .prop("empty", null)
      .prop("none", []);
    const p = parseFdt(encodeFdt(root)).root.props;
    expect(cellsOf(p.get("u32")!)).toEqual([0xffffffff]);
    expect(cellsOf(p.get("u64")!)).toEqual([1, 0x23456789]);
    expect(cellsOf(p.get("cells")!)).toEqual([1, 2, 3]);
    expect([...p.get("str")!]).toEqual([0x78, 0]);
    expect([...p.get("list")!]).toEqual([0x61, 0x62, 0, 0x63, 0]);
    expect([...p.get("raw")!]).toEqual([9, 8, 7]);
    expect(p.get("empty")!.length).toBe(0);
    expect(p.get("none")!.length).toBe(0);
  });

  it("rejects what would make a malformed blob", () => {
    const n = new FdtNode("");
    expect(() => n.prop("x", -1)).toThrow(RangeError);
    expect(() => n.prop("x", 2 ** 32)).toThrow(RangeError);
    expect(() => n.prop("x", 1.5)).toThrow(RangeError);
    expect(() => n.prop("x", [0, 0x1_0000_0000])).toThrow(RangeError);
    expect(() => n.prop("x", 1n << 64n)).toThrow(RangeError);
    expect(() => n.prop("x", "a\0b")).toThrow(/NUL/);
    expect(() => n.prop("bad name", 1)).toThrow(/property name/);
    expect(() => n.child("a/b")).toThrow(/node name/);
    expect(() => n.child("")).toThrow(/root/);
    n.child("dup");
    expect(() => n.child("dup")).toThrow(/duplicate/);
    expect(() => encodeFdt(new FdtNode("x"))).toThrow(/root/);
  });

  it("replaces a property set twice instead of duplicating it", () => {
    const root = new FdtNode("").prop("a", 1).prop("a", 2);
    const b = encodeFdt(root);
    expect(cellsOf(parseFdt(b).root.props.get("a")!)).toEqual([2]);
    expect(wordsOf(b).filter((w) => w === FdtToken.Prop)).toHaveLength(1);
  });
});

// ---- (b) dtc accepts the blobs ----

describe.skipIf(!hasDtc)("dtc reads our blobs", () => {
  it("decompiles virtFdt() without errors or warnings, with the expected contents", () => {
    const r = dtc(virtFdt(full), "-O", "dts");
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    const dts = r.out;
    expect(dts).toMatch(/memory@80000000 \{\s+device_type = "memory";\s+reg = <0x00 0x80000000 0x00 0x8000000>;/);
    expect(dts).toContain("timebase-frequency = <0x989680>;");
    expect(dts).toContain('riscv,isa = "rv32imac";');
    expect(dts).toContain('mmu-type = "riscv,sv32";');
    expect(dts).toContain('stdout-path = "/soc/serial@10000000";');
    expect(dts).toContain('bootargs = "console=ttyS0 earlycon=sbi";');
    expect(dts).toContain("linux,initrd-start = <0x00 0x84000000>;");
    expect(dts).toContain("linux,initrd-end = <0x00 0x84123456>;");
    expect(dts).toMatch(/clint@2000000 \{[^}]*reg = <0x00 0x2000000 0x00 0x10000>;/);
    expect(dts).toMatch(/clint@2000000 \{[^}]*interrupts-extended = <0x02 0x03 0x02 0x07>;/);
    expect(dts).toMatch(/serial@10000000 \{[^}]*compatible = "ns16550a";/);
    expect(dts).toMatch(/serial@10000000 \{[^}]*interrupts = <0x0a>;/);
    expect(dts).toMatch(/plic@c000000 \{[^}]*interrupts-extended = <0x02 0x0b 0x02 0x09>;/);
    expect(dts).toMatch(/plic@c000000 \{[^}]*compatible = "sifive,plic-1.0.0\\0riscv,plic0";/);
    expect(dts).toMatch(/test@100000 \{[^}]*compatible = "sifive,test1\\0sifive,test0\\0syscon";/);
    expect(dts).toMatch(/poweroff \{[^}]*value = <0x5555>;[^}]*regmap = <0x04>;[^}]*"syscon-poweroff"/);
    expect(dts).toMatch(/reboot \{[^}]*value = <0x7777>;[^}]*regmap = <0x04>;[^}]*"syscon-reboot"/);
  });

  it("decompiles the minimal machine (no plic, no optional /chosen entries) cleanly", () => {
    const r = dtc(virtFdt(base), "-O", "dts");
    expect(r.err).toBe("");
    expect(r.status).toBe(0);
    expect(r.out).not.toMatch(/plic|bootargs|initrd|mmu-type|interrupts = /);
  });

  it("agrees with dtc's own re-encoding, reservations included", () => {
    const blob = encodeFdt(new FdtNode("").prop("x", 1), { reservations: [{ address: 0x9000_0000n, size: 0x1000n }] });
    expect(dtc(blob, "-O", "dts").out).toContain("/memreserve/\t0x0000000090000000 0x0000000000001000;");
    for (const b of [blob, virtFdt(full)]) {
      const file = join(scratch, `t${files++}.dtb`);
      writeFileSync(file, b);
      const again = spawnSync("dtc", ["-I", "dtb", "-O", "dtb", file]);
      expect(again.status).toBe(0);
      const theirs = parseFdt(new Uint8Array(again.stdout));
      expect(theirs.root).toEqual(parseFdt(b).root);
      expect(theirs.reservations).toEqual(parseFdt(b).reservations);
    }
  });
});

// ---- (c) round trip ----

describe("virtFdt round trip", () => {
  const t = parseFdt(virtFdt(full));
  const root = t.root;

  it("writes a version 17 header for boot cpu 0 and no reservations", () => {
    expect(t.header[5]).toBe(17);
    expect(t.header[6]).toBe(16);
    expect(t.header[7]).toBe(0);
    expect(t.reservations).toEqual([]);
  });

  it("describes the root, memory and cpus", () => {
    expect(cellsOf(prop(root, "/#address-cells"))).toEqual([2]);
    expect(cellsOf(prop(root, "/#size-cells"))).toEqual([2]);
    expect(strOf(prop(root, "/compatible"))).toBe("riscv-virtio");
    expect(strOf(prop(root, "/model"))).toBe("riscv-virtio,qemu");
    expect(cellsOf(prop(root, "/memory@80000000/reg"))).toEqual([0, 0x80000000, 0, 128 << 20]);
    expect(cellsOf(prop(root, "/cpus/timebase-frequency"))).toEqual([10_000_000]);
    expect(cellsOf(prop(root, "/cpus/cpu@0/reg"))).toEqual([0]);
    expect(strOf(prop(root, "/cpus/cpu@0/status"))).toBe("okay");
    expect(strOf(prop(root, "/cpus/cpu@0/riscv,isa"))).toBe("rv32imac");
    expect(strOf(prop(root, "/cpus/cpu@0/mmu-type"))).toBe("riscv,sv32");
    expect(strOf(prop(root, "/cpus/cpu@0/interrupt-controller/compatible"))).toBe("riscv,cpu-intc");
  });

  it("fills /chosen", () => {
    expect(strOf(prop(root, "/chosen/stdout-path"))).toBe("/soc/serial@10000000");
    expect(strOf(prop(root, "/chosen/bootargs"))).toBe("console=ttyS0 earlycon=sbi");
    expect(cellsOf(prop(root, "/chosen/linux,initrd-start"))).toEqual([0, 0x84000000]);
    expect(cellsOf(prop(root, "/chosen/linux,initrd-end"))).toEqual([0, 0x84123456]);
    const plain = parseFdt(virtFdt({ ...base, stdoutPath: "/soc/serial@10000000:115200" })).root;
    expect([...node(plain, "/chosen").props.keys()]).toEqual(["stdout-path"]);
    expect(strOf(prop(plain, "/chosen/stdout-path"))).toBe("/soc/serial@10000000:115200");
    expect(node(plain, "/cpus/cpu@0").props.has("mmu-type")).toBe(false);
  });

  it("resolves every phandle reference to the intended node", () => {
    const byPhandle = new Map<number, string>();
    for (const [path, props] of flatten(root)) {
      const ph = props.get("phandle");
      if (ph) byPhandle.set(cellsOf(ph)[0]!, path);
    }
    expect(byPhandle.size).toBe(4);
    const intc = "/cpus/cpu@0/interrupt-controller";
    expect(byPhandle.get(Phandle.cpu0Intc)).toBe(intc);
    const [c0, i0, c1, i1] = cellsOf(prop(root, "/soc/clint@2000000/interrupts-extended"));
    expect([byPhandle.get(c0!), i0, byPhandle.get(c1!), i1]).toEqual([intc, 3, intc, 7]);
    const plicIrqs = cellsOf(prop(root, "/soc/plic@c000000/interrupts-extended"));
    expect(plicIrqs.map((c, i) => (i % 2 === 0 ? byPhandle.get(c) : c))).toEqual([intc, 11, intc, 9]);
    expect(byPhandle.get(cellsOf(prop(root, "/soc/serial@10000000/interrupt-parent"))[0]!)).toBe("/soc/plic@c000000");
    for (const n of ["poweroff", "reboot"]) {
      expect(byPhandle.get(cellsOf(prop(root, `/${n}/regmap`))[0]!)).toBe("/soc/test@100000");
      expect(cellsOf(prop(root, `/${n}/offset`))).toEqual([0]);
    }
    expect(cellsOf(prop(root, "/poweroff/value"))).toEqual([0x5555]);
    expect(cellsOf(prop(root, "/reboot/value"))).toEqual([0x7777]);
  });

  it("describes the soc devices", () => {
    expect(node(root, "/soc").props.get("ranges")!.length).toBe(0);
    expect(strsOf(prop(root, "/soc/clint@2000000/compatible"))).toEqual(["sifive,clint0", "riscv,clint0"]);
    expect(cellsOf(prop(root, "/soc/serial@10000000/reg"))).toEqual([0, 0x10000000, 0, 0x100]);
    expect(cellsOf(prop(root, "/soc/serial@10000000/clock-frequency"))).toEqual([3686400]);
    expect(cellsOf(prop(root, "/soc/serial@10000000/interrupts"))).toEqual([10]);
    expect(cellsOf(prop(root, "/soc/test@100000/reg"))).toEqual([0, 0x100000, 0, 0x1000]);
    expect(strsOf(prop(root, "/soc/test@100000/compatible"))).toEqual(["sifive,test1", "sifive,test0", "syscon"]);
    expect(cellsOf(prop(root, "/soc/plic@c000000/reg"))).toEqual([0, 0x0c000000, 0, 0x600000]);
    expect(prop(root, "/soc/plic@c000000/interrupt-controller").length).toBe(0);
  });

  it("leaves the plic and the uart's interrupt out unless asked", () => {
    const plain = parseFdt(virtFdt(base)).root;
    expect(node(plain, "/soc").children.map((c) => c.name)).toEqual(["serial@10000000", "test@100000", "clint@2000000"]);
    expect([...node(plain, "/soc/serial@10000000").props.keys()]).not.toContain("interrupts");
    expect([...node(plain, "/soc/serial@10000000").props.keys()]).not.toContain("interrupt-parent");
  });

  it("rejects an initrd that ends before it starts", () => {
    expect(() => virtFdt({ ...base, initrd: { start: 2, end: 1 } })).toThrow(RangeError);
  });
});

// ---- QEMU's own description of the same machine ----

describe.skipIf(!hasQemu)("matches qemu-system-riscv32 -M virt", () => {
  it("every node and property we write is in QEMU's dumpdtb, with the same bytes", () => {
    const file = join(scratch, "qemu-virt.dtb");
    const r = spawnSync(
      "qemu-system-riscv32",
      ["-M", `virt,dumpdtb=${file}`, "-bios", "none", "-m", "128M", "-smp", "1", "-nographic", "-display", "none"],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const dumped = new Uint8Array(readFileSync(file)); // padded: QEMU dumps its whole FDT buffer
    const qemu = flatten(parseFdt(dumped.subarray(0, new DataView(dumped.buffer, dumped.byteOffset).getUint32(4))).root);
    const isa = new TextDecoder().decode(qemu.get("/cpus/cpu@0")!.get("riscv,isa")!).replace(/\0$/, "");
    const ours = flatten(parseFdt(virtFdt({ ...base, isa, mmuType: "riscv,sv32", plic: true })).root);
    const ignored = new Set(["/cpus/cpu@0/interrupt-controller #address-cells"]);
    for (const [path, props] of ours) {
      expect(qemu.has(path), path).toBe(true);
      for (const [name, value] of props) {
        if (ignored.has(`${path} ${name}`)) continue;
        expect([...(qemu.get(path)!.get(name) ?? [])], `${path} ${name}`).toEqual([...value]);
      }
    }
  });
});
