// Exception and interrupt codes (privileged spec 1.12, Table 3.6).
export const Exception = {
  InstructionMisaligned: 0,
  InstructionAccessFault: 1,
  IllegalInstruction: 2,
  Breakpoint: 3,
  LoadMisaligned: 4,
  LoadAccessFault: 5,
  StoreMisaligned: 6,
  StoreAccessFault: 7,
  EcallFromU: 8,
  EcallFromS: 9,
  EcallFromM: 11,
  InstructionPageFault: 12,
  LoadPageFault: 13,
  StorePageFault: 15,
} as const;

export const Interrupt = {
  SupervisorSoftware: 1,
  MachineSoftware: 3,
  SupervisorTimer: 5,
  MachineTimer: 7,
  SupervisorExternal: 9,
  MachineExternal: 11,
} as const;

/** Bit 31 of xcause: the trap is an interrupt. */
export const INTERRUPT_FLAG = 0x80000000;

const exceptionNames: Record<number, string> = {
  0: "instruction address misaligned",
  1: "instruction access fault",
  2: "illegal instruction",
  3: "breakpoint",
  4: "load address misaligned",
  5: "load access fault",
  6: "store/AMO address misaligned",
  7: "store/AMO access fault",
  8: "environment call from U-mode",
  9: "environment call from S-mode",
  11: "environment call from M-mode",
  12: "instruction page fault",
  13: "load page fault",
  15: "store/AMO page fault",
};

const interruptNames: Record<number, string> = {
  1: "supervisor software interrupt",
  3: "machine software interrupt",
  5: "supervisor timer interrupt",
  7: "machine timer interrupt",
  9: "supervisor external interrupt",
  11: "machine external interrupt",
};

export function causeName(code: number, interrupt: boolean): string {
  const name = (interrupt ? interruptNames : exceptionNames)[code];
  return name ?? `${interrupt ? "interrupt" : "exception"} ${code}`;
}

/** Privilege levels as encoded in xPP fields. */
export const Priv = { U: 0, S: 1, M: 3 } as const;
export type PrivLevel = 0 | 1 | 3;

export function privName(p: number): string {
  return p === 3 ? "M" : p === 1 ? "S" : p === 0 ? "U" : "?";
}
