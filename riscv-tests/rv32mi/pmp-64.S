# trapvisor-specific: all 64 PMP entries exist as WARL storage (pmpcfg0..15, pmpaddr0..63
# on RV32; odd pmpcfg numbers are valid on RV32). QEMU 7.2 has only 16 entries
# (pmpcfg4+ and pmpaddr16+ are illegal there), so this file fails under QEMU by design.
#include "priv_macros.h"
TV_BEGIN
        SET_MTVEC(m_trap_rec)
        TRAP_CLEAR
#define PA(n, k, v)                                               \
        li a0, v; csrw pmpaddr##k, a0; csrr a1, pmpaddr##k;       \
        TV_CHECK_EQ(n, a1, a0)
        PA(1, 16, 0x11111110)
        PA(2, 31, 0x22222220)
        PA(3, 32, 0x33333330)
        PA(4, 63, 0x3ffffff0)
        csrr a1, pmpaddr16
        TV_CHECK_REG(5, a1, 0x11111110)
        li a0, 0x0f1f0907
        csrw pmpcfg4, a0
        csrr a1, pmpcfg4
        TV_CHECK_EQ(6, a1, a0)
        csrw pmpcfg15, a0
        csrr a1, pmpcfg15
        TV_CHECK_EQ(7, a1, a0)
        csrw pmpcfg9, a0
        csrr a1, pmpcfg9
        TV_CHECK_EQ(8, a1, a0)
        csrw pmpcfg4, zero
        csrw pmpcfg9, zero
        csrw pmpcfg15, zero
        CHECK_NO_TRAP(9)
        TV_PASS
M_TRAP_HANDLER
TV_END
