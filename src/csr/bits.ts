// mstatus / mip / misa field masks (privileged spec 1.12, sections 3.1.1, 3.1.6, 3.1.9, 4.1.1).
export const MSTATUS = {
  SIE: 1 << 1, MIE: 1 << 3, SPIE: 1 << 5, UBE: 1 << 6, MPIE: 1 << 7, SPP: 1 << 8,
  VS: 3 << 9, MPP: 3 << 11, FS: 3 << 13, XS: 3 << 15, MPRV: 1 << 17, SUM: 1 << 18,
  MXR: 1 << 19, TVM: 1 << 20, TW: 1 << 21, TSR: 1 << 22, SD: 1 << 31,
} as const;
export const MPP_SHIFT = 11;
export const SPP_SHIFT = 8;

/** The fields sstatus shows of mstatus (4.1.1); UBE/VS/FS/XS/SD read zero on this hart. */
export const SSTATUS_VIEW =
  MSTATUS.SIE | MSTATUS.SPIE | MSTATUS.UBE | MSTATUS.SPP | MSTATUS.VS | MSTATUS.FS |
  MSTATUS.XS | MSTATUS.SUM | MSTATUS.MXR | MSTATUS.SD;

export const MIP = {
  SSIP: 1 << 1, MSIP: 1 << 3, STIP: 1 << 5, MTIP: 1 << 7, SEIP: 1 << 9, MEIP: 1 << 11,
} as const;
/** Interrupts S-mode may own: the only bits mideleg can hold (3.1.9). */
export const S_INTERRUPTS = MIP.SSIP | MIP.STIP | MIP.SEIP;
/** Every interrupt this hart implements; mie is writable exactly here. */
export const ALL_INTERRUPTS = S_INTERRUPTS | MIP.MSIP | MIP.MTIP | MIP.MEIP;

/** Exceptions medeleg may delegate: all implemented causes but ECALL from M (bit 11, read-only 0). */
export const DELEGABLE_EXCEPTIONS =
  0x3ff | (1 << 12) | (1 << 13) | (1 << 15);

export const MISA_MXL_32 = 1 << 30;
export function misaLetter(letter: string): number {
  return 1 << (letter.charCodeAt(0) - 65);
}

/** The one WARL write primitive (DESIGN.md example 3): only `mask` bits take the new value. */
export function warl(old: number, value: number, mask: number): number {
  return ((old & ~mask) | (value & mask)) >>> 0;
}

/** menvcfgh.STCE (menvcfg bit 63): Sstc's stimecmp drives STIP (Sstc spec; privileged 3.1.18). */
export const MENVCFGH_STCE = 1 << 31;
