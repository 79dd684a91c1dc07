import { type BootOptions, type BootOutcome, BootSession, parseKernel, runBoot } from "../boot.js";
import { ConsoleInput } from "./console-input.js";
import { causeName } from "../isa/cause.js";
import { DEFAULT_RAM } from "../machine.js";
import { DEFAULT_PRESET, type Delegation, PRESETS, customDelegation, preset } from "../monitor/delegation.js";
import { CSR_POLICIES, type CsrPolicy } from "../monitor/monitor.js";
import { engineOption, isaOption, parse, parseCount, parseSize } from "./args.js";
import { ExitCode, UsageError, guestExitCode } from "./errors.js";
import { formatEngine, table } from "./format.js";
import { narrateDelegatedTrap, narrateMonitorEvent } from "./narrate.js";
import type { FdWriter } from "./output.js";
import { traceObserver } from "./trace.js";
import { warmUp } from "../warmup.js";
// KERNELS_WARM_UP: a kernel runs much of its boot in the interpreter under either engine (code run
// once, trap and interrupt paths), so boot and compare warm the interpreter up under the jit engine
// too (measured, whole process: Linux boot 1.07 -> 0.92 s, the sbi guest 0.57 -> 0.51 s, the paging
// guest 0.40 -> 0.39 s). `run` does not: there the warm-up cost the jit engine 3-20%.

export const BOOT_HELP = `Usage: trapvisor boot <kernel.elf | Image> [options]

Boots an S-mode kernel — an RV32 ELF, or a RISC-V Linux Image (loaded at RAM base + 4 MiB, as RV32
Linux requires): the hart starts in S-mode at the entry with a0 = 0 (hart id) and
a1 = the address of a device tree describing this machine. M-mode is the TypeScript monitor: it
serves SBI v2.0 calls (ECALL from S), emulates what S may not do, and forwards the rest to the
kernel's stvec. The kernel ends the run with SBI SRST: exit 0 for shutdown, 1 for system failure.
Standard input feeds the guest console (UART receive, SBI getchar / DBCN read); on a terminal
every key goes to the guest, Ctrl-A then x quits.

Options:
  --isa ISA           extensions: rv32i, rv32im, rv32ima, rv32imac (default), ..._sstc
  --delegation P      exception delegation preset (default ${DEFAULT_PRESET}):
                        none     medeleg = 0: every exception visits the monitor
                        opensbi  misaligned fetch, breakpoint, U-ecall, page faults (as OpenSBI)
                        all      every exception except ECALL from S/M
                      every preset delegates SSI, STI and SEI in mideleg
  --medeleg X         custom medeleg (e.g. 0x109); overrides the preset's
  --mideleg Y         custom mideleg (e.g. 0x222); without SSI/STI/SEI the kernel cannot take them
  --time-csr M        native: mcounteren.TM set, rdtime runs in hardware (default);
                      emulate: TM clear, every rdtime traps and the monitor emulates it
                      (under --delegation all the illegal-instruction trap goes to the kernel)
  --csr-policy P      S-mode access to an M-mode CSR: safe (default: emulate reads of mhartid,
                      misa, mvendorid, marchid, mimpid, mconfigptr; forward the rest), emulate
                      (a virtual M-CSR set: reads see the machine, writes go to shadows), forward
                      (illegal instruction to the kernel's stvec), terminate (stop the run)
  --stats             print instructions per privilege, traps by cause/source/target/handler,
                      SBI calls and host time in the monitor (stderr)
  --stats=json        the same as JSON on stderr
  --narrate           one line per privileged event (monitor or delegated trap), on stderr
  --trace             one line per retired instruction and trap, on stderr
  --append TEXT       kernel command line (/chosen bootargs)
  --initrd FILE       initramfs, loaded below the device tree (/chosen linux,initrd-start/end)
  --max-insns N       stop after N instructions (default 1G); exit code 3
  --clock MODE        instructions (default) or wall
  --engine E          interp or jit (default \$TRAPVISOR_ENGINE, else jit)
  -m, --memory SIZE   RAM size (default 128M)
  -h, --help          this help`;

