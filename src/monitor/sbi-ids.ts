// SBI v2.0 extension IDs, function IDs and error codes (riscv-sbi-doc: binary-encoding, ext-*).
export const Eid = {
  legacySetTimer: 0x00,
  legacyConsolePutchar: 0x01,
  legacyConsoleGetchar: 0x02,
  legacyShutdown: 0x08,
  base: 0x10,
  time: 0x54494d45,
  ipi: 0x735049,
  rfence: 0x52464e43,
  hsm: 0x48534d,
  srst: 0x53525354,
  dbcn: 0x4442434e,
} as const;

export const SbiError = {
  success: 0,
  failed: -1,
  notSupported: -2,
  invalidParam: -3,
  denied: -4,
  invalidAddress: -5,
  alreadyAvailable: -6,
  alreadyStarted: -7,
  alreadyStopped: -8,
} as const;

/** Names for statistics and narration. */
export const EXTENSION_NAMES: Record<number, string> = {
  [Eid.legacySetTimer]: "legacy set_timer",
  [Eid.legacyConsolePutchar]: "legacy console_putchar",
  [Eid.legacyConsoleGetchar]: "legacy console_getchar",
  [Eid.legacyShutdown]: "legacy shutdown",
  [Eid.base]: "BASE",
  [Eid.time]: "TIME",
  [Eid.ipi]: "IPI",
  [Eid.rfence]: "RFENCE",
  [Eid.hsm]: "HSM",
  [Eid.srst]: "SRST",
  [Eid.dbcn]: "DBCN",
};

export const FUNCTION_NAMES: Record<number, string[]> = {
  [Eid.base]: ["get_spec_version", "get_impl_id", "get_impl_version", "probe_extension", "get_mvendorid", "get_marchid", "get_mimpid"],
  [Eid.time]: ["set_timer"],
  [Eid.ipi]: ["send_ipi"],
  [Eid.rfence]: ["remote_fence_i", "remote_sfence_vma", "remote_sfence_vma_asid", "remote_hfence_gvma_vmid", "remote_hfence_gvma", "remote_hfence_vvma_asid", "remote_hfence_vvma"],
  [Eid.hsm]: ["hart_start", "hart_stop", "hart_get_status", "hart_suspend"],
  [Eid.srst]: ["system_reset"],
  [Eid.dbcn]: ["console_write", "console_read", "console_write_byte"],
};

export function sbiCallName(eid: number, fid: number): string {
  const ext = EXTENSION_NAMES[eid];
  if (ext === undefined) return `EID 0x${(eid >>> 0).toString(16)} FID ${fid}`;
  if (eid < 0x10) return ext;
  return `${ext} ${FUNCTION_NAMES[eid]?.[fid] ?? `FID ${fid}`}`;
}

/** SBI spec version 2.0: major in bits 30:24, minor in 23:0. */
export const SPEC_VERSION = (2 << 24) | 0;
/** Not a registered SBI implementation ID (those run 0-11 and up): "TV" in ASCII. */
export const IMPL_ID = 0x5456;
export const IMPL_VERSION = 0x00000100;
