import type { Hart } from "../hart/hart.js";
import { causeName, privName } from "../isa/cause.js";
import { disassemble } from "../isa/disasm.js";
import { hex } from "../machine.js";
import type { MonitorEvent } from "../monitor/monitor.js";

const ACTION: Record<MonitorEvent["handledBy"], string> = {
  delegated: "delegated by the hart",
  sbi: "monitor served SBI",
  emulated: "monitor emulated",
  forwarded: "monitor forwarded",
  terminated: "monitor terminated the run",
};

/** One line per privileged event the monitor handled. */
export function narrateMonitorEvent(e: MonitorEvent): string {
  const where = `${privName(e.from)}-mode`;
  const what = e.insn !== undefined
    ? `${where} executed \`${disassemble(e.insn, e.pc)}\` at 0x${hex(e.pc)}`
    : e.interrupt ? `${where} at 0x${hex(e.pc)} was interrupted` : `${where} at 0x${hex(e.pc)}`;
  const tail = e.ended ? " → the run ends" : ` → mret to ${privName(e.resumePriv)}-mode 0x${hex(e.resumePc)}`;
  return `${what} → ${causeName(e.cause, e.interrupt)} → ${ACTION[e.handledBy]} (${e.detail})${tail}`;
}

/** One line for a trap the hart delivered straight to S through medeleg/mideleg (no monitor involved). */
export function narrateDelegatedTrap(h: Hart): string | undefined {
  const t = h.lastTrap;
  if (t.to !== 1) return undefined;
  const where = `${privName(t.from)}-mode`;
  let what = `${where} at 0x${hex(t.epc)}`;
  const fetched = t.interrupt || t.cause === 1 || t.cause === 12 ? undefined : h.peekInstruction(t.epc, t.from);
  if (fetched) what = `${where} executed \`${disassemble(fetched.raw, t.epc)}\` at 0x${hex(t.epc)}`;
  else if (t.interrupt) what = `${where} at 0x${hex(t.epc)} was interrupted`;
  return `${what} → ${causeName(t.cause, t.interrupt)} → delegated by the hart → S-mode handler 0x${hex(h.pc)}`;
}
