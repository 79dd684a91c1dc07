import type { MachineStats } from "../machine.js";

/** A plain text table: header row, then rows; numbers right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number"));
  const line = (r: string[]): string =>
    r.map((v, c) => (numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join("  ").trimEnd();
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** One line on the engine: for jit, how much was translated and how much ran translated. */
export function formatEngine(s: MachineStats): string {
  const e = s.engine;
  if (e.name !== "jit" || e.translations === undefined) return `engine ${e.name}`;
  const share = s.retired.total > 0 ? (100 * (e.retiredTranslated ?? 0)) / s.retired.total : 0;
  return `engine jit: ${e.translations} translations (${e.translatedInstructions} instructions, ${((e.translateSeconds ?? 0) * 1000).toFixed(1)} ms), ` +
    `${share.toFixed(1)}% of instructions ran translated, ${e.invalidations} pages dropped by stores to code`;
}

export function formatStats(s: MachineStats, hostSeconds: number): string {
  const out: string[] = [];
  const mips = hostSeconds > 0 ? s.retired.total / hostSeconds / 1e6 : 0;
  out.push(table(["privilege", "instructions retired"], [
    ["M", s.retired.M], ["S", s.retired.S], ["U", s.retired.U], ["total", s.retired.total],
  ]));
  out.push(`host time ${hostSeconds.toFixed(3)} s, ${mips.toFixed(1)} MIPS; ${formatEngine(s)}`);
  if (s.traps.length === 0) out.push("traps: none");
  else {
    out.push(table(["trap", "cause", "from", "to", "count"], s.traps.map((t) => [
      t.name, `${t.interrupt ? "irq " : ""}${t.cause}`, t.from, t.to, t.count,
    ])));
  }
  return out.join("\n");
}
