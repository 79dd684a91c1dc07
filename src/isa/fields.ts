// Instruction field extractors (unprivileged spec 2.2-2.3). All take the 32-bit word as a number.
export const opcode = (i: number): number => i & 0x7f;
export const rd = (i: number): number => (i >>> 7) & 0x1f;
export const funct3 = (i: number): number => (i >>> 12) & 7;
export const rs1 = (i: number): number => (i >>> 15) & 0x1f;
export const rs2 = (i: number): number => (i >>> 20) & 0x1f;
export const funct7 = (i: number): number => i >>> 25;
export const immI = (i: number): number => i >> 20;
export const immS = (i: number): number => ((i >> 20) & ~0x1f) | ((i >>> 7) & 0x1f);
export const immB = (i: number): number =>
  ((i >> 19) & ~0xfff) | ((i << 4) & 0x800) | ((i >>> 20) & 0x7e0) | ((i >>> 7) & 0x1e);
export const immU = (i: number): number => i & ~0xfff;
export const immJ = (i: number): number =>
  ((i >> 11) & ~0xfffff) | (i & 0xff000) | ((i >>> 9) & 0x800) | ((i >>> 20) & 0x7fe);
export const csrAddr = (i: number): number => i >>> 20;

/** Major opcodes (unprivileged spec, Table 24.1 "RISC-V base opcode map"). */
export const Op = {
  LOAD: 0x03, MISC_MEM: 0x0f, OP_IMM: 0x13, AUIPC: 0x17, STORE: 0x23, AMO: 0x2f,
  OP: 0x33, LUI: 0x37, BRANCH: 0x63, JALR: 0x67, JAL: 0x6f, SYSTEM: 0x73,
} as const;
