import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// End-to-end: the compiled CLI (npm test builds dist/ first, see the pretest script).
const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "dist/bin/main.js");
const own = (p: string): string => join(root, "riscv-tests", p);

function trapvisor(...args: string[]) {
  return trapvisorWithInput(undefined, ...args);
}

function trapvisorWithInput(input: string | undefined, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 60_000, ...(input !== undefined ? { input } : {}) });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), "trapvisor-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("trapvisor CLI", () => {
  it("runs the demo kernel and narrates its privileged events", () => {
    const r = trapvisor("demo");
    expect(r.code).toBe(0);
    expect(r.out).toContain("demo: PASS");
    expect(r.err).toMatch(/^S-mode executed `csrr a0,mhartid` at 0x[0-9a-f]{8} → illegal instruction → monitor emulated .* → mret to S-mode 0x[0-9a-f]{8}$/m);
    expect(r.err).toMatch(/^S-mode executed `rdtime .*` at .* → illegal instruction → monitor emulated/m);
    expect(r.err).toMatch(/^U-mode executed `ecall` at .* → environment call from U-mode → delegated by the hart/m);
    expect(r.err).toMatch(/machine timer interrupt\s+irq 7\s+S\s+M\s+monitor forwarded\s+1/);
    expect(r.err).not.toMatch(/console_write\)/);
  });

  it("runs an M-mode program and reports its traps", () => {
    const r = trapvisor("run", own("demo/demo.elf"), "--stats");
    expect(r.code).toBe(0);
    expect(r.out).toContain("hello from M-mode on trapvisor");
    expect(r.err).toMatch(/environment call from U-mode\s+8\s+U\s+M\s+1/);
    expect(r.err).toMatch(/machine timer interrupt\s+irq 7\s+M\s+M\s+1/);
  });

  it("exits with the guest status and says so", () => {
    const elf = readFileSync(own("rv32ui/add.elf"));
    const r = trapvisor("run", own("rv32ui/add.elf"));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/HTIF exit: pass/);
    expect(elf.length).toBeGreaterThan(0);
  });

  it("reports hitting --max-insns with exit code 3", () => {
    const r = trapvisor("run", own("rv32ui/add.elf"), "--max-insns", "10");
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/stopped after 10 instructions \(--max-insns\)/);
  });

  it("traces in a stable one-line-per-instruction format", () => {
    const r = trapvisor("run", own("rv32ui/add.elf"), "--trace", "--max-insns", "3");
    const lines = r.err.split("\n").filter((l) => /^[MSU] [0-9a-f]{8} /.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^M 80000000 [0-9a-f]{8}  \S+/);
    const again = trapvisor("run", own("rv32ui/add.elf"), "--trace", "--max-insns", "3");
    expect(again.err.split("\n").slice(0, 3)).toEqual(lines);
  });

  it("prints per-privilege and per-trap statistics", () => {
    const r = trapvisor("run", own("demo/demo.elf"), "--stats");
    expect(r.err).toMatch(/^M\s+\d+$/m);
    expect(r.err).toMatch(/illegal instruction\s+2\s+M\s+M\s+1/);
  });

  it("runs a directory of tests in parallel and closes with the count line", () => {
    const r = trapvisor("test", own("rv32ui"), own("demo/demo.elf"));
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n").at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it("fails a test run when a test fails", () => {
    const r = trapvisor("test", own("rv32ui/add.elf"), "--max-insns", "5");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL .*add\.elf/m);
    expect(r.out).toMatch(/^0 passed, 1 failed$/m);
  });

  const oneLineError = (r: { code: number | null; err: string }, pattern: RegExp): void => {
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /);
  };

  it("missing file: one line, exit 2", () => oneLineError(trapvisor("run", join(scratch, "nope.elf")), /no such file/));
  it("not an ELF: one line, exit 2", () => {
    const f = join(scratch, "text.elf");
    writeFileSync(f, "hello world, definitely not an ELF file\n");
    oneLineError(trapvisor("run", f), /not an ELF/);
  });
  it("truncated ELF: one line, exit 2", () => {
    const f = join(scratch, "short.elf");
    writeFileSync(f, readFileSync(own("rv32ui/add.elf")).subarray(0, 100));
    oneLineError(trapvisor("run", f), /short\.elf/);
  });
  it("foreign ELF (the host's node binary): one line, exit 2", () => oneLineError(trapvisor("run", process.execPath), /machine|ELF64|class/i));
  it("unknown option: one line, exit 2", () => oneLineError(trapvisor("run", own("rv32ui/add.elf"), "--bogus"), /bogus/));
  it("unknown command: one line, exit 2", () => oneLineError(trapvisor("frobnicate"), /unknown command/));
  it("bad number: one line, exit 2", () => oneLineError(trapvisor("run", own("rv32ui/add.elf"), "--max-insns", "lots"), /--max-insns/));

  it("feeds piped stdin to the guest console: SBI DBCN read, legacy getchar, then the UART", () => {
    const r = trapvisorWithInput("XYhello there\n", "boot", own("guests/echo.elf"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("echo: dbcn read 0x00000001 byte(s): X");
    expect(r.out).toContain("echo: getchar 0x00000059");
    expect(r.out).toContain("echo: uart line: hello there");
  });

  it("with empty stdin the console reads report no input (-1 / 0 bytes), and the run ends", () => {
    const r = trapvisorWithInput("", "boot", own("guests/echo.elf"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("echo: dbcn read 0x00000000 byte(s)");
    expect(r.out).toContain("echo: getchar 0xffffffff");
  });

  it("has --help on every command", () => {
    for (const cmd of [[], ["run"], ["test"], ["demo"], ["boot"], ["compare"]]) {
      const r = trapvisor(...cmd, "--help");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage: trapvisor/);
    }
  });

  it("--stats names the engine, and for jit what was translated and how much ran translated", () => {
    const jit = trapvisor("run", own("rv32ui/sieve.elf"), "--engine", "jit", "--stats");
    expect(jit.code).toBe(0);
    expect(jit.err).toMatch(/engine jit: \d+ translations \(\d+ instructions, [\d.]+ ms\), [\d.]+% of instructions ran translated/);
    const interp = trapvisor("run", own("rv32ui/sieve.elf"), "--engine", "interp", "--stats");
    expect(interp.err).toMatch(/; engine interp$/m);
  });

  describe("bench", () => {
    it("measures an ELF per engine and reports JSON (no QEMU, no whole-process rounds)", () => {
      const r = trapvisor("bench", own("rv32ui/sieve.elf"), "--runs", "1", "--proc-runs", "0", "--no-qemu", "--json", "-");
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as { results: { kind: string; engines: { engine: string; instructions: number; mips: number }[] }[] };
      expect(j.results[0]!.kind).toBe("htif");
      expect(j.results[0]!.engines.map((e) => e.engine)).toEqual(["interp", "jit"]);
      for (const e of j.results[0]!.engines) {
        expect(e.instructions).toBeGreaterThan(1_000_000);
        expect(e.mips).toBeGreaterThan(0);
      }
      expect(r.err).toMatch(/^bench: sieve\.elf: trapvisor --engine interp in-process/m);
    });

    it("prints a table with whole-process times, and fails on a guest that does not pass", () => {
      const ok = trapvisor("bench", own("rv32ui/add.elf"), "--engine", "jit", "--runs", "1", "--proc-runs", "1", "--no-qemu");
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/^add\.elf\s+jit\s+\d+\s+[\d.]+\s+[\d.]+\s+-/m);
      const bad = trapvisor("bench", own("guests/hello.elf"), "--runs", "1", "--proc-runs", "0", "--no-qemu", "--max-insns", "10");
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^trapvisor: hello\.elf: stopped after 10 instructions/m);
    });

    it("rejects bad usage with one line and exit code 2", () => {
      expect(trapvisor("bench").code).toBe(2);
      const r = trapvisor("bench", own("rv32ui/add.elf"), "--engine", "fast");
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe("trapvisor: --engine expects interp, jit or both, got 'fast'");
      expect(trapvisor("bench", "no-such.elf").err.trim()).toBe("trapvisor: no-such.elf: no such file");
    });
  });
  it("starts from its code cache, and as well without one or with one V8 rejects", () => {
    const run = (dir: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [join(dir, "main.js"), "run", own("demo/demo.elf")], { encoding: "utf8", timeout: 60_000, env: { ...process.env, NODE_PATH: join(root, "node_modules"), ...env } });
    expect(readFileSync(join(root, "dist/bin/cli.cache")).length).toBeGreaterThan(10_000);
    // The launcher runs the bundle as a vm script, where import() has no loader: the build lowers it.
    expect(readFileSync(join(root, "dist/bin/cli.js"), "utf8")).not.toMatch(/\bimport\(/);
    const copy = join(scratch, "bin");
    cpSync(join(root, "dist/bin"), copy, { recursive: true });
    for (const cache of ["rejected", "missing"]) {
      if (cache === "rejected") writeFileSync(join(copy, "cli.cache"), "not a code cache");
      else rmSync(join(copy, "cli.cache"));
      const r = run(copy);
      expect(r.status, cache).toBe(0);
      expect(r.stdout).toContain("hello from M-mode on trapvisor");
      expect(r.stderr, cache).not.toContain("Error");
    }
    // TRAPVISOR_WRITE_CODE_CACHE=1 writes one at exit (the build's way), which V8 then accepts.
    expect(run(copy, { TRAPVISOR_WRITE_CODE_CACHE: "1" }).status).toBe(0);
    expect(readFileSync(join(copy, "cli.cache")).length).toBeGreaterThan(10_000);
    expect(run(copy).status).toBe(0);
  });
});
