# trapvisor-specific: misaligned loads/stores from S (and U) are not handled in hardware.
# Run from S-mode: LH/LHU at odd addresses, LW/SW at addresses not a multiple of 4, SH at odd addresses raise
# load-address-misaligned (4) / store-address-misaligned (6) with mepc = the access and
# mtval = the effective address; rd and memory are unchanged. Byte accesses and
# naturally aligned accesses never trap. QEMU 7.2 performs misaligned accesses in
# hardware, so this file fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        ENTER_S(s_body)
s_body:
        la a0, buf
        li a1, 0x5555
#define LD_MIS(n, insn, off)                                      \
        TRAP_CLEAR;                                               \
n:      insn a1, off(a0);                                         \
        CHECK_MTRAP(n, CAUSE_MISALIGNED_LOAD, n##b);              \
        addi t1, a0, off;                                         \
        TV_CHECK_EQ(n, s11, t1);                                  \
        TV_CHECK_REG(n, a1, 0x5555)
#define ST_MIS(n, insn, off)                                      \
        TRAP_CLEAR;                                               \
n:      insn a2, off(a0);                                         \
        CHECK_MTRAP(n, CAUSE_MISALIGNED_STORE, n##b);             \
        addi t1, a0, off;                                         \
        TV_CHECK_EQ(n, s11, t1)
        LD_MIS(1, lh, 1)
        LD_MIS(2, lhu, 3)
        LD_MIS(3, lw, 1)
        LD_MIS(4, lw, 2)
        LD_MIS(5, lw, 3)
        LD_MIS(6, lh, -1)
        li a2, -1
        ST_MIS(10, sh, 1)
        ST_MIS(11, sw, 1)
        ST_MIS(12, sw, 2)
        ST_MIS(13, sw, 7)
        # memory untouched by the trapping stores
        lw a3, 0(a0)
        TV_CHECK_REG(14, a3, 0x03020100)
        lw a3, 4(a0)
        TV_CHECK_REG(15, a3, 0x07060504)
        lw a3, 8(a0)
        TV_CHECK_REG(16, a3, 0x0b0a0908)
        # aligned and byte accesses are fine
        TRAP_CLEAR
        lh a3, 2(a0)
        lhu a3, 6(a0)
        lb a3, 3(a0)
        lbu a3, 5(a0)
        sb a3, 1(a0)
        sh a3, 10(a0)
        lw a3, 4(a0)
        CHECK_NO_TRAP(20)
        TV_PASS
M_TRAP_HANDLER
        .data
        .align 4
        .byte 0xfc, 0xfd, 0xfe, 0xff
buf:    .byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
TV_END