export const COMPARE_HELP = `Usage: trapvisor compare <kernel.elf> [options]

Boots the same kernel under several delegation configurations and prints one table: traps taken
in M and in S, monitor emulations and forwards, SBI calls, instructions retired, host time, MIPS,
the guest's exit code and a hash of its console output. Configurations whose exit code or console
output differ are reported as a DIVERGENCE (and the exit code is 1).

Options:
  --isa ISA           extensions (default rv32imac)
  --configs LIST      comma-separated presets and custom masks (default none,opensbi,all);
                      a custom mask is written medeleg=0x..:mideleg=0x..
  --time-csr LIST     native, emulate or native,emulate (compares both; default native)
  --csr-policy P      as for boot (default safe)
  --max-insns N       per-run limit (default 100M): a hang is reported, not waited for
  --json              print the results as JSON instead of a table
  --markdown          print the table as Markdown
  --engine E          interp or jit (default \$TRAPVISOR_ENGINE, else jit)
  -m, --memory SIZE   RAM size (default 128M)
  -h, --help          this help`;

/** Instructions between looks at the keyboard. */
const BOOT_CHUNK = 4_000_000;

const bootOptions = {
  isa: { type: "string" },
  delegation: { type: "string" },
  medeleg: { type: "string" },
  mideleg: { type: "string" },
  "time-csr": { type: "string" },
  "csr-policy": { type: "string" },
  stats: { type: "boolean" },
  "stats-json": { type: "boolean" },
  narrate: { type: "boolean" },
  trace: { type: "boolean" },
  append: { type: "string" },
  initrd: { type: "string" },
  "max-insns": { type: "string" },
  clock: { type: "string" },
  memory: { type: "string", short: "m" },
  engine: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function parseMask(name: string, text: string): number {
  const v = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new UsageError(`${name} expects a 32-bit mask such as 0x109, got '${text}'`);
  return v >>> 0;
}

function parseDelegation(presetName: string | undefined, medeleg: string | undefined, mideleg: string | undefined): Delegation {
  const base = preset(presetName ?? DEFAULT_PRESET);
  if (!base) throw new UsageError(`--delegation expects one of ${Object.keys(PRESETS).join(", ")}, got '${presetName}'`);
  if (medeleg === undefined && mideleg === undefined) return base;
  return customDelegation(
    medeleg === undefined ? base.medeleg : parseMask("--medeleg", medeleg),
    mideleg === undefined ? base.mideleg : parseMask("--mideleg", mideleg),
  );
}

function parseTimeCsr(text: string | undefined): "native" | "emulate" {
  const v = text ?? "native";
  if (v !== "native" && v !== "emulate") throw new UsageError(`--time-csr expects 'native' or 'emulate', got '${v}'`);
  return v;
}

function parsePolicy(text: string | undefined): CsrPolicy {
  const v = text ?? "safe";
  if (!(CSR_POLICIES as readonly string[]).includes(v)) throw new UsageError(`--csr-policy expects one of ${CSR_POLICIES.join(", ")}, got '${v}'`);
  return v as CsrPolicy;
}

function parseClock(text: string | undefined): "instructions" | "wall" {
  const v = text ?? "instructions";
  if (v !== "instructions" && v !== "wall") throw new UsageError(`--clock expects 'instructions' or 'wall', got '${v}'`);
  return v;
}

export function runExitCode(o: BootOutcome): number {
  const r = o.result;
  if (r.status === "exit") return guestExitCode(r.exitCode!);
  if (r.status === "terminated") return ExitCode.terminated;
  return r.status === "limit" ? ExitCode.limit : ExitCode.livelock;
}

/** SBI console output calls: narrated by `--narrate`, left out of the demo's story (their text is the story). */
const CONSOLE_CALL = /SBI (DBCN console_write|DBCN console_write_byte|legacy console_putchar)$/;

export async function cmdBoot(argv: string[], read: (p: string) => Uint8Array, out: FdWriter, err: FdWriter, demo = false): Promise<number> {
  // `--stats=json` is spelled like an optional value; parseArgs has none, so map it first.
  argv = argv.map((a) => (a === "--stats=json" ? "--stats-json" : a === "--stats=table" ? "--stats" : a));
  const { values, positionals } = parse("boot", argv, bootOptions);
  if (values.help) { out.text(BOOT_HELP + "\n"); return 0; }
  if (positionals.length !== 1) throw new UsageError(`boot: expected one kernel ELF, got ${positionals.length} (see 'trapvisor boot --help')`);
  const path = positionals[0]!;
  const name = path.split("/").pop()!;
  const opts: BootOptions = {
    isa: isaOption(values.isa),
    delegation: parseDelegation(values.delegation, values.medeleg, values.mideleg),
    timeCsr: parseTimeCsr(values["time-csr"]),
    csrPolicy: parsePolicy(values["csr-policy"]),
    ramSize: parseSize("--memory", values.memory, DEFAULT_RAM),
    clock: parseClock(values.clock),
    engine: engineOption(values.engine),
    output: (b) => out.bytes(b),
    ...(values.append !== undefined ? { bootargs: values.append } : {}),
    ...(values.initrd !== undefined ? { initrd: read(values.initrd) } : {}),
  };
  const maxInsns = parseCount("--max-insns", values["max-insns"], 1e9);
  const image = parseKernel(read(path), name);
  warmUp(["interp"]); // under either engine: see KERNELS_WARM_UP
  const narrate = !!values.narrate;
  if (narrate) {
    opts.onEvent = (e) => {
      if (demo && e.handledBy === "sbi" && CONSOLE_CALL.test(e.detail)) return;
      out.flush(); err.text(narrateMonitorEvent(e) + "\n"); err.flush();
    };
  }
  const hooks = values.trace
    ? { observer: traceObserver((line) => err.text(line)) }
    : narrate
      ? { onTrap: (h: Parameters<typeof narrateDelegatedTrap>[0]) => {
          const line = narrateDelegatedTrap(h);
          if (line) { out.flush(); err.text(line + "\n"); err.flush(); }
        } }
      : {};
  // One receive queue, in the UART: the 8250 driver reads it through RBR, SBI getchar/DBCN read take from it.
  let session: BootSession | undefined;
  opts.readByte = () => session?.machine.uart.takeByte() ?? -1;
  session = new BootSession(image, name, opts, hooks);
  const uart = session.machine.uart;
  const input = new ConsoleInput((bytes) => uart.feed(bytes));
  if (!demo) await input.attach(process.stdin);
  // Run in chunks so keyboard input (event loop) reaches the guest between them.
  let result;
  try {
    for (;;) {
      const done = session.run(0).retired;
      result = session.run(Math.min(BOOT_CHUNK, maxInsns - done));
      if (result.status !== "limit" || result.retired >= maxInsns) break;
      if (input.quit) {
        result = { ...result, status: "exit" as const, exitCode: 0, reason: "stopped by the user (Ctrl-A x)" };
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    input.detach();
  }
  if (result.status === "limit") {
    result = { ...result, reason: result.reason.replace(/^stopped after \d+ instructions/, `stopped after ${maxInsns} instructions`) };
  }
  const outcome = session.outcome(result);
  out.flush();
  if (values["stats-json"]) {
    err.text(JSON.stringify(statsJson(outcome, opts), null, 2) + "\n");
  } else {
    if (values.stats) err.text(formatBootStats(outcome) + "\n");
    err.text(`trapvisor: ${outcome.result.reason} (${outcome.result.retired} instructions, ${outcome.result.hostSeconds.toFixed(3)} s)\n`);
  }
  err.flush();
  return runExitCode(outcome);
}

function statsJson(o: BootOutcome, opts: BootOptions) {
  const r = o.result;
  return {
    status: r.status,
    exitCode: r.exitCode ?? null,
    reason: r.reason,
    delegation: { name: opts.delegation.name, medeleg: opts.delegation.medeleg, mideleg: opts.delegation.mideleg },
    timeCsr: opts.timeCsr,
    csrPolicy: opts.csrPolicy,
    instructions: o.stats.retired,
    hostSeconds: r.hostSeconds,
    mips: r.hostSeconds > 0 ? r.retired / r.hostSeconds / 1e6 : 0,
    traps: [
      ...o.delegated.map((d) => ({ cause: d.cause, interrupt: d.interrupt, name: causeLabel(d.cause, d.interrupt), from: d.from, to: "S", handledBy: "delegated", count: d.count })),
      ...o.monitor.traps,
    ],
    sbiCalls: o.monitor.sbiCalls,
    monitor: { emulated: o.monitor.emulated, forwarded: o.monitor.forwarded, sbi: o.monitor.sbi, hostSeconds: o.monitor.monitorSeconds },
    consoleSha256: o.consoleSha256,
  };
}

const causeLabel = (c: number, i: boolean): string => causeName(c, i);

export function formatBootStats(o: BootOutcome): string {
  const s = o.stats;
  const r = o.result;
  const lines: string[] = [];
  lines.push(table(["privilege", "instructions retired"], [["M", s.retired.M], ["S", s.retired.S], ["U", s.retired.U], ["total", s.retired.total]]));
  const rows: (string | number)[][] = [
    ...o.delegated.map((d) => [causeLabel(d.cause, d.interrupt), `${d.interrupt ? "irq " : ""}${d.cause}`, d.from, "S", "hart delegation", d.count]),
    ...o.monitor.traps.map((t) => [t.name, `${t.interrupt ? "irq " : ""}${t.cause}`, t.from, "M", `monitor ${t.handledBy}`, t.count]),
  ];
  lines.push(rows.length ? table(["trap", "cause", "from", "to", "handled by", "count"], rows) : "traps: none");
  if (o.monitor.sbiCalls.length) lines.push(table(["SBI call", "count"], o.monitor.sbiCalls.map((c) => [c.call, c.count])));
  const mips = r.hostSeconds > 0 ? r.retired / r.hostSeconds / 1e6 : 0;
  lines.push(`host time ${r.hostSeconds.toFixed(3)} s (${(o.monitor.monitorSeconds * 1000).toFixed(2)} ms in the monitor), ${mips.toFixed(1)} MIPS`);
  lines.push(formatEngine(s));
  return lines.join("\n");
}

interface CompareRow {
  config: string;
  timeCsr: string;
  outcome: BootOutcome;
}

function parseConfigs(text: string): Delegation[] {
  return text.split(",").map((c) => c.trim()).filter(Boolean).map((c) => {
    const p = preset(c);
    if (p) return p;
    const m = /^medeleg=(\w+):mideleg=(\w+)$/.exec(c);
    if (m) return customDelegation(parseMask("medeleg", m[1]!), parseMask("mideleg", m[2]!));
    throw new UsageError(`--configs: '${c}' is neither a preset (${Object.keys(PRESETS).join(", ")}) nor medeleg=0x..:mideleg=0x..`);
  });
}

export function cmdCompare(argv: string[], read: (p: string) => Uint8Array, out: FdWriter, err: FdWriter): number {
  const { values, positionals } = parse("compare", argv, {
    isa: { type: "string" },
    configs: { type: "string" },
    "time-csr": { type: "string" },
    "csr-policy": { type: "string" },
    "max-insns": { type: "string" },
    json: { type: "boolean" },
    markdown: { type: "boolean" },
    memory: { type: "string", short: "m" },
    engine: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) { out.text(COMPARE_HELP + "\n"); return 0; }
  if (positionals.length !== 1) throw new UsageError(`compare: expected one kernel ELF, got ${positionals.length} (see 'trapvisor compare --help')`);
  const path = positionals[0]!;
  const name = path.split("/").pop()!;
  const configs = parseConfigs(values.configs ?? "none,opensbi,all");
  const timeModes = (values["time-csr"] ?? "native").split(",").map((t) => parseTimeCsr(t.trim()));
  const csrPolicy = parsePolicy(values["csr-policy"]);
  const maxInsns = parseCount("--max-insns", values["max-insns"], 100e6);
  const ramSize = parseSize("--memory", values.memory, DEFAULT_RAM);
  const image = parseKernel(read(path), name);
  const isa = isaOption(values.isa);
  const engine = engineOption(values.engine);
  warmUp(["interp"]); // under either engine: see KERNELS_WARM_UP
  const rows: CompareRow[] = [];
  for (const delegation of configs) {
    for (const timeCsr of timeModes) {
      err.text(`compare: booting ${name} with ${delegation.name}${timeModes.length > 1 ? `, time ${timeCsr}` : ""}...\n`);
      err.flush();
      rows.push({ config: delegation.name, timeCsr, outcome: runBoot(image, name, { isa, delegation, timeCsr, csrPolicy, ramSize, engine }, maxInsns) });
    }
  }
  const divergences = findDivergences(rows);
  if (values.json) {
    out.text(JSON.stringify({
      kernel: name,
      runs: rows.map((r) => ({ config: r.config, timeCsr: r.timeCsr, ...compareFields(r.outcome) })),
      divergences,
    }, null, 2) + "\n");
  } else {
    const header = ["config", ...(timeModes.length > 1 ? ["time"] : []), "traps to M", "traps to S", "emulated", "forwarded", "SBI calls", "instructions", "host s", "MIPS", "exit", "console sha256"];
    const body = rows.map((r) => {
      const f = compareFields(r.outcome);
      return [r.config, ...(timeModes.length > 1 ? [r.timeCsr] : []), f.trapsToM, f.trapsToS, f.emulated, f.forwarded, f.sbiCalls, f.instructions, f.hostSeconds.toFixed(3), f.mips.toFixed(1), f.exit, f.consoleSha256.slice(0, 12)];
    });
    out.text((values.markdown ? markdownTable(header, body) : table(header, body)) + "\n");
    if (divergences.length) {
      out.text(`\nDIVERGENCE: the configurations did not behave the same:\n${divergences.map((d) => `  - ${d}`).join("\n")}\n`);
    } else out.text("\nAll configurations agree: same exit status and console output.\n");
  }
  out.flush();
  return divergences.length ? 1 : 0;
}

function compareFields(o: BootOutcome) {
  const r = o.result;
  const exit = r.status === "exit" ? String(r.exitCode) : r.status === "limit" ? "hang (limit)" : r.status;
  return {
    trapsToM: o.trapsToM, trapsToS: o.trapsToS, emulated: o.monitor.emulated, forwarded: o.monitor.forwarded,
    sbiCalls: o.monitor.sbi, instructions: r.retired, hostSeconds: r.hostSeconds,
    mips: r.hostSeconds > 0 ? r.retired / r.hostSeconds / 1e6 : 0, exit, reason: r.reason,
    consoleSha256: o.consoleSha256,
  };
}

function findDivergences(rows: CompareRow[]): string[] {
  if (rows.length < 2) return [];
  const ref = rows[0]!;
  const out: string[] = [];
  const label = (r: CompareRow): string => `${r.config}${r.timeCsr !== "native" ? ` (time ${r.timeCsr})` : ""}`;
  for (const r of rows.slice(1)) {
    const a = compareFields(ref.outcome), b = compareFields(r.outcome);
    if (a.exit !== b.exit) out.push(`${label(r)} ended with '${b.exit}' (${b.reason}) where ${label(ref)} ended with '${a.exit}'`);
    if (a.consoleSha256 !== b.consoleSha256) out.push(`${label(r)} printed different console output from ${label(ref)}`);
  }
  for (const r of rows) if (r.outcome.result.status !== "exit") out.push(`${label(r)} did not finish: ${r.outcome.result.reason}`);
  return [...new Set(out)];
}

function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.map(String).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

