import type { Hart } from "../hart/hart.js";
import { causeName, privName } from "../isa/cause.js";
import { disassemble } from "../isa/disasm.js";
import type { StepObserver } from "../machine.js";
import { hex } from "../machine.js";

const ABI = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
  "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"];

/**
 * The --trace format, one line per retired instruction, stable for diffing:
 *   <mode> <pc> <insn>  <disassembly padded to 32>  <reg>=<value>
 * and one line per trap:
 *   <mode> <epc> trap <cause> (<code>) tval=<tval> -> <mode> <vector>
 */
export function traceObserver(emit: (line: string) => void): StepObserver {
  return {
    instruction(pc: number, priv: number, insn: number, rd: number, value: number): void {
      const written = rd ? `${ABI[rd]}=0x${hex(value)}` : "";
      emit(`${privName(priv)} ${hex(pc)} ${hex(insn)}  ${disassemble(insn, pc).padEnd(32)}${written}`.trimEnd() + "\n");
    },
    trap(h: Hart): void {
      const t = h.lastTrap;
      const code = t.interrupt ? `interrupt ${t.cause}` : `${t.cause}`;
      emit(`${privName(t.from)} ${hex(t.epc)} trap ${causeName(t.cause, t.interrupt)} (${code}) tval=0x${hex(t.tval)} -> ${privName(t.to)} ${hex(h.pc)}\n`);
    },
  };
}
