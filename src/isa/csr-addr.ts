// CSR addresses (privileged spec 1.12, Tables 2.2-2.6; unprivileged spec chapter "Zicntr").
export const Csr = {
  // Unprivileged counters (read-only shadows)
  cycle: 0xc00, time: 0xc01, instret: 0xc02, hpmcounter3: 0xc03,
  cycleh: 0xc80, timeh: 0xc81, instreth: 0xc82, hpmcounter3h: 0xc83,
  // Supervisor
  sstatus: 0x100, sie: 0x104, stvec: 0x105, scounteren: 0x106, senvcfg: 0x10a,
  sscratch: 0x140, sepc: 0x141, scause: 0x142, stval: 0x143, sip: 0x144,
  satp: 0x180,
  stimecmp: 0x14d, stimecmph: 0x15d,
  // Machine information
  mvendorid: 0xf11, marchid: 0xf12, mimpid: 0xf13, mhartid: 0xf14, mconfigptr: 0xf15,
  // Machine trap setup
  mstatus: 0x300, misa: 0x301, medeleg: 0x302, mideleg: 0x303, mie: 0x304, mtvec: 0x305,
  mcounteren: 0x306, mstatush: 0x310,
  // Machine trap handling
  mscratch: 0x340, mepc: 0x341, mcause: 0x342, mtval: 0x343, mip: 0x344,
  // Machine configuration
  menvcfg: 0x30a, menvcfgh: 0x31a,
  // Memory protection
  pmpcfg0: 0x3a0, pmpaddr0: 0x3b0,
  // Machine counters
  mcycle: 0xb00, minstret: 0xb02, mhpmcounter3: 0xb03,
  mcycleh: 0xb80, minstreth: 0xb82, mhpmcounter3h: 0xb83,
  mcountinhibit: 0x320, mhpmevent3: 0x323,
  // Debug/trace triggers (Sdtrig): present so probing software sees "no triggers"
  tselect: 0x7a0, tdata1: 0x7a1, tdata2: 0x7a2, tdata3: 0x7a3, tinfo: 0x7a4,
} as const;

export type CsrName = keyof typeof Csr;
