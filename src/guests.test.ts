import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runBoot } from "./boot.js";
import { misaFor, parseIsa } from "./isa/isa-string.js";
import { parseElf } from "./loader/elf.js";
import { PRESETS } from "./monitor/delegation.js";
import type { CsrPolicy } from "./monitor/monitor.js";

// The project's own S-mode guest kernels (riscv-tests/guests/*.S, committed ELFs), booted under every
// configuration each one applies to (see the header of each .S file). A guest reports through SBI
// SRST: exit 0 after printing "<guest>: PASS", exit 1 after "FAIL: <check> ...".

type TimeCsr = "native" | "emulate";
interface Config { isa: string; preset: string; timeCsr: TimeCsr; policy: CsrPolicy }
interface GuestCase {
  elf: string;
  presets: string[];
  timeCsr: TimeCsr[];
  policies: CsrPolicy[];
  /** Lines the console must contain under a configuration (besides the PASS line). */
  lines?: (c: Config) => string[];
}

const ALL_PRESETS = ["none", "opensbi", "all"];
/** Every guest is built for rv32i and must behave the same on the base ISA and on the default rv32imac. */
const ISAS = ["rv32i", "rv32imac"];
const BOTH_TIMES: TimeCsr[] = ["native", "emulate"];

const GUESTS: GuestCase[] = [
  { elf: "hello.elf", presets: ALL_PRESETS, timeCsr: BOTH_TIMES, policies: ["safe", "emulate", "forward", "terminate"] },
  {
    elf: "timer-user.elf", presets: ALL_PRESETS, timeCsr: BOTH_TIMES, policies: ["safe", "emulate", "forward", "terminate"],
    // rdtime reaches the kernel itself only when the hart delegates illegal instructions and TM is clear.
    // Every preset: each U run (direct, vectored stvec) under Sv32 takes one store and one load page
    // fault the kernel resolves by mapping a page, and one refused load from kernel memory (U = 0).
    lines: (c) => [
      "timer-user: Sv32 on: kernel identity-mapped by 4 MiB superpages, U pages at 0x00400000",
      "U-mode task, direct stvec: ecall add, mul, csrr sstatus, rdtime, page faults, ecall exit\n" +
        "timer-user: page faults resolved: 0x00000002, U loads from kernel memory refused: 0x00000001\n",
      "U-mode task again, vectored stvec (exceptions -> base)\n" +
        "timer-user: page faults resolved: 0x00000002, U loads from kernel memory refused: 0x00000001\n",
      ...(c.preset === "all" && c.timeCsr === "emulate" ? [] : ["rdtime emulated by this kernel itself: 0x00000000 times"]),
    ],
  },
  {
    elf: "privileged.elf", presets: ALL_PRESETS, timeCsr: BOTH_TIMES, policies: ["safe", "emulate", "forward"],
    lines: (c) => {
      const monitorSees = c.preset !== "all"; // under `all` the hart delegates illegal instructions and misaligned accesses
      const readsEmulated = monitorSees && c.policy !== "forward";
      const writesEmulated = monitorSees && c.policy === "emulate";
      return [
        readsEmulated ? "csrr a0, mhartid: emulated by the monitor = 0x00000000" : "csrr a0, mhartid: illegal instruction, handled by this kernel",
        readsEmulated ? `csrr a0, misa: emulated by the monitor = 0x${misaFor(parseIsa(c.isa)).toString(16).padStart(8, "0")}` : "csrr a0, misa: illegal instruction, handled by this kernel",
        writesEmulated ? "csrw mscratch, a0: emulated by the monitor (shadow)" : "csrw mscratch, a0: illegal instruction, handled by this kernel",
        monitorSees ? "at odd addresses: correct, emulated by the monitor" : "at odd addresses: correct, emulated by this kernel's handler",
        monitorSees ? "access faults at 0x88000000 forwarded by the monitor" : "access faults at 0x88000000 (raised by this kernel's misaligned handler",
        "ebreak: breakpoint, scause 3",
      ];
    },
  },
  {
    elf: "demo.elf", presets: ["none", "opensbi"], timeCsr: BOTH_TIMES, policies: ["safe", "emulate"],
    lines: () => ["demo 7/7: all checks passed", "hello from U-mode"],
  },
];

const dir = new URL("../riscv-tests/guests/", import.meta.url).pathname;
const MAX_INSNS = 5_000_000;

for (const g of GUESTS) {
  const name = g.elf.replace(/\.elf$/, "");
  const image = parseElf(readFileSync(dir + g.elf), g.elf);
  const configs: Config[] = ISAS.flatMap((isa) => g.presets.flatMap((preset) => g.timeCsr.flatMap((timeCsr) => g.policies.map((policy) => ({ isa, preset, timeCsr, policy })))));
  describe(`guests/${g.elf}`, () => {
    it.each(configs)("--isa $isa --delegation $preset --time-csr $timeCsr --csr-policy $policy", (c) => {
      const outcome = runBoot(image, g.elf, { isa: parseIsa(c.isa), delegation: PRESETS[c.preset]!, timeCsr: c.timeCsr, csrPolicy: c.policy }, MAX_INSNS);
      const text = Buffer.from(outcome.console).toString("utf8");
      expect(outcome.result.status, `${outcome.result.reason}\n${text}`).toBe("exit");
      expect(outcome.result.exitCode, text).toBe(0);
      expect(text).toContain(`${name}: PASS\n`);
      expect(text).not.toContain("FAIL");
      for (const line of g.lines?.(c) ?? []) expect(text).toContain(line);
    });
  });
}
