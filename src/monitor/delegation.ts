import { MIP } from "../csr/bits.js";
import { Exception } from "../isa/cause.js";

export interface Delegation {
  readonly name: string;
  readonly medeleg: number;
  readonly mideleg: number;
}

const bit = (...causes: number[]): number => causes.reduce((m, c) => m | (1 << c), 0) >>> 0;

/** The supervisor interrupts; without them in mideleg, sie/sip hide them and S cannot take them. */
export const S_INTERRUPT_DELEGATION = MIP.SSIP | MIP.STIP | MIP.SEIP;

const PAGE_FAULTS = [Exception.InstructionPageFault, Exception.LoadPageFault, Exception.StorePageFault];

/** Delegation presets (`--delegation`). */
export const PRESETS: Record<string, Delegation> = {
  /** Every exception visits the monitor, which forwards what it does not handle. */
  none: { name: "none", medeleg: 0, mideleg: S_INTERRUPT_DELEGATION },
  /** What OpenSBI programs on QEMU virt: misaligned fetch, breakpoint, U-ecall, page faults. */
  opensbi: {
    name: "opensbi",
    medeleg: bit(Exception.InstructionMisaligned, Exception.Breakpoint, Exception.EcallFromU, ...PAGE_FAULTS),
    mideleg: S_INTERRUPT_DELEGATION,
  },
  /** Everything but ECALL from S/M: the guest handles its own misaligned accesses and illegal instructions. */
  all: {
    name: "all",
    medeleg: bit(
      Exception.InstructionMisaligned, Exception.InstructionAccessFault, Exception.IllegalInstruction,
      Exception.Breakpoint, Exception.LoadMisaligned, Exception.LoadAccessFault, Exception.StoreMisaligned,
      Exception.StoreAccessFault, Exception.EcallFromU, ...PAGE_FAULTS,
    ),
    mideleg: S_INTERRUPT_DELEGATION,
  },
};

export const DEFAULT_PRESET = "opensbi";

/** A preset by name, or undefined. */
export function preset(name: string): Delegation | undefined {
  return Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
}

export function customDelegation(medeleg: number, mideleg: number): Delegation {
  return { name: `medeleg=0x${(medeleg >>> 0).toString(16)},mideleg=0x${(mideleg >>> 0).toString(16)}`, medeleg: medeleg >>> 0, mideleg: mideleg >>> 0 };
}
